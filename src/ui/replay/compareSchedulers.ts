// Every scheduler the table replays, under one promotion rule and pool size, on the same 1,000
// sub-pools: where each lands in compute against P(pick = best), beside the equal-compute baseline of
// training a random share of the pool fully (its P(best) is that share: k of n drawn at random
// contain the best with probability k/n, and cost k/n of the pool in expectation).
import type { LearningCurveTable } from '../../core/groundTruth/learningCurveTable';
import { REPLAY_SCHEDULERS } from '../../core/groundTruth/replayPlans';
import type { PromotionRuleName } from '../../core/groundTruth/replayPromotion';
import type { RuleReport } from '../../core/groundTruth/ruleReport';
import type { SimulationSettings } from '../../core/groundTruth/simulateStudies';
import type { TableConfiguration } from '../../core/groundTruth/tableConfigurations';
import { replayStudies } from './replayStudies';

export async function compareSchedulers(
  table: LearningCurveTable,
  configs: readonly TableConfiguration[],
  req: { rule: PromotionRuleName; poolSize: number; studies: number; settings: SimulationSettings },
  onProgress: (done: number, total: number) => void,
  cancelled: () => boolean,
): Promise<RuleReport[] | null> {
  const total = REPLAY_SCHEDULERS.length * req.studies;
  const reports: RuleReport[] = [];
  for (const [i, scheduler] of REPLAY_SCHEDULERS.entries()) {
    const report = await replayStudies(
      table,
      configs,
      { ...req, scheduler, paired: false },
      (done) => onProgress(i * req.studies + done, total),
      cancelled,
    );
    if (!report) return null;
    reports.push(report);
  }
  return reports;
}
