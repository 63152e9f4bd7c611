// The settings of a replayed study: scheduler, promotion rule, configurations per study and the
// study's number (which sub-pool of the table it draws), with a lesson link that reopens them.
import { REPLAY_SCHEDULERS, type ReplaySchedulerName } from '../../core/groundTruth/replayPlans';
import { PAGE_REPLAY_RULES, type PageReplayRule, type ReplayLink } from '../../core/link/replayParams';
import { NumberField } from '../components/NumberField';

const SCHEDULER_LABELS: Record<ReplaySchedulerName, string> = {
  successiveHalving: 'successive halving over data fractions',
  successiveHalvingEpochs: 'successive halving over epochs',
  hyperband: 'Hyperband',
  twoStep: 'two-step (small data first, then all of it)',
};
const RULE_LABELS: Record<PageReplayRule, string> = {
  accuracy: 'validation accuracy (plain successive halving)',
  compositeSharpness: 'accuracy - 0.1 x sharpness',
  powerLaw: 'accuracy extrapolated by a power law',
  probeRegression: 'probe regression learned on the other configurations',
};

export interface ReplaySettings extends Omit<ReplayLink, 'poolSize'> {
  poolSize: number;
}

export function ReplayControls({
  value,
  onChange,
  configurations,
}: {
  value: ReplaySettings;
  onChange: (v: ReplaySettings) => void;
  configurations: number;
}) {
  const { scheduler, rule, poolSize, study } = value;
  const poolValid = Number.isInteger(poolSize) && poolSize >= 2 && poolSize <= configurations;
  const studyValid = Number.isInteger(study) && study >= 0;
  return (
    <div className="replay-controls">
      <label className="field">
        <span>scheduler</span>
        <select
          value={scheduler}
          data-testid="replay-scheduler"
          onChange={(e) => onChange({ ...value, scheduler: e.target.value as ReplaySchedulerName })}
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
        <select
          value={rule}
          data-testid="replay-rule"
          onChange={(e) => onChange({ ...value, rule: e.target.value as PageReplayRule })}
        >
          {PAGE_REPLAY_RULES.map((r) => (
            <option key={r} value={r}>
              {RULE_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
      <NumberField
        label="configurations per study"
        value={poolSize}
        step={1}
        min={2}
        max={configurations}
        disabled={false}
        testId="replay-pool"
        hint={poolValid ? undefined : `Between 2 and ${configurations}, the table's complete configurations.`}
        onChange={(v) => onChange({ ...value, poolSize: v })}
      />
      <NumberField
        label="study number"
        value={study}
        step={1}
        min={0}
        disabled={false}
        testId="replay-study"
        hint={studyValid ? 'Each number draws another set of configurations.' : 'A whole number from 0.'}
        onChange={(v) => onChange({ ...value, study: v })}
      />
    </div>
  );
}
