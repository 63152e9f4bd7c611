// Every scheduler the table replays, under one promotion rule and pool size, on the same 1,000
// sub-pools: where each lands in compute against P(pick = best), beside the equal-compute baseline of
// training a random share of the pool fully (its P(best) is that share: k of n drawn at random
// contain the best with probability k/n, and cost k/n of the pool in expectation), and its regret
// against that baseline study by study (../../core/groundTruth/equalComputeReport).
import type { LearningCurveTable } from '../../core/groundTruth/learningCurveTable';
import { REPLAY_SCHEDULERS } from '../../core/groundTruth/replayPlans';
import type { PromotionRuleName } from '../../core/groundTruth/replayPromotion';
import { equalComputeDifference } from '../../core/groundTruth/equalComputeReport';
import { ruleReport, type PairedDifference, type RuleReport } from '../../core/groundTruth/ruleReport';
import type { SimulationSettings } from '../../core/groundTruth/simulateStudies';
import { fullFidelityLabel, type TableConfiguration } from '../../core/groundTruth/tableConfigurations';
import { replayRuns } from './replayStudies';

/** A scheduler's figures, and its regret minus random search's at the same compute on the same studies. */
export type SchedulerReport = RuleReport & { vsRandom: PairedDifference };

export async function compareSchedulers(
  table: LearningCurveTable,
  configs: readonly TableConfiguration[],
  req: { rule: PromotionRuleName; poolSize: number; studies: number; settings: SimulationSettings },
  onProgress: (done: number, total: number) => void,
  cancelled: () => boolean,
): Promise<SchedulerReport[] | null> {
  const total = REPLAY_SCHEDULERS.length * req.studies;
  const reports: SchedulerReport[] = [];
  for (const [i, scheduler] of REPLAY_SCHEDULERS.entries()) {
    const runs = await replayRuns(
      table,
      configs,
      { ...req, scheduler, paired: false },
      (done) => onProgress(i * req.studies + done, total),
      cancelled,
    );
    if (!runs) return null;
    const [run] = runs;
    reports.push({
      ...ruleReport(run, null, fullFidelityLabel(table.header), req.settings.seed),
      vsRandom: equalComputeDifference(run, configs, req.settings.seed),
    });
  }
  return reports;
}

/** Above this share of the table per study, two studies share most of their configurations. */
export const MAX_POOL_SHARE = 0.5;

/**
 * Why schedulers are not compared at this pool size, or null. Two random pools of k of the table's
 * n configurations share k/n of them on average, so near the whole table every study replays almost
 * the same pool: the intervals over studies collapse (0% [0%, 0%]) and describe no scheduler.
 */
export function comparisonProblem(
  poolSize: number,
  configurations: number,
  refused = 'Schedulers are not compared',
): string | null {
  if (poolSize <= configurations * MAX_POOL_SHARE) return null;
  const shared = Math.round((100 * poolSize) / configurations);
  return (
    `${refused} at ${poolSize} of the table's ${configurations} configurations per study: ` +
    `any two studies would share ${shared}% of their configurations, so the studies would be nearly one study ` +
    `repeated and their intervals would shrink to a point that says nothing about a scheduler. ` +
    `Choose at most ${Math.floor(configurations * MAX_POOL_SHARE)} per study for figures over many studies.`
  );
}
