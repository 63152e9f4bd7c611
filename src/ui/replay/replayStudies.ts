// Many replayed studies of one (scheduler, rule, pool size) for the page, in slices between paints so
// the progress bar moves: plain accuracy first, then the rule on the same studies (common random
// numbers), reported as bench:simulate reports them (../../core/groundTruth/ruleReport).
import type { LearningCurveTable } from '../../core/groundTruth/learningCurveTable';
import { replayPlan, type ReplaySchedulerName } from '../../core/groundTruth/replayPlans';
import type { PromotionRuleName } from '../../core/groundTruth/replayPromotion';
import { ruleReport, type RuleReport } from '../../core/groundTruth/ruleReport';
import { replayStudyNumber, type RuleRun, type SimulationSettings } from '../../core/groundTruth/simulateStudies';
import { fullFidelityLabel, type TableConfiguration } from '../../core/groundTruth/tableConfigurations';

export interface ReplayRequest {
  scheduler: ReplaySchedulerName;
  rule: PromotionRuleName;
  poolSize: number;
  studies: number;
  settings: SimulationSettings;
  /** Also replay plain accuracy on the same studies, for the paired difference (default true). */
  paired?: boolean;
}

const SLICE = 25;
const nextPaint = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function replayStudies(
  table: LearningCurveTable,
  configs: readonly TableConfiguration[],
  req: ReplayRequest,
  onProgress: (done: number, total: number) => void,
  cancelled: () => boolean,
): Promise<RuleReport | null> {
  const runs = await replayRuns(table, configs, req, onProgress, cancelled);
  if (!runs) return null;
  const fullFidelity = fullFidelityLabel(table.header);
  return ruleReport(runs[runs.length - 1], runs[0], fullFidelity, req.settings.seed);
}

/** The replayed runs themselves: plain accuracy first where paired, the request's rule last; null if cancelled. */
export async function replayRuns(
  table: LearningCurveTable,
  configs: readonly TableConfiguration[],
  req: ReplayRequest,
  onProgress: (done: number, total: number) => void,
  cancelled: () => boolean,
): Promise<RuleRun[] | null> {
  const plan = replayPlan(table.header, req.scheduler, req.poolSize);
  const rules: PromotionRuleName[] =
    req.rule === 'accuracy' || req.paired === false ? [req.rule] : ['accuracy', req.rule];
  const total = rules.length * req.studies;
  const runs: RuleRun[] = [];
  for (const [r, rule] of rules.entries()) {
    const run: RuleRun = {
      scheduler: req.scheduler,
      rule,
      poolSize: req.poolSize,
      header: table.header,
      plan,
      outcomes: [],
      memoryExamples: 0,
    };
    for (let k = 0; k < req.studies; k++) {
      if (k % SLICE === 0) {
        onProgress(r * req.studies + k, total);
        await nextPaint();
        if (cancelled()) return null;
      }
      const study = replayStudyNumber(table, configs, plan, req.poolSize, rule, k, req.settings);
      run.outcomes.push(study.outcome);
      run.memoryExamples += study.memoryExamples / req.studies;
    }
    runs.push(run);
  }
  onProgress(total, total);
  return runs;
}
