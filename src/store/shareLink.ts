// Share links and launch links: a study in the URL hash, presets, backend and lesson options in the query.
import { findPreset, presetOf, PRESETS } from '../core/study/presets';
import { parseLaunchParams } from '../core/link/launchParams';
import { parseClassroomParams, type ClassroomParams } from '../core/link/classroomParams';
import { completeStudy, decodeStudy, studyHash } from '../core/link/urlState';
import { isResultsLink } from '../core/link/resultsLink';
import { labStore } from './labStore';
import { applyClassroom, forceBackend, selectPreset } from './studyEdits';

/** Puts a link that reproduces the current study definition on the clipboard. */
export async function copyShareLink(): Promise<void> {
  const url = `${location.origin}${location.pathname}${studyHash(labStore.getState().definition)}`;
  try {
    await navigator.clipboard.writeText(url);
    labStore.setState({ shareNote: 'Share link copied to the clipboard.' });
  } catch {
    labStore.setState({ shareNote: `Copy this link: ${url}` });
  }
  history.replaceState(null, '', url);
}

/**
 * Applies a share link from the URL hash: the study it names, or defaults for whatever was wrong.
 * Returns its notices. Any fragment but '' and '#' is read, so #S=… gets a notice, not silence.
 */
export function applyShareLink(hash: string): string[] {
  if (hash === '' || hash === '#') return [];
  const result = decodeStudy(hash);
  if (result.ok) {
    labStore.setState({ definition: result.study, presetId: presetOf(result.study)?.id ?? 'custom' });
    return result.notes;
  }
  const fallback = findPreset(labStore.getState().presetId)?.study ?? labStore.getState().definition;
  const definition = result.partial ? completeStudy(result.partial, fallback) : fallback;
  const kept = result.partial ? Object.keys(result.partial).filter((k) => k !== 'v') : [];
  labStore.setState({ definition, presetId: presetOf(definition)?.id ?? 'custom' });
  return [
    `${result.error} ${kept.length ? `The valid parts (${kept.join(', ')}) were kept; the rest uses the defaults.` : 'The default study is shown instead.'} Nothing was run.`,
  ];
}

/**
 * What the page was opened with: ?preset= and ?backend=, a whole study in #s=… (results in #r=… are
 * opened by ./resultsLink), and the lesson options (?view=present&hide=…&lock=1), which apply last
 * so that a lock keeps the study. Every notice is shown once, after `earlier` ones (a repaired
 * query). Returns the lesson options (debug included).
 */
export function openLaunchLink(search: string, hash: string, earlier: readonly string[] = []): ClassroomParams {
  const launch = parseLaunchParams(
    search,
    PRESETS.map((p) => p.id),
  );
  if (launch.presetId) selectPreset(launch.presetId);
  if (launch.backend) forceBackend(launch.backend);
  // A results link (#r=…) is read asynchronously by openResultsLink; it holds no study definition to apply here.
  const shareNotes = isResultsLink(hash) ? [] : applyShareLink(hash);
  const classroom = parseClassroomParams(search);
  applyClassroom(classroom);
  labStore.setState({
    linkProblems: [...new Set([...earlier, ...launch.problems, ...shareNotes, ...classroom.problems])],
  });
  return classroom;
}
