// What bench:simulate says of each scheduler against random search at its own compute
// (./equalComputeRandom): the baseline's figures, the paired difference on the same studies, and the
// same difference over resampled tables of configurations (./tableBootstrap), the interval to read
// before claiming that the scheduler saves compute.
import { createRng, deriveSeed } from '../rng';
import { equalComputeOutcomes, type BaselineOutcome } from './equalComputeRandom';
import { noiseFigures, type NoiseFigures } from './noiseFigures';
import { P_BEST_DEFINITION } from './poolBest';
import { COMPUTE_UNIT } from './replayCost';
import { noisyJudgement, type NoisyJudgement, type SeedNoise } from './seedNoise';
import type { LearningCurveTable } from './learningCurveTable';
import type { ReplaySchedulerName } from './replayPlans';
import { pairedDifference, type PairedDifference } from './ruleReport';
import { drawPool, simulateRule, type RuleRun, type SimulationSettings } from './simulateStudies';
import {
  figureIntervals,
  outcomeFigures,
  quantile,
  type FigureIntervals,
  type Interval,
  type OutcomeFigures,
} from './studySummary';
import { resampleConfigurations } from './tableBootstrap';
import type { TableConfiguration } from './tableConfigurations';

export interface EqualComputeReport extends OutcomeFigures {
  baseline: 'randomAtEqualCompute';
  scheduler: ReplaySchedulerName;
  poolSize: number;
  studies: number;
  ci95: FigureIntervals;
  fullFidelity: string;
  /** The scheduler (accuracy promotion) minus the baseline, study by study; negative regret favours the scheduler. */
  schedulerMinusRandom: PairedDifference;
  /** The same mean differences over resampled tables; null when no table bootstrap was asked for. */
  tableBootstrap: { tables: number; meanRegretDiffPts: Interval; pBestDiff: Interval } | null;
  pBestDefinition: string;
  computeUnit: string;
  /** Random search's P(best) and regret under seed noise, and the scheduler's minus them; null without a noise model. */
  underSeedNoise: (NoiseFigures & { schedulerMinusRandom: { meanRegretDiffPts: number; pBestDiff: number } }) | null;
}

const mean = (xs: readonly number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
const interval = (values: number[]): Interval => [quantile(values, 0.025), quantile(values, 0.975)];

/** A run minus random search at each study's own compute, study by study (the page's and the bench's figure). */
export function equalComputeDifference(
  run: RuleRun,
  configs: readonly TableConfiguration[],
  seed: number,
  resamples = 1000,
): PairedDifference {
  const outcomes = equalComputeOutcomes(run, configs, seed);
  return pairedDifference(run, { outcomes }, equalComputeSeed(run, seed), resamples);
}

const equalComputeSeed = (run: RuleRun, seed: number) =>
  deriveSeed(seed, 'ci', run.scheduler, run.rule, 'equalCompute', run.poolSize);

/** `accuracyRun` is the scheduler's run with accuracy promotion; the baseline replays its studies' pools. */
export function equalComputeReport(
  table: LearningCurveTable,
  configs: readonly TableConfiguration[],
  accuracyRun: RuleRun,
  s: SimulationSettings,
  fullFidelity: string,
  resamples: number,
  bootstrap: { tables: number; studiesPerTable: number },
  noise: SeedNoise | null = null,
): EqualComputeReport {
  const { scheduler, poolSize } = accuracyRun;
  const outcomes = equalComputeOutcomes(accuracyRun, configs, s.seed);
  const seed = equalComputeSeed(accuracyRun, s.seed);
  let tableBootstrap: EqualComputeReport['tableBootstrap'] = null;
  if (bootstrap.tables > 0) {
    const rng = createRng(deriveSeed(s.seed, 'tableBootstrap', scheduler, 'equalCompute', poolSize));
    const regret: number[] = [];
    const pBest: number[] = [];
    for (let b = 0; b < bootstrap.tables; b++) {
      const resampled = resampleConfigurations(configs, rng);
      const settings = { ...s, seed: deriveSeed(s.seed, 'tableBootstrap', b), studies: bootstrap.studiesPerTable };
      const run = simulateRule(table, resampled, scheduler, 'accuracy', poolSize, settings, bootstrap.studiesPerTable);
      const base = equalComputeOutcomes(run, resampled, settings.seed);
      regret.push(mean(run.outcomes.map((o, k) => o.regretPts - base[k].regretPts)));
      pBest.push(mean(run.outcomes.map((o, k) => Number(o.isBest) - Number(base[k].isBest))));
    }
    tableBootstrap = { tables: bootstrap.tables, meanRegretDiffPts: interval(regret), pBestDiff: interval(pBest) };
  }
  return {
    baseline: 'randomAtEqualCompute',
    scheduler,
    poolSize,
    studies: outcomes.length,
    ...outcomeFigures(outcomes),
    ci95: figureIntervals(outcomes, seed, resamples),
    fullFidelity,
    schedulerMinusRandom: pairedDifference(accuracyRun, { outcomes }, seed, resamples),
    tableBootstrap,
    pBestDefinition: P_BEST_DEFINITION,
    computeUnit: COMPUTE_UNIT,
    underSeedNoise:
      noise && Number.isFinite(noise.sdPts)
        ? noisyBaseline(accuracyRun, outcomes, configs, noise, s.seed, resamples)
        : null,
  };
}

/** The baseline's picks judged on the same noise draws as the scheduler's (same study, same pool). */
function noisyBaseline(
  run: RuleRun,
  outcomes: readonly BaselineOutcome[],
  configs: readonly TableConfiguration[],
  noise: SeedNoise,
  seed: number,
  resamples: number,
): EqualComputeReport['underSeedNoise'] {
  const judged = outcomes.map((b, k) =>
    noisyJudgement(drawPool(configs, run.poolSize, seed, k), b.pick, noise, seed, k),
  );
  const figures = noiseFigures(judged, noise, deriveSeed(seed, 'equalCompute', 'noise'), resamples);
  const own = run.outcomes.map((o) => o.underNoise);
  if (!figures || own.some((j) => !j)) return null;
  const diff = (f: (j: NoisyJudgement) => number) => mean(own.map((j, k) => f(j!) - f(judged[k])));
  return {
    ...figures,
    schedulerMinusRandom: { meanRegretDiffPts: diff((j) => j.regretPts), pBestDiff: diff((j) => j.pBest) },
  };
}
