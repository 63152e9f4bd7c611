// Figures of a rule over many simulated studies, as tabular-benchmark papers report them (median
// and a high quantile of regret, P(pick = best), rank agreement, compute), each with a 95%
// percentile-bootstrap interval (Efron & Tibshirani 1993) over the simulated studies.
import { createRng, type Rng } from '../rng';

export interface OutcomeFigures {
  medianRegretPts: number;
  p90RegretPts: number;
  pBest: number;
  /** Mean over studies of the study's Spearman (studies where it is undefined are skipped). */
  spearman: number;
  computeFraction: number;
}

export type Interval = [number, number];
export type FigureIntervals = Record<keyof OutcomeFigures, Interval>;

export interface StudyFigures {
  regretPts: number;
  isBest: boolean;
  spearman: number;
  computeFraction: number;
}

/** Linear-interpolation quantile (numpy's default, "type 7") of unsorted values. */
export function quantile(values: readonly number[], q: number): number {
  return sortedQuantile(
    [...values].sort((a, b) => a - b),
    q,
  );
}

/** As quantile, of values already sorted ascending. */
export function sortedQuantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const at = q * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? NaN : xs.reduce((s, v) => s + v, 0) / xs.length);

export function outcomeFigures(studies: readonly StudyFigures[]): OutcomeFigures {
  const regrets = studies.map((s) => s.regretPts).sort((a, b) => a - b);
  return {
    medianRegretPts: sortedQuantile(regrets, 0.5),
    p90RegretPts: sortedQuantile(regrets, 0.9),
    pBest: mean(studies.map((s) => (s.isBest ? 1 : 0))),
    spearman: mean(studies.map((s) => s.spearman).filter((r) => !Number.isNaN(r))),
    computeFraction: mean(studies.map((s) => s.computeFraction)),
  };
}

/** Percentile interval of a statistic over `resamples` bootstrap resamples of the items. */
export function bootstrapInterval<T>(
  items: readonly T[],
  statistic: (sample: readonly T[]) => number,
  rng: Rng,
  resamples = 1000,
): Interval {
  if (items.length === 0) return [NaN, NaN];
  const values: number[] = [];
  for (let b = 0; b < resamples; b++) {
    const v = statistic(Array.from({ length: items.length }, () => items[rng.nextInt(items.length)]));
    if (!Number.isNaN(v)) values.push(v);
  }
  return [quantile(values, 0.025), quantile(values, 0.975)];
}

/**
 * Percentile intervals of every figure over one set of `resamples` bootstrap resamples (so the
 * intervals describe the same bootstrap worlds). A resample is held as counts per study, and the
 * regret quantiles are read by walking the studies in regret order: O(n) per resample, not a sort.
 */
export function figureIntervals(studies: readonly StudyFigures[], seed: number, resamples = 1000): FigureIntervals {
  const n = studies.length;
  const none: Interval = [NaN, NaN];
  if (n === 0) return { medianRegretPts: none, p90RegretPts: none, pBest: none, spearman: none, computeFraction: none };
  const order = studies.map((_, i) => i).sort((a, b) => studies[a].regretPts - studies[b].regretPts);
  const regret = Float64Array.from(order, (i) => studies[i].regretPts);
  const best = Float64Array.from(order, (i) => (studies[i].isBest ? 1 : 0));
  const rho = Float64Array.from(order, (i) => studies[i].spearman);
  const compute = Float64Array.from(order, (i) => studies[i].computeFraction);
  const rng = createRng(seed);
  const counts = new Uint32Array(n);
  const draws = { medianRegretPts: [] as number[], p90RegretPts: [] as number[], pBest: [] as number[] };
  const rhos: number[] = [];
  const computes: number[] = [];
  for (let b = 0; b < resamples; b++) {
    counts.fill(0);
    for (let j = 0; j < n; j++) counts[rng.nextInt(n)]++;
    let pBest = 0;
    let rhoSum = 0;
    let rhoCount = 0;
    let computeSum = 0;
    for (let i = 0; i < n; i++) {
      const c = counts[i];
      if (c === 0) continue;
      pBest += c * best[i];
      computeSum += c * compute[i];
      if (!Number.isNaN(rho[i])) {
        rhoSum += c * rho[i];
        rhoCount += c;
      }
    }
    draws.medianRegretPts.push(countedQuantile(counts, regret, 0.5));
    draws.p90RegretPts.push(countedQuantile(counts, regret, 0.9));
    draws.pBest.push(pBest / n);
    if (rhoCount > 0) rhos.push(rhoSum / rhoCount);
    computes.push(computeSum / n);
  }
  const interval = (values: number[]): Interval =>
    values.length === 0 ? none : [quantile(values, 0.025), quantile(values, 0.975)];
  return {
    medianRegretPts: interval(draws.medianRegretPts),
    p90RegretPts: interval(draws.p90RegretPts),
    pBest: interval(draws.pBest),
    spearman: interval(rhos),
    computeFraction: interval(computes),
  };
}

/** sortedQuantile of the multiset holding `counts[i]` copies of `sorted[i]` (sorted ascending). */
export function countedQuantile(counts: Uint32Array, sorted: Float64Array, q: number): number {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i];
  const at = q * (total - 1);
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  let seen = 0;
  let loValue = NaN;
  for (let i = 0; i < counts.length; i++) {
    seen += counts[i];
    if (Number.isNaN(loValue) && seen > lo) loValue = sorted[i];
    if (seen > hi) return loValue + (sorted[i] - loValue) * (at - lo);
  }
  return NaN;
}

/** bootstrapInterval of the mean of `values` (NaNs skipped), without building the resamples. */
export function bootstrapMeanInterval(values: ArrayLike<number>, rng: Rng, resamples = 1000): Interval {
  const n = values.length;
  if (n === 0) return [NaN, NaN];
  const means: number[] = [];
  for (let b = 0; b < resamples; b++) {
    let sum = 0;
    let count = 0;
    for (let j = 0; j < n; j++) {
      const v = values[rng.nextInt(n)];
      if (Number.isNaN(v)) continue;
      sum += v;
      count++;
    }
    if (count > 0) means.push(sum / count);
  }
  return means.length === 0 ? [NaN, NaN] : [quantile(means, 0.025), quantile(means, 0.975)];
}
