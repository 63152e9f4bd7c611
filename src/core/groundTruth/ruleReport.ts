// One reported line per (rule, scheduler, pool size): the figures over its simulated studies with
// 95% bootstrap intervals, and the paired difference from plain accuracy promotion on the same
// studies (common random numbers), which is what decides whether a rule earns a place.
import { createRng, deriveSeed } from '../rng';
import type { ReplaySchedulerName } from './replayPlans';
import type { PromotionRuleName } from './replayPromotion';
import type { StudyOutcome } from './replayStudy';
import type { RuleRun } from './simulateStudies';
import type { TableBootstrap } from './tableBootstrap';
import {
  bootstrapInterval,
  figureIntervals,
  outcomeFigures,
  type FigureIntervals,
  type Interval,
  type OutcomeFigures,
  type StudyFigures,
} from './studySummary';

export interface PairedDifference {
  /** Studies both rules ran. */
  studies: number;
  /** Mean over studies of (this rule - accuracy); negative regret and positive Spearman favour this rule. */
  meanRegretDiffPts: number;
  pBestDiff: number;
  spearmanDiff: number;
  computeFractionDiff: number;
  ci95: { meanRegretDiffPts: Interval; pBestDiff: Interval; spearmanDiff: Interval; computeFractionDiff: Interval };
}

export interface RuleReport extends OutcomeFigures {
  rule: PromotionRuleName;
  scheduler: ReplaySchedulerName;
  poolSize: number;
  studies: number;
  ci95: FigureIntervals;
  fullFidelity: string;
  plan: string;
  /** Share of rung promotions the rule itself decided (the rest fell back to accuracy). */
  decidedShare: number;
  memoryExamples: number;
  vsAccuracy: PairedDifference | null;
  /** Intervals over resampled tables (./tableBootstrap); null for meta-model rules or when not asked for. */
  tableBootstrap: TableBootstrap | null;
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? NaN : xs.reduce((s, v) => s + v, 0) / xs.length);

/** Mean paired differences (run minus baseline) over the studies both ran, study k against study k. */
export function pairedDifference(
  run: { outcomes: readonly StudyFigures[] },
  baseline: { outcomes: readonly StudyFigures[] },
  seed: number,
  resamples = 1000,
): PairedDifference {
  const n = Math.min(run.outcomes.length, baseline.outcomes.length);
  const pairs = Array.from({ length: n }, (_, k) => ({ a: run.outcomes[k], b: baseline.outcomes[k] }));
  const stat = {
    meanRegretDiffPts: (p: readonly (typeof pairs)[number][]) => mean(p.map((q) => q.a.regretPts - q.b.regretPts)),
    pBestDiff: (p: readonly (typeof pairs)[number][]) => mean(p.map((q) => Number(q.a.isBest) - Number(q.b.isBest))),
    spearmanDiff: (p: readonly (typeof pairs)[number][]) =>
      mean(p.map((q) => q.a.spearman - q.b.spearman).filter((d) => !Number.isNaN(d))),
    computeFractionDiff: (p: readonly (typeof pairs)[number][]) =>
      mean(p.map((q) => q.a.computeFraction - q.b.computeFraction)),
  };
  const ci = (f: (p: readonly (typeof pairs)[number][]) => number, label: string) =>
    bootstrapInterval(pairs, f, createRng(deriveSeed(seed, 'paired', label)), resamples);
  return {
    studies: n,
    meanRegretDiffPts: stat.meanRegretDiffPts(pairs),
    pBestDiff: stat.pBestDiff(pairs),
    spearmanDiff: stat.spearmanDiff(pairs),
    computeFractionDiff: stat.computeFractionDiff(pairs),
    ci95: {
      meanRegretDiffPts: ci(stat.meanRegretDiffPts, 'regret'),
      pBestDiff: ci(stat.pBestDiff, 'pBest'),
      spearmanDiff: ci(stat.spearmanDiff, 'spearman'),
      computeFractionDiff: ci(stat.computeFractionDiff, 'compute'),
    },
  };
}

export function ruleReport(
  run: RuleRun,
  baseline: RuleRun | null,
  fullFidelity: string,
  seed: number,
  resamples = 1000,
): RuleReport {
  const own: keyof StudyOutcome['decidedBy'] = run.rule === 'metaModelMemory' ? 'metaModel' : run.rule;
  const decided = run.outcomes.reduce((s, o) => s + o.decidedBy[own], 0);
  const promotions = run.outcomes.reduce((s, o) => s + Object.values(o.decidedBy).reduce((a, b) => a + b, 0), 0);
  const runSeed = deriveSeed(seed, 'ci', run.scheduler, run.rule, run.poolSize);
  return {
    rule: run.rule,
    scheduler: run.scheduler,
    poolSize: run.poolSize,
    studies: run.outcomes.length,
    ...outcomeFigures(run.outcomes),
    ci95: figureIntervals(run.outcomes, runSeed, resamples),
    fullFidelity,
    plan: run.plan.note,
    decidedShare: promotions > 0 ? decided / promotions : NaN,
    memoryExamples: run.memoryExamples,
    vsAccuracy: baseline && baseline !== run ? pairedDifference(run, baseline, runSeed, resamples) : null,
    tableBootstrap: null,
  };
}
