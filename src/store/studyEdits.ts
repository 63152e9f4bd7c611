// Edits of the next study and of the page's presentation; a lesson link's lock freezes the study.
import { findPreset } from '../core/study/presets';
import type { StudyDefinition } from '../core/study/studyDefinition';
import { labStore, type LabState } from './labStore';

export function selectPreset(presetId: string): void {
  if (labStore.getState().classroom.lock) return; // a lesson link locked the study
  const preset = findPreset(presetId);
  if (preset) labStore.setState({ presetId, definition: preset.study });
}

/** Edits the successive-halving settings, seed or data budget of the next study. */
export function editStudy(patch: {
  scheduler?: Partial<StudyDefinition['scheduler']>;
  data?: Partial<StudyDefinition['data']>;
  fixed?: Partial<StudyDefinition['fixed']>;
  seed?: number;
  sampler?: StudyDefinition['sampler'];
}): void {
  if (labStore.getState().classroom.lock) return;
  const d = labStore.getState().definition;
  labStore.setState({
    definition: {
      ...d,
      seed: patch.seed ?? d.seed,
      sampler: patch.sampler ?? d.sampler,
      scheduler: { ...d.scheduler, ...patch.scheduler },
      data: { ...d.data, ...patch.data },
      fixed: { ...d.fixed, ...patch.fixed },
    },
  });
}

/** Lesson options from the link: the opening view, hidden controls, locked settings. */
export function applyClassroom(classroom: LabState['classroom']): void {
  labStore.setState({
    classroom: { view: classroom.view, hide: [...classroom.hide], lock: classroom.lock, replay: classroom.replay },
  });
}

/** The presentation toggle: one chart at a time in large type, or the whole lab. */
export function setView(view: LabState['classroom']['view']): void {
  labStore.setState({ classroom: { ...labStore.getState().classroom, view } });
}

export function forceBackend(backend: LabState['forcedBackend']): void {
  labStore.setState({ forcedBackend: backend });
}
