// Tuning curves of a step CDF: the best score after k random-search trials, as its quantile
// (median by default) or its mean, maximising or minimising; opda's quantile_tuning_curve and
// average_tuning_curve (Lourie et al. 2025, arXiv 2510.02721). k may exceed the number of scores.
import type { StepCdf } from './empiricalCdf';
import { ppf } from './empiricalCdf';

export interface TuningCurveOptions {
  /** The metric is a loss: the curve follows the best (smallest) of k scores. */
  minimize?: boolean;
}

/** The trial counts 1..maxTrials. */
export function trialCounts(maxTrials: number): number[] {
  if (!Number.isInteger(maxTrials) || maxTrials < 1) {
    throw new Error(`Expected maxTrials to be a positive integer, but got ${maxTrials}`);
  }
  return Array.from({ length: maxTrials }, (_, i) => i + 1);
}

function checkTrialCounts(ks: readonly number[]): void {
  for (const k of ks) {
    if (!(k > 0) || !Number.isFinite(k)) throw new Error(`Expected positive trial counts, but got ${k}`);
  }
}

/**
 * The q-quantile of the best of k draws: ppf(q^(1/k)) when maximising, since
 * P(max <= y) = F(y)^k; ppf(1 - (1 - q)^(1/k)) when minimising.
 */
export function quantileTuningCurve(
  dist: StepCdf,
  ks: readonly number[],
  q: number,
  options: TuningCurveOptions = {},
): number[] {
  checkTrialCounts(ks);
  if (!(q >= 0 && q <= 1)) throw new Error(`Expected q to be in [0, 1], but got ${q}`);
  return ks.map((k) => ppf(dist, options.minimize ? 1 - (1 - q) ** (1 / k) : q ** (1 / k)));
}

/** The median best score after k trials. */
export function medianTuningCurve(dist: StepCdf, ks: readonly number[], options: TuningCurveOptions = {}): number[] {
  return quantileTuningCurve(dist, ks, 0.5, options);
}

/**
 * The expected best score after k trials: Σ y_i (F_i^k - F_{i-1}^k) when maximising and
 * Σ y_i ((1 - F_{i-1})^k - (1 - F_i)^k) when minimising.
 */
export function averageTuningCurve(dist: StepCdf, ks: readonly number[], options: TuningCurveOptions = {}): number[] {
  checkTrialCounts(ks);
  const { support, cumulative } = dist;
  return ks.map((k) => {
    let total = 0;
    let previous = 0;
    for (let i = 0; i < support.length; i++) {
      const weight = options.minimize
        ? (1 - previous) ** k - (1 - cumulative[i]) ** k
        : cumulative[i] ** k - previous ** k;
      // Skipping massless points keeps infinite bounds out of the sum (0 * Infinity is NaN).
      if (weight !== 0) total += weight * support[i];
      previous = cumulative[i];
    }
    return total;
  });
}
