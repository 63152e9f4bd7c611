// The noiseless quadratic law for the best scores near the optimum, F(y) = 1 - ((b - y)/(b - a))^(c/2)
// (Lourie, He & Cho 2025, arXiv 2510.02721; opda's QuadraticDistribution, concave form): its CDF,
// quantiles, closed-form tuning curves, and a maximum-spacing fit to the top of the scores.
import { lnGamma } from './lnGamma';

/** b: best achievable score; c: effective number of hyperparameters; a: where the law's mass starts. */
export interface QuadraticLaw {
  a: number;
  b: number;
  c: number;
}

function checkLaw({ a, b, c }: QuadraticLaw): void {
  if (!Number.isFinite(a) || !Number.isFinite(b) || !(a < b))
    throw new Error(`Expected finite a < b, but got a=${a}, b=${b}`);
  if (!(c > 0) || !Number.isFinite(c)) throw new Error(`Expected c to be positive, but got ${c}`);
}

export function quadraticCdf(law: QuadraticLaw, y: number): number {
  checkLaw(law);
  if (y <= law.a) return 0;
  if (y >= law.b) return 1;
  return 1 - ((law.b - y) / (law.b - law.a)) ** (law.c / 2);
}

export function quadraticPpf(law: QuadraticLaw, p: number): number {
  checkLaw(law);
  if (!(p >= 0 && p <= 1)) throw new Error(`Expected p to be in [0, 1], but got ${p}`);
  return law.b - (law.b - law.a) * (1 - p) ** (2 / law.c);
}

/** Median best score after k trials: the quantile at 0.5^(1/k). */
export function quadraticMedianTuningCurve(law: QuadraticLaw, ks: readonly number[]): number[] {
  return ks.map((k) => quadraticPpf(law, 0.5 ** (1 / k)));
}

/** Expected best after k trials: b - (b - a)·Γ(k + 1)Γ((c + 2)/c) / Γ(k + (c + 2)/c). */
export function quadraticAverageTuningCurve(law: QuadraticLaw, ks: readonly number[]): number[] {
  checkLaw(law);
  const shift = (law.c + 2) / law.c;
  return ks.map((k) => {
    if (!(k > 0)) throw new Error(`Expected positive trial counts, but got ${k}`);
    return law.b - (law.b - law.a) * Math.exp(lnGamma(k + 1) + lnGamma(shift) - lnGamma(k + shift));
  });
}

/**
 * Expected gain of m more trials over a best score so far: E[max(best, max of m)] - best
 * = ∫_best^b (1 - F(y)^m) dy, by Simpson's rule on y = b - (b - best)s², which smooths the cusp at b.
 */
export function quadraticExpectedGain(law: QuadraticLaw, best: number, m: number): number {
  checkLaw(law);
  if (!Number.isInteger(m) || m < 0) throw new Error(`Expected m to be a non-negative integer, but got ${m}`);
  if (m === 0 || best >= law.b) return 0;
  const from = Math.max(best, law.a); // below a, max(best, ·) only adds the stretch up to a
  const steps = 400;
  let sum = 0;
  for (let i = 0; i <= steps; i++) {
    const s = i / steps;
    const integrand = (1 - quadraticCdf(law, law.b - (law.b - from) * s * s) ** m) * 2 * (law.b - from) * s;
    sum += (i === 0 || i === steps ? 1 : i % 2 === 1 ? 4 : 2) * integrand;
  }
  return from - best + sum / (3 * steps);
}

export interface QuadraticFitOptions {
  /** Fraction of the scores, from the top, treated as the tail the law describes; default 0.5. */
  tailFraction?: number;
  /** Upper limit on b, e.g. 1 for accuracy; default: 20 times the tail's spread above max(ys). */
  bMax?: number;
  /** Range searched for c; default [0.5, 40]. */
  cRange?: [number, number];
}

export interface QuadraticFit extends QuadraticLaw {
  /** Scores at or below this were censored: only their count entered the fit. */
  threshold: number;
  /** Number of scores above the threshold. */
  tailCount: number;
}

/**
 * Sum of log spacings of the tail under the law conditioned on y > t: G(y) = 1 - z^α with
 * z = (b - y)/(b - t), α = c/2, given ln z of the sorted tail. Tied scores take the log density
 * instead of log 0 (Cheng & Amin 1983).
 */
function logSpacings(lnZ: Float64Array, tied: Uint8Array, lnSpan: number, alpha: number): number {
  let total = 0;
  let lnZPrev = 0; // z = 1 at the threshold
  for (let i = 0; i < lnZ.length; i++) {
    if (tied[i]) {
      total += Math.log(alpha) + (alpha - 1) * lnZ[i] - lnSpan;
    } else {
      // ln(z_prev^α - z^α), kept accurate when the two are close.
      total += alpha * lnZPrev + Math.log1p(-Math.exp(alpha * (lnZ[i] - lnZPrev)));
    }
    lnZPrev = lnZ[i];
  }
  return total + alpha * lnZPrev; // the last spacing, from max(ys) up to b
}

/** Maximises f on [lo, hi] to 1e-8: a grid finds the peak's neighbourhood, golden-section search refines it. */
function maximize(f: (x: number) => number, lo: number, hi: number, gridSize: number): { x: number; value: number } {
  let best = 0;
  let bestValue = -Infinity;
  const grid = Array.from({ length: gridSize }, (_, i) => lo + ((hi - lo) * i) / (gridSize - 1));
  grid.forEach((x, i) => {
    const value = f(x);
    if (value > bestValue) [best, bestValue] = [i, value];
  });
  let left = grid[Math.max(0, best - 1)];
  let right = grid[Math.min(gridSize - 1, best + 1)];
  const ratio = (Math.sqrt(5) - 1) / 2;
  let x1 = right - ratio * (right - left);
  let x2 = left + ratio * (right - left);
  let f1 = f(x1);
  let f2 = f(x2);
  for (let step = 0; step < 60 && right - left > 1e-8; step++) {
    if (f1 >= f2) {
      [right, x2, f2] = [x2, x1, f1];
      x1 = right - ratio * (right - left);
      f1 = f(x1);
    } else {
      [left, x1, f1] = [x1, x2, f2];
      x2 = left + ratio * (right - left);
      f2 = f(x2);
    }
  }
  const x = f1 >= f2 ? x1 : x2;
  return Math.max(f1, f2) >= bestValue ? { x, value: Math.max(f1, f2) } : { x: grid[best], value: bestValue };
}

/**
 * Fits the law to the top of the scores by maximum product of spacings (as opda; maximum
 * likelihood is unbounded as b approaches max(ys) when c < 2). Scores at or below the threshold
 * quantile are censored. Given the threshold t, the tail is independent of a, so (b, c) are fitted
 * on the tail alone and a is then set so that the law puts the observed fraction above t.
 */
export function fitQuadraticLaw(ys: readonly number[], options: QuadraticFitOptions = {}): QuadraticFit {
  const { tailFraction = 0.5, cRange = [0.5, 40] } = options;
  if (!(tailFraction > 0 && tailFraction < 1))
    throw new Error(`Expected tailFraction in (0, 1), but got ${tailFraction}`);
  if (!(cRange[0] > 0 && cRange[0] < cRange[1]))
    throw new Error(`Expected 0 < cRange[0] < cRange[1], but got ${cRange}`);
  const sorted = [...ys].sort((x, y) => x - y);
  if (sorted.some((y) => !Number.isFinite(y))) throw new Error('Expected finite scores');
  const n = sorted.length;
  if (n < 4) throw new Error(`Expected at least 4 scores to fit the tail, but got ${n}`);
  const threshold = sorted[Math.max(0, n - Math.max(3, Math.round(tailFraction * n)) - 1)];
  const tail = sorted.filter((y) => y > threshold);
  if (tail.length < 3)
    throw new Error(`Expected at least 3 scores above the threshold ${threshold}, but got ${tail.length}`);
  const top = tail[tail.length - 1];
  const spread = top - threshold;
  const bMax = options.bMax ?? top + 20 * spread;
  if (!(bMax > top)) throw new Error(`Expected bMax (${bMax}) to exceed the best score (${top})`);

  // Profile out c for each b; search b - max(ys) on a log scale, since it is often tiny.
  const [lnAlphaLo, lnAlphaHi] = [Math.log(cRange[0] / 2), Math.log(cRange[1] / 2)];
  const tied = Uint8Array.from(tail, (y, i) => (i > 0 && y === tail[i - 1] ? 1 : 0));
  const lnZ = new Float64Array(tail.length);
  const profile = (b: number): { lnAlpha: number; value: number } => {
    const lnSpan = Math.log(b - threshold);
    tail.forEach((y, i) => (lnZ[i] = Math.log(b - y) - lnSpan));
    const { x, value } = maximize(
      (lnAlpha) => logSpacings(lnZ, tied, lnSpan, Math.exp(lnAlpha)),
      lnAlphaLo,
      lnAlphaHi,
      12,
    );
    return { lnAlpha: x, value };
  };
  const lnGapLo = Math.log(1e-6 * spread);
  const lnGapHi = Math.log(bMax - top);
  const bOf = (lnGap: number): number => top + Math.exp(lnGap);
  const { x: lnGap } =
    lnGapHi > lnGapLo ? maximize((g) => profile(bOf(g)).value, lnGapLo, lnGapHi, 20) : { x: lnGapHi };
  const b = bOf(lnGap);
  const alpha = Math.exp(profile(b).lnAlpha);
  // 1 - F(t) = ((b - t)/(b - a))^α must equal the observed tail fraction m/n.
  const a = b - (b - threshold) * (n / tail.length) ** (1 / alpha);
  return { a, b, c: 2 * alpha, threshold, tailCount: tail.length };
}
