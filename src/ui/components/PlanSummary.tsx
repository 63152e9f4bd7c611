// The plan before the run: every bracket's rungs (configurations x images x epochs) and the total
// compute as a fraction of training every configuration fully, and the estimate of its memory per
// trial and, once this device has trained a study, its wall time as a measured range (./studyDuration);
// a very long study keeps the core estimate, whose order of magnitude is the point.
import { budgetAt, planBrackets, summarisePlan } from '../../core/schedulers/schedule';
import type { StudyDefinition } from '../../core/study/studyDefinition';
import { describeMachine, estimateText, type StudyEstimate } from '../../core/study/studyEstimate';
import { Term } from '../glossary/Term';
import { formatBytes, formatPercent } from '../kit/format';
import type { DurationRange } from './studyDuration';

function estimateWords(e: StudyEstimate, duration: DurationRange | null): string {
  if (e.verdict !== 'ok') return estimateText(e);
  const memory = `up to ${formatBytes(e.memoryPerTrialBytes)} per trial (limit ${formatBytes(e.memoryLimitBytes)})`;
  const on = describeMachine({ ...e.machine, workers: Math.max(1, e.machine.workers) });
  return duration
    ? `${memory}; ${duration.text} on ${on}, from the speed this device measured (${Math.round(duration.rates[0])} to ${Math.round(duration.rates[1])} images/s per worker)`
    : `${memory}; how long it takes shows here once this device has trained a study`;
}

export function PlanSummary({
  definition,
  estimate,
  duration,
}: {
  definition: StudyDefinition;
  estimate: StudyEstimate | null;
  duration: DurationRange | null;
}) {
  const brackets = planBrackets(definition);
  const summary = summarisePlan(definition);
  const full = definition.data.maxTrainImages;
  const rung = (resource: number, n: number) => {
    const b = budgetAt(definition, resource);
    return `${n} × ${Math.round(b.dataFraction * full).toLocaleString('en')} images × ${b.epochs} ep`;
  };
  const async = definition.scheduler.kind === 'asha';
  return (
    <div className="plan" data-testid="rung-plan">
      {brackets.map((b) => (
        <p key={b.bracket}>
          {brackets.length > 1 ? `Bracket ${b.bracket + 1}: ` : 'Plan, one '}
          {brackets.length > 1 ? null : <Term id="rung" />}
          {brackets.length > 1 ? null : ' after another: '}
          {b.rungs.map((r) => rung(r.resource, r.numTrials)).join(' → ')}
        </p>
      ))}
      <p>
        {summary.configurations} configurations, {summary.trials} trials
        {async ? ' (ASHA promotes asynchronously: its synchronous equivalent is shown)' : ''}; compute{' '}
        <strong data-testid="compute-fraction">{formatPercent(summary.computeFraction, 0)}</strong> of training every
        configuration on {full.toLocaleString('en')} images × {definition.fixed.epochs ?? 1} epoch(s).
      </p>
      {estimate && (
        <p data-testid="study-estimate" data-verdict={estimate.verdict}>
          Estimate: {estimateWords(estimate, duration)}.
        </p>
      )}
    </div>
  );
}
