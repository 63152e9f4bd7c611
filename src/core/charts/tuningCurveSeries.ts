// The tuning-curve chart's data: median and average best validation accuracy after k random-search
// trials, k = 1..2n, with simultaneous DKW or Learned-Miller–DeStefano bands, and the quadratic law
// fitted near the optimum (Lourie et al. 2025, arXiv 2510.02721, as opda; ./stats).
import type { Rng } from '../rng';
import {
  dkwBand,
  ldEqualTailedBand,
  tuningCurveBands,
  type CdfBand,
  type TuningCurveBands,
} from '../stats/confidenceBands';
import {
  fitQuadraticLaw,
  quadraticAverageTuningCurve,
  quadraticMedianTuningCurve,
  type QuadraticFit,
} from '../stats/quadraticLaw';

export type BandMethod = 'dkw' | 'ld';
export const CONFIDENCE_LEVELS = [0.5, 0.8, 0.9, 0.95] as const;
/** The quadratic law is fitted to the top half of the scores, so it needs a few there. */
export const MIN_LAW_TRIALS = 8;

/**
 * A CDF band for n scores. The LD band's simulation costs O(n · numTrials) per bisection step, so
 * large studies simulate fewer samples (its coverage error grows from about ±2% to ±4%).
 */
export function confidenceBand(n: number, confidence: number, method: BandMethod, rng: Rng): CdfBand {
  if (method === 'dkw') return dkwBand(n, confidence);
  return ldEqualTailedBand(n, confidence, rng, { numTrials: n <= 100 ? 10_000 : 3_000 });
}

export interface TuningCurveSeries {
  /** Trial counts 1..maxK (thinned to about maxPoints, always with 1, n and maxK). */
  ks: number[];
  median: TuningCurveBands;
  average: TuningCurveBands;
  /** Null with fewer than MIN_LAW_TRIALS scores or too many ties at the top to fit. */
  law: QuadraticFit | null;
  lawMedian: number[] | null;
  lawAverage: number[] | null;
}

/** Trial counts 1..maxK, thinned evenly to at most maxPoints (a chart needs no more), keeping 1, `keep` and maxK. */
export function chartTrialCounts(maxK: number, maxPoints: number, keep?: number): number[] {
  if (!Number.isInteger(maxK) || maxK < 1) throw new Error(`Expected maxK to be a positive integer, but got ${maxK}`);
  if (!Number.isInteger(maxPoints) || maxPoints < 2)
    throw new Error(`Expected maxPoints to be an integer >= 2, but got ${maxPoints}`);
  if (maxK <= maxPoints) return Array.from({ length: maxK }, (_, i) => i + 1);
  const ks = new Set<number>();
  for (let i = 0; i < maxPoints; i++) ks.add(1 + Math.round((i * (maxK - 1)) / (maxPoints - 1)));
  if (keep !== undefined && keep >= 1 && keep <= maxK) ks.add(keep);
  return [...ks].sort((a, b) => a - b);
}

/** Accuracy curves on [0, 1] for k = 1..maxK; maxK defaults to 2n, beyond the data, which the bands allow. */
export function tuningCurveSeries(
  scores: readonly number[],
  band: CdfBand,
  maxK = 2 * scores.length,
  maxPoints = 200,
): TuningCurveSeries {
  if (scores.length === 0) throw new Error('Expected at least one score, but got none');
  const ks = chartTrialCounts(maxK, maxPoints, scores.length);
  const bounds = { a: 0, b: 1 };
  let law: QuadraticFit | null = null;
  if (scores.length >= MIN_LAW_TRIALS) {
    try {
      law = fitQuadraticLaw(scores, { bMax: 1 });
    } catch {
      law = null; // ties at the top leave fewer than 3 scores above the threshold
    }
  }
  return {
    ks,
    median: tuningCurveBands(scores, ks, band, { ...bounds, statistic: 'median' }),
    average: tuningCurveBands(scores, ks, band, { ...bounds, statistic: 'average' }),
    law,
    lawMedian: law ? quadraticMedianTuningCurve(law, ks) : null,
    lawAverage: law ? quadraticAverageTuningCurve(law, ks) : null,
  };
}
