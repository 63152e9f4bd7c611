// One reported line per (rule, scheduler, pool size): the figures over its simulated studies with
// 95% bootstrap intervals, and the paired difference from plain accuracy promotion on the same
// studies (common random numbers), which is what decides whether a rule earns a place.
import { createRng, deriveSeed } from '../rng';
import type { ReplaySchedulerName } from './replayPlans';
import { noiseFigures, type NoiseFigures } from './noiseFigures';
import { P_BEST_DEFINITION } from './poolBest';
import { COMPUTE_UNIT } from './replayCost';
import { refitsPerStudy, type PromotionRuleName } from './replayPromotion';
import type { SeedNoise } from './seedNoise';
import type { StudyOutcome } from './replayStudy';
import type { RuleRun } from './simulateStudies';
import type { TableBootstrap } from './tableBootstrap';
import {
  bootstrapMeanInterval,
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
  /** What pBest counts (./poolBest) and what computeFraction is in (./replayCost). */
  pBestDefinition: string;
  computeUnit: string;
  /** computeFraction in the table's measured milliseconds (secondary: load-dependent). */
  computeFractionMs: number;
  /** The rule refits a model in every study, so it replays fewer studies (the settings' metaModelStudies). */
  refitsPerStudy: boolean;
  /** P(best) and regret under seed noise (./noiseFigures); null where no noise model was given. */
  underSeedNoise: NoiseFigures | null;
}

/** Mean of the values that are numbers (NaN where none is). */
function meanOf(xs: ArrayLike<number>): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < xs.length; i++)
    if (!Number.isNaN(xs[i])) {
      sum += xs[i];
      count++;
    }
  return count > 0 ? sum / count : NaN;
}

/** Mean paired differences (run minus baseline) over the studies both ran, study k against study k. */
export function pairedDifference(
  run: { outcomes: readonly StudyFigures[] },
  baseline: { outcomes: readonly StudyFigures[] },
  seed: number,
  resamples = 1000,
): PairedDifference {
  const n = Math.min(run.outcomes.length, baseline.outcomes.length);
  const diff = (f: (s: StudyFigures) => number) =>
    Float64Array.from({ length: n }, (_, k) => f(run.outcomes[k]) - f(baseline.outcomes[k]));
  const d = {
    meanRegretDiffPts: diff((s) => s.regretPts),
    pBestDiff: diff((s) => Number(s.isBest)),
    spearmanDiff: diff((s) => s.spearman),
    computeFractionDiff: diff((s) => s.computeFraction),
  };
  const ci = (values: Float64Array, label: string) =>
    bootstrapMeanInterval(values, createRng(deriveSeed(seed, 'paired', label)), resamples);
  return {
    studies: n,
    meanRegretDiffPts: meanOf(d.meanRegretDiffPts),
    pBestDiff: meanOf(d.pBestDiff),
    spearmanDiff: meanOf(d.spearmanDiff),
    computeFractionDiff: meanOf(d.computeFractionDiff),
    ci95: {
      meanRegretDiffPts: ci(d.meanRegretDiffPts, 'regret'),
      pBestDiff: ci(d.pBestDiff, 'pBest'),
      spearmanDiff: ci(d.spearmanDiff, 'spearman'),
      computeFractionDiff: ci(d.computeFractionDiff, 'compute'),
    },
  };
}

export function ruleReport(
  run: RuleRun,
  baseline: RuleRun | null,
  fullFidelity: string,
  seed: number,
  resamples = 1000,
  noise: SeedNoise | null = null,
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
    pBestDefinition: P_BEST_DEFINITION,
    computeUnit: COMPUTE_UNIT,
    computeFractionMs: meanOf(Float64Array.from(run.outcomes, (o) => o.computeFractionMs)),
    refitsPerStudy: refitsPerStudy(run.rule),
    underSeedNoise: noise
      ? noiseFigures(
          run.outcomes.map((o) => o.underNoise),
          noise,
          runSeed,
          resamples,
        )
      : null,
  };
}
