// Preset choice, the rung plan before the run, Run study / Stop, and the study's progress.
import { PRESETS, findPreset } from '../../core/presets';
import { studyProblems } from '../../core/studyProblems';
import { computeFraction, planSuccessiveHalving } from '../../core/successiveHalving';
import { selectPreset, startStudy, stopStudy } from '../../store/actions';
import { useLab } from '../../store/labStore';
import { ProgressBar } from './ProgressBar';
import { StudySettings } from './StudySettings';

export function StudyPanel() {
  const presetId = useLab((s) => s.presetId);
  const busy = useLab((s) => s.busy);
  const study = useLab((s) => s.study);
  const error = useLab((s) => s.studyError);
  const datasetPhase = useLab((s) => s.dataset.phase);
  const definition = useLab((s) => s.definition);
  const preset = findPreset(presetId)!;
  const problems = studyProblems(definition);
  const sched = definition.scheduler;
  const plan = problems.length === 0 ? planSuccessiveHalving(sched) : [];
  const runPlan = study?.plan ?? plan;
  const planned = runPlan.reduce((n, r) => n + r.numTrials, 0);
  const done = study?.trials.filter((t) => t.state !== 'queued' && t.state !== 'running').length ?? 0;
  const full = definition.data.maxTrainImages;

  return (
    <section className="panel study-panel">
      <h2>Study</h2>
      <div className="controls">
        <label>Preset{' '}
          <select value={presetId} disabled={busy !== 'idle'} onChange={(e) => selectPreset(e.target.value)} data-testid="preset-select">
            {PRESETS.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
          </select>
        </label>
        <button className="primary" onClick={() => void startStudy()} disabled={busy !== 'idle' || datasetPhase === 'error' || problems.length > 0}>Run study</button>
        <button onClick={stopStudy} disabled={busy !== 'running'}>Stop</button>
      </div>
      <p className="explain">{preset.explains}</p>
      <StudySettings />
      {problems.length > 0 ? (
        <div role="alert" className="error" data-testid="study-problems">{problems.map((p) => <p key={p}>{p}</p>)}</div>
      ) : (
        <p className="plan" data-testid="rung-plan">
          Plan: {plan.map((r) => `${r.numTrials} × ${Math.round(r.resource * full)} images`).join(' → ')}, {definition.fixed.epochs ?? 1} epoch(s) each;
          compute {(100 * computeFraction(plan, sched.numConfigs, sched.maxResource)).toFixed(0)}% of training all {sched.numConfigs} configurations on {full} images.
        </p>
      )}
      {busy === 'starting' && <p data-testid="study-starting">Starting workers and loading data…</p>}
      {study && (
        <ProgressBar value={done} max={planned} testId="study-progress"
          label={`${done} / ${planned} trials · ${study.phase === 'running' ? `rung ${study.rung + 1} of ${runPlan.length}` : study.phase}`} />
      )}
      {error && <p role="alert" className="error">{error}</p>}
    </section>
  );
}
