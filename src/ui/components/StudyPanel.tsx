// Preset choice, the rung plan before the run, Run study / Stop, and the study's progress.
import { PRESETS, findPreset } from '../../core/presets';
import { studyProblems } from '../../core/studyProblems';
import { copyShareLink, selectPreset, startStudy, stopStudy } from '../../store/actions';
import { useLab } from '../../store/labStore';
import { StudyProgress } from './StudyProgress';
import { StudySettings } from './StudySettings';
import { PlanSummary } from './PlanSummary';
import { SearchSpaceEditor } from './SearchSpaceEditor';

export function StudyPanel() {
  const presetId = useLab((s) => s.presetId);
  const busy = useLab((s) => s.busy);
  const error = useLab((s) => s.studyError);
  const datasetPhase = useLab((s) => s.dataset.phase);
  const definition = useLab((s) => s.definition);
  const preset = findPreset(presetId);
  const problems = studyProblems(definition);
  const shareNote = useLab((s) => s.shareNote);
  const { hide, lock } = useLab((s) => s.classroom); // lesson-link options

  return (
    <section className="panel study-panel">
      <h2>Study</h2>
      <div className="controls">
        {!hide.includes('preset') && <label>Preset{' '}
          <select value={presetId} disabled={busy !== 'idle' || lock} onChange={(e) => selectPreset(e.target.value)} data-testid="preset-select">
            {PRESETS.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
            {!preset && <option value={presetId}>Custom study ({definition.name})</option>}
          </select>
        </label>}
        {!hide.includes('run') && <>
          <button className="primary" onClick={() => void startStudy()} disabled={busy !== 'idle' || datasetPhase === 'error' || problems.length > 0}>Run study</button>
          <button onClick={stopStudy} disabled={busy !== 'running'}>Stop</button>
        </>}
        {lock && <span className="muted" data-testid="study-locked">Study settings locked by the lesson link.</span>}
        <button onClick={() => void copyShareLink()} disabled={problems.length > 0}>Copy share link</button>
        {shareNote && <span className="muted" role="status" data-testid="share-note">{shareNote}</span>}
      </div>
      <p className="explain">{preset?.explains ?? `A study opened from a link or a saved record: ${definition.name}.`}</p>
      {!hide.includes('settings') && <StudySettings />}
      {!hide.includes('settings') && <SearchSpaceEditor />}
      {problems.length > 0 ? (
        <div role="alert" className="error" data-testid="study-problems">{problems.map((p) => <p key={p}>{p}</p>)}</div>
      ) : (
        !hide.includes('plan') && <PlanSummary definition={definition} />
      )}
      {busy === 'starting' && <p data-testid="study-starting">Starting workers and loading data…</p>}
      <StudyProgress testId="study-progress" />
      {error && <p role="alert" className="error">{error}</p>}
    </section>
  );
}
