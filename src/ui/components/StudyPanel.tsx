// The study, first on the page: what it will do, the preset, Run study / Stop, its progress and
// plan; the settings that change it sit in a collapsed section whose summary still says what is set.
// Run and Stop are aria-disabled rather than disabled while they cannot act, so a pressed button
// keeps the keyboard focus instead of dropping it to <body>.
import { useState } from 'react';
import { PRESETS, presetOf } from '../../core/study/presets';
import { studyProblems } from '../../core/study/studyProblems';
import { startStudy, stopStudy } from '../../app/page';
import { selectPreset } from '../../store/studyEdits';
import { copyShareLink } from '../../store/shareLink';
import { copyResultsLink } from '../../store/resultsLink';
import { useLab } from '../../store/labStore';
import { Notice } from '../kit/Notice';
import { PlanSummary } from './PlanSummary';
import { SearchSpaceEditor } from './SearchSpaceEditor';
import { SettingsSummary } from './SettingsSummary';
import { StudyProgress } from './StudyProgress';
import { StudySettings } from './StudySettings';
import { useStudyDuration } from './useStudyDuration';
import { useStudyEstimate } from './useStudyEstimate';

export function StudyPanel() {
  const busy = useLab((s) => s.busy);
  const error = useLab((s) => s.studyError);
  const datasetPhase = useLab((s) => s.dataset.phase);
  const definition = useLab((s) => s.definition);
  // Only a definition equal to a preset in every field shows as that preset.
  const preset = presetOf(definition);
  const estimate = useStudyEstimate(definition);
  const duration = useStudyDuration();
  const refused = estimate?.verdict === 'refuse' ? [estimate.reason!] : [];
  const problems = studyProblems(definition);
  const [asking, setAsking] = useState(false); // a very long study asks before it runs
  const canRun = busy === 'idle' && datasetPhase !== 'error' && problems.length + refused.length === 0;
  const run = () => {
    if (!canRun) return;
    if (estimate?.verdict === 'confirm') setAsking(true);
    else void startStudy();
  };
  const shareNote = useLab((s) => s.shareNote);
  const finished = useLab((s) => s.study !== null && s.study.phase !== 'running'); // has results to share
  const { hide, lock } = useLab((s) => s.classroom); // lesson-link options
  const presetLabel = (p: (typeof PRESETS)[number]) => {
    const d = duration(p.study);
    return d ? `${p.label}, ${d.text} here` : p.label;
  };

  return (
    <section className="panel study-panel" aria-labelledby="study-heading">
      <h2 id="study-heading">Study</h2>
      <p className="explain" data-testid="study-explains">
        {preset?.explains ??
          `A custom study (${definition.name}): not one of the presets, so check its plan and estimate below.`}
      </p>
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
                  {presetLabel(p)}
                </option>
              ))}
              {!preset && <option value="custom">Custom study ({definition.name})</option>}
            </select>
          </label>
        )}
        {!hide.includes('run') && (
          <>
            <button className="primary" onClick={run} aria-disabled={!canRun} data-testid="run-study">
              Run study
            </button>
            <button
              onClick={() => busy === 'running' && stopStudy()}
              aria-disabled={busy !== 'running'}
              data-testid="stop-study"
            >
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
        {finished && (
          <button onClick={() => void copyResultsLink()} disabled={busy !== 'idle'} data-testid="copy-results-link">
            Copy results link
          </button>
        )}
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
      {busy === 'starting' && <p data-testid="study-starting">Starting workers and loading data…</p>}
      <StudyProgress testId="study-progress" />
      {error && (
        <Notice tone="error" live="alert">
          {error}
        </Notice>
      )}
      {problems.length + refused.length > 0 && (
        <Notice tone="error" live="alert" as="div" testId="study-problems">
          {[...problems, ...refused].map((p) => (
            <p key={p}>{p}</p>
          ))}
        </Notice>
      )}
      {problems.length === 0 && !hide.includes('plan') && (
        <PlanSummary definition={definition} estimate={estimate} duration={duration(definition)} />
      )}
      {!hide.includes('settings') && (
        <details className="advanced" data-testid="study-advanced">
          <summary data-testid="study-settings-toggle">
            Change the study <SettingsSummary definition={definition} />
          </summary>
          <StudySettings />
          <SearchSpaceEditor />
        </details>
      )}
    </section>
  );
}
