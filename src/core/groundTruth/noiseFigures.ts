// P(best) and regret of a rule's studies under the seed-noise model (./seedNoise), with a 95%
// bootstrap interval over studies, beside the same P(best) of the table's own best of each pool:
// the most any selector can keep when the table's best is itself partly a seed lottery.
import { createRng, deriveSeed } from '../rng';
import type { NoisyJudgement } from './seedNoise';
import { bootstrapMeanInterval, type Interval } from './studySummary';

export const NOISY_P_BEST_DEFINITION =
  "mean over studies of the share of draws of the pool's seed-averaged full-fidelity accuracies, N(mean of a configuration's runs, SD^2 / runs) with SD pooled over the table's repeats, in which the pick is the top";

export interface NoiseFigures {
  /** The per-run SD the draws use, in accuracy points, and its degrees of freedom. */
  seedSdPts: number;
  seedSdDegreesOfFreedom: number;
  pBestDefinition: string;
  pBest: number;
  meanRegretPts: number;
  /** P(best) under noise of the table's best of each pool: the ceiling for picks read off the table. */
  tableBestPBest: number;
  /** pBest / tableBestPBest: the share of the ceiling the rule keeps. */
  keptShare: number;
  ci95: { pBest: Interval; meanRegretPts: Interval };
}

const mean = (xs: Float64Array) => xs.reduce((s, v) => s + v, 0) / xs.length;

/** Null where no study was judged under noise (no model given, or a table without repeats). */
export function noiseFigures(
  judged: readonly (NoisyJudgement | undefined)[],
  sd: { sdPts: number; degreesOfFreedom: number },
  seed: number,
  resamples = 1000,
): NoiseFigures | null {
  if (judged.length === 0 || judged.some((j) => !j)) return null;
  const all = judged as NoisyJudgement[];
  const pBest = Float64Array.from(all, (j) => j.pBest);
  const regret = Float64Array.from(all, (j) => j.regretPts);
  const ceiling = mean(Float64Array.from(all, (j) => j.tableBestPBest));
  const p = mean(pBest);
  return {
    seedSdPts: sd.sdPts,
    seedSdDegreesOfFreedom: sd.degreesOfFreedom,
    pBestDefinition: NOISY_P_BEST_DEFINITION,
    pBest: p,
    meanRegretPts: mean(regret),
    tableBestPBest: ceiling,
    keptShare: ceiling > 0 ? p / ceiling : NaN,
    ci95: {
      pBest: bootstrapMeanInterval(pBest, createRng(deriveSeed(seed, 'noise', 'pBest')), resamples),
      meanRegretPts: bootstrapMeanInterval(regret, createRng(deriveSeed(seed, 'noise', 'regret')), resamples),
    },
  };
}
