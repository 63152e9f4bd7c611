// "Replay a real study": successive halving (or Hyperband, or two-step) run over the learning-curve
// table (`npm run bench:table`) instead of training, so a class sees in a moment what a study at real
// fidelity would have trained, promoted and picked, what that cost, and how often such a study picks
// the best configuration (the tabular-benchmark replay of LCBench, Zimmer et al. 2021, in the page).
import { useMemo, useState } from 'react';
import { REPLAY_SCHEDULERS, replayPlan, type ReplaySchedulerName } from '../../core/groundTruth/replayPlans';
import type { PromotionRuleName } from '../../core/groundTruth/replayPromotion';
import { DEFAULT_SIMULATION, replayStudyNumber } from '../../core/groundTruth/simulateStudies';
import { fullFidelityLabel, type TableConfiguration } from '../../core/groundTruth/tableConfigurations';
import type { LearningCurveTable } from '../../core/groundTruth/learningCurveTable';
import { NumberField } from '../components/NumberField';
import { ReplayLadder } from './ReplayLadder';
import { ReplayMany } from './ReplayMany';
import { useLearningCurveTable } from './useLearningCurveTable';

const SCHEDULER_LABELS: Record<ReplaySchedulerName, string> = {
  successiveHalving: 'successive halving over data fractions',
  successiveHalvingEpochs: 'successive halving over epochs',
  hyperband: 'Hyperband',
  twoStep: 'two-step (small data first, then all of it)',
};
// The meta-model rules refit per study (seconds each here): their replayed figures are bench:simulate's.
const RULE_LABELS: Partial<Record<PromotionRuleName, string>> = {
  accuracy: 'validation accuracy (plain successive halving)',
  compositeSharpness: 'accuracy - 0.1 x sharpness',
  powerLaw: 'accuracy extrapolated by a power law',
  probeRegression: 'probe regression learned on the other configurations',
};

export function TableReplayPanel() {
  const [open, setOpen] = useState(false);
  const state = useLearningCurveTable(open);
  return (
    <section className="panel" data-testid="table-replay">
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          <h2>Replay a real study (no training)</h2>
        </summary>
        {state.phase === 'loading' && <p className="muted">Loading the learning-curve table…</p>}
        {state.phase === 'missing' && (
          <p role="alert">
            This build has no learning-curve table: <code>npm run bench:table</code> builds one.
          </p>
        )}
        {state.phase === 'error' && <p role="alert">{state.message}</p>}
        {state.phase === 'ready' &&
          (state.configs.length < 2 ? (
            <p role="alert">
              The table in this build has {state.configs.length} configuration(s) with every data fraction; a replay
              needs at least 2.
            </p>
          ) : (
            <Replay table={state.table} configs={state.configs} />
          ))}
      </details>
    </section>
  );
}

function Replay({ table, configs }: { table: LearningCurveTable; configs: TableConfiguration[] }) {
  const { header } = table;
  const [scheduler, setScheduler] = useState<ReplaySchedulerName>('successiveHalving');
  const [rule, setRule] = useState<PromotionRuleName>('accuracy');
  const [poolSize, setPoolSize] = useState(Math.min(9, configs.length));
  const [study, setStudy] = useState(0);
  const valid = Number.isInteger(poolSize) && poolSize >= 2 && poolSize <= configs.length;
  const validStudy = Number.isInteger(study) && study >= 0;
  const replayed = useMemo(() => {
    if (!valid || !validStudy) return null;
    try {
      const plan = replayPlan(header, scheduler, poolSize);
      return { plan, ...replayStudyNumber(table, configs, plan, poolSize, rule, study, DEFAULT_SIMULATION) };
    } catch (e) {
      return { error: `This replay cannot run: ${e instanceof Error ? e.message : String(e)}` };
    }
  }, [table, header, configs, scheduler, rule, poolSize, study, valid, validStudy]);
  const one = replayed && 'outcome' in replayed ? replayed : null;
  const best = one ? one.pool.reduce((a, c) => (c.fullAccuracy > a.fullAccuracy ? c : a)) : null;
  const picked = one ? one.pool.find((c) => c.configId === one.outcome.pick)! : null;

  return (
    <div className="replay">
      <p>
        {configs.length} configurations of SimpleCNN, each trained by <code>npm run bench:table</code> on real CIFAR-10
        at {configs[0].rows.map((r) => r.images.toLocaleString('en')).join(', ')} training images for {header.epochs}{' '}
        epochs, with validation accuracy on {header.validationSize.toLocaleString('en')} held-out images after every
        epoch. <strong>Full = {fullFidelityLabel(header)}.</strong> A replay reads those measured curves instead of
        training. The test set is not in this page.
      </p>
      <div className="replay-controls">
        <label className="field">
          <span>scheduler</span>
          <select
            value={scheduler}
            data-testid="replay-scheduler"
            onChange={(e) => setScheduler(e.target.value as ReplaySchedulerName)}
          >
            {REPLAY_SCHEDULERS.map((s) => (
              <option key={s} value={s}>
                {SCHEDULER_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>promote by</span>
          <select value={rule} data-testid="replay-rule" onChange={(e) => setRule(e.target.value as PromotionRuleName)}>
            {Object.entries(RULE_LABELS).map(([r, label]) => (
              <option key={r} value={r}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <NumberField
          label="configurations per study"
          value={poolSize}
          step={1}
          min={2}
          max={configs.length}
          disabled={false}
          testId="replay-pool"
          hint={valid ? undefined : `Between 2 and ${configs.length}, the table's complete configurations.`}
          onChange={setPoolSize}
        />
        <NumberField
          label="study number"
          value={study}
          step={1}
          min={0}
          disabled={false}
          testId="replay-study"
          hint={validStudy ? 'Each number draws another set of configurations.' : 'A whole number from 0.'}
          onChange={setStudy}
        />
      </div>
      {replayed && 'error' in replayed && <p role="alert">{replayed.error}</p>}
      {one && picked && best && (
        <>
          <p data-testid="replay-result" data-pick={one.outcome.pick} data-regret={one.outcome.regretPts.toFixed(2)}>
            The study picks <strong>{picked.configId}</strong> ({(100 * picked.fullAccuracy).toFixed(1)}% at full
            fidelity); the best of its {one.pool.length} is {best.configId} ({(100 * best.fullAccuracy).toFixed(1)}%).
            Regret {one.outcome.regretPts.toFixed(2)} points, for {(100 * one.outcome.computeFraction).toFixed(0)}% of
            the compute of training all {one.pool.length} fully. <span className="muted">{one.plan.note}</span>
          </p>
          <ReplayLadder header={header} pool={one.pool} outcome={one.outcome} />
        </>
      )}
      {one && (
        <ReplayMany
          key={`${scheduler}/${rule}/${poolSize}`}
          table={table}
          configs={configs}
          scheduler={scheduler}
          rule={rule}
          poolSize={poolSize}
        />
      )}
    </div>
  );
}
