// The plan before the run: every bracket's rungs (configurations x images x epochs) and the total
// compute as a fraction of training every configuration fully, and the estimate of its memory per
// trial and wall time on this machine (../../core/study/studyEstimate).
import { budgetAt, planBrackets, summarisePlan } from '../../core/schedulers/schedule';
import type { StudyDefinition } from '../../core/study/studyDefinition';
import { estimateText, type StudyEstimate } from '../../core/study/studyEstimate';
import { formatPercent } from '../kit/format';

export function PlanSummary({ definition, estimate }: { definition: StudyDefinition; estimate: StudyEstimate | null }) {
  const brackets = planBrackets(definition);
  const summary = summarisePlan(definition);
  const full = definition.data.maxTrainImages;
  const rung = (resource: number, n: number) => {
    const b = budgetAt(definition, resource);
    return `${n} × ${Math.round(b.dataFraction * full)} images × ${b.epochs} ep`;
  };
  const async = definition.scheduler.kind === 'asha';
  return (
    <div className="plan" data-testid="rung-plan">
      {brackets.map((b) => (
        <p key={b.bracket}>
          {brackets.length > 1 ? `Bracket ${b.bracket + 1}: ` : 'Plan: '}
          {b.rungs.map((r) => rung(r.resource, r.numTrials)).join(' → ')}
        </p>
      ))}
      <p>
        {summary.configurations} configurations, {summary.trials} trials
        {async ? ' (ASHA promotes asynchronously: its synchronous equivalent is shown)' : ''}; compute{' '}
        <strong data-testid="compute-fraction">{formatPercent(summary.computeFraction, 0)}</strong> of training every
        configuration on {full} images × {definition.fixed.epochs ?? 1} epoch(s).
      </p>
      {estimate && (
        <p data-testid="study-estimate" data-verdict={estimate.verdict}>
          Estimate: {estimateText(estimate)}.
        </p>
      )}
    </div>
  );
}
