// Step CDFs over random-search scores: the empirical distribution on {a} ∪ sorted ys ∪ {b} and its
// quantile function, as opda's EmpiricalDistribution (Lourie et al. 2025, arXiv 2510.02721).
// Confidence bands reuse the same shape with other cumulative values.

/** A right-continuous step CDF: F(y) = cumulative[i] for support[i] <= y < support[i + 1]. */
export interface StepCdf {
  /** Lower end of the scores' support (may be -Infinity). */
  readonly a: number;
  /** Upper end of the scores' support (may be Infinity). */
  readonly b: number;
  /** Ascending points; ties allowed. */
  readonly support: readonly number[];
  /** F at each point: non-decreasing, ending at 1. */
  readonly cumulative: readonly number[];
}

export interface SupportBounds {
  /** Smallest possible score, e.g. 0 for accuracy; default -Infinity. */
  a?: number;
  /** Largest possible score, e.g. 1 for accuracy; default Infinity. */
  b?: number;
}

/** Checks ys and the bounds the way opda does; returns the scores sorted ascending. */
export function sortedScores(ys: readonly number[], a: number, b: number): number[] {
  if (ys.length === 0) throw new Error('Expected at least one score, but got none');
  for (const y of ys) {
    if (!Number.isFinite(y)) throw new Error(`Expected finite scores, but got ${y}`);
  }
  if (Number.isNaN(a) || Number.isNaN(b)) throw new Error(`Expected bounds a, b to be numbers, but got a=${a}, b=${b}`);
  const sorted = [...ys].sort((x, y) => x - y);
  if (a > sorted[0]) throw new Error(`Expected a (${a}) to be at most the smallest score (${sorted[0]})`);
  if (b < sorted[sorted.length - 1]) {
    throw new Error(`Expected b (${b}) to be at least the largest score (${sorted[sorted.length - 1]})`);
  }
  return sorted;
}

/**
 * A step CDF on {a} ∪ sortedYs ∪ {b} with F(a) = atA, F(y_(i)) = atScores[i - 1] and F(b) = 1.
 * The cumulative values are clipped to [0, 1].
 */
export function stepCdfOnScores(
  sortedYs: readonly number[],
  atA: number,
  atScores: readonly number[],
  a: number,
  b: number,
): StepCdf {
  if (atScores.length !== sortedYs.length) {
    throw new Error(`Expected one cumulative value per score (${sortedYs.length}), but got ${atScores.length}`);
  }
  const clip = (p: number): number => Math.min(1, Math.max(0, p));
  const cumulative = [clip(atA), ...atScores.map(clip), 1];
  for (let i = 1; i < cumulative.length; i++) {
    if (cumulative[i] < cumulative[i - 1]) {
      throw new Error(`Expected non-decreasing cumulative values, but got ${cumulative[i - 1]} then ${cumulative[i]}`);
    }
  }
  return { a, b, support: [a, ...sortedYs, b], cumulative };
}

/** The empirical distribution of the scores: mass 1/n on each, none on the bounds. */
export function empiricalCdf(ys: readonly number[], bounds: SupportBounds = {}): StepCdf {
  const { a = -Infinity, b = Infinity } = bounds;
  const sorted = sortedScores(ys, a, b);
  const n = sorted.length;
  // i / n rather than a running sum of 1 / n, so F hits 0.5 and other exact fractions exactly.
  return stepCdfOnScores(
    sorted,
    0,
    sorted.map((_, i) => (i + 1) / n),
    a,
    b,
  );
}

/** F(y) = P(Y <= y). */
export function cdfAt(dist: StepCdf, y: number): number {
  // Last index with support <= y.
  let lo = 0;
  let hi = dist.support.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dist.support[mid] <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : dist.cumulative[lo - 1];
}

/**
 * The quantile Q(p) = max(a, smallest support point s with p <= F(s)). Taking the infimum over
 * [a, b] rather than the reals makes Q(0) = a instead of -Infinity.
 */
export function ppf(dist: StepCdf, p: number): number {
  if (!(p >= -1e-10 && p <= 1 + 1e-10)) throw new Error(`Expected p to be in [0, 1], but got ${p}`);
  const q = Math.min(1, Math.max(0, p));
  // First index with q <= cumulative; exists because the last cumulative value is 1.
  let lo = 0;
  let hi = dist.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (q <= dist.cumulative[mid]) hi = mid;
    else lo = mid + 1;
  }
  return Math.max(dist.a, dist.support[lo]);
}
