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

export function figureIntervals(studies: readonly StudyFigures[], seed: number, resamples = 1000): FigureIntervals {
  const keys: (keyof OutcomeFigures)[] = ['medianRegretPts', 'p90RegretPts', 'pBest', 'spearman', 'computeFraction'];
  // One set of resamples for every figure, so the intervals describe the same bootstrap worlds.
  const rng = createRng(seed);
  const draws: OutcomeFigures[] = [];
  for (let b = 0; b < resamples; b++)
    draws.push(outcomeFigures(Array.from({ length: studies.length }, () => studies[rng.nextInt(studies.length)])));
  return Object.fromEntries(
    keys.map((k) => {
      const values = draws.map((d) => d[k]).filter((v) => !Number.isNaN(v));
      return [k, studies.length === 0 ? [NaN, NaN] : [quantile(values, 0.025), quantile(values, 0.975)]];
    }),
  ) as FigureIntervals;
}
