// Preset choice, the rung plan before the run, Run study / Stop, and the study's progress.
import { useState } from 'react';
import { PRESETS, presetOf } from '../../core/study/presets';
import { studyProblems } from '../../core/study/studyProblems';
import { startStudy, stopStudy } from '../../store/actions';
import { selectPreset } from '../../store/studyEdits';
import { copyShareLink } from '../../store/shareLink';
import { useLab } from '../../store/labStore';
import { StudyProgress } from './StudyProgress';
import { StudySettings } from './StudySettings';
import { PlanSummary } from './PlanSummary';
import { SearchSpaceEditor } from './SearchSpaceEditor';
import { useStudyEstimate } from './useStudyEstimate';
import { Notice } from '../kit/Notice';

export function StudyPanel() {
  const busy = useLab((s) => s.busy);
  const error = useLab((s) => s.studyError);
  const datasetPhase = useLab((s) => s.dataset.phase);
  const definition = useLab((s) => s.definition);
  // Only a definition equal to a preset in every field shows as that preset.
  const preset = presetOf(definition);
  const estimate = useStudyEstimate(definition);
  const refused = estimate?.verdict === 'refuse' ? [estimate.reason!] : [];
  const problems = studyProblems(definition);
  const [asking, setAsking] = useState(false); // a very long study asks before it runs
  const run = () => (estimate?.verdict === 'confirm' ? setAsking(true) : void startStudy());
  const shareNote = useLab((s) => s.shareNote);
  const { hide, lock } = useLab((s) => s.classroom); // lesson-link options

  return (
    <section className="panel study-panel">
      <h2>Study</h2>
      <div className="controls">
        {!hide.includes('preset') && (
          <label>
            Preset{' '}
            <select
              value={preset?.id ?? 'custom'}
              disabled={busy !== 'idle' || lock}
              onChange={(e) => selectPreset(e.target.value)}
              data-testid="preset-select"
            >
              {PRESETS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
              {!preset && <option value="custom">Custom study ({definition.name})</option>}
            </select>
          </label>
        )}
        {!hide.includes('run') && (
          <>
            <button
              className="primary"
              onClick={run}
              disabled={busy !== 'idle' || datasetPhase === 'error' || problems.length + refused.length > 0}
            >
              Run study
            </button>
            <button onClick={stopStudy} disabled={busy !== 'running'}>
              Stop
            </button>
          </>
        )}
        {lock && (
          <Notice tone="info" as="span" testId="study-locked">
            Study settings locked by the lesson link.
          </Notice>
        )}
        <button onClick={() => void copyShareLink()} disabled={problems.length > 0}>
          Copy share link
        </button>
        {shareNote && (
          <Notice tone="info" as="span" live="status" testId="share-note">
            {shareNote}
          </Notice>
        )}
      </div>
      {asking && estimate?.verdict === 'confirm' && (
        <Notice tone="warning" live="alert" as="div" testId="study-confirm">
          <p>{estimate.reason} Run it anyway?</p>
          <button
            className="primary"
            onClick={() => {
              setAsking(false);
              void startStudy({ confirmed: true });
            }}
          >
            Run anyway
          </button>{' '}
          <button onClick={() => setAsking(false)}>Cancel</button>
        </Notice>
      )}
      <p className="explain" data-testid="study-explains">
        {preset?.explains ??
          `A custom study (${definition.name}): not one of the presets, so check its plan and estimate below.`}
      </p>
      {!hide.includes('settings') && <StudySettings />}
      {!hide.includes('settings') && <SearchSpaceEditor />}
      {problems.length + refused.length > 0 && (
        <Notice tone="error" live="alert" as="div" testId="study-problems">
          {[...problems, ...refused].map((p) => (
            <p key={p}>{p}</p>
          ))}
        </Notice>
      )}
      {problems.length === 0 && !hide.includes('plan') && <PlanSummary definition={definition} estimate={estimate} />}
      {busy === 'starting' && <p data-testid="study-starting">Starting workers and loading data…</p>}
      <StudyProgress testId="study-progress" />
      {error && (
        <Notice tone="error" live="alert">
          {error}
        </Notice>
      )}
    </section>
  );
}
