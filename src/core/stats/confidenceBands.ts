// Simultaneous confidence bands for a CDF and the tuning-curve bands they imply: DKW and the
// Learned-Miller–DeStefano (2008) equal-tailed band, as opda's confidence_bands (Lourie, Cho & He,
// arXiv 2311.09480; Lourie et al. 2025, arXiv 2510.02721). The lower CDF band gives the upper curve.
import type { Rng } from '../rng';
import { betaQuantile } from './betaDistribution';
import type { StepCdf, SupportBounds } from './empiricalCdf';
import { empiricalCdf, sortedScores, stepCdfOnScores } from './empiricalCdf';
import { averageTuningCurve, quantileTuningCurve, type TuningCurveOptions } from './tuningCurves';

/**
 * Bounds on F between order statistics, for a sample of n: lower[j] and upper[j] bound F on
 * [y_(j), y_(j+1)), with j = 0 the stretch below y_(1). Both have n + 1 entries. They depend only on
 * n and the confidence, so one band serves every sample of that size.
 */
export interface CdfBand {
  readonly lower: readonly number[];
  readonly upper: readonly number[];
}

function checkBandArgs(n: number, confidence: number): void {
  if (!Number.isInteger(n) || n < 1) throw new Error(`Expected n to be a positive integer, but got ${n}`);
  if (!(confidence > 0 && confidence < 1))
    throw new Error(`Expected confidence to be in (0, 1), but got ${confidence}`);
}

/** The Dvoretzky–Kiefer–Wolfowitz half-width (Massart's constant): sqrt(ln(2 / (1 - conf)) / 2n). */
export function dkwEpsilon(n: number, confidence: number): number {
  checkBandArgs(n, confidence);
  return Math.sqrt(Math.log(2 / (1 - confidence)) / (2 * n));
}

/** The DKW band: the empirical CDF j / n plus or minus ε, clipped to [0, 1]. */
export function dkwBand(n: number, confidence: number): CdfBand {
  const epsilon = dkwEpsilon(n, confidence);
  const clip = (p: number): number => Math.min(1, Math.max(0, p));
  const steps = Array.from({ length: n + 1 }, (_, j) => j / n);
  return { lower: steps.map((p) => clip(p - epsilon)), upper: steps.map((p) => clip(p + epsilon)) };
}

/** Equal-tailed Beta(i, n + 1 - i) intervals holding each with probability `coverage`, i = 1..n. */
function orderStatisticIntervals(n: number, coverage: number): { lo: Float64Array; hi: Float64Array } {
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  for (let i = 1; i <= n; i++) {
    lo[i - 1] = betaQuantile((1 - coverage) / 2, i, n + 1 - i);
    hi[i - 1] = betaQuantile((1 + coverage) / 2, i, n + 1 - i);
  }
  return { lo, hi };
}

export interface LdBandOptions {
  /** Simulated samples of n sorted uniforms; 1 - confidence is then within about ±2% for 10k. */
  numTrials?: number;
}

/**
 * The Learned-Miller–DeStefano equal-tailed band. The i-th of n sorted uniforms is Beta(i, n + 1 - i),
 * so an interval per order statistic bounds F there; widen them all to a common per-interval
 * coverage c until they hold jointly with probability `confidence`, with c found by bisection on
 * simulated sorted uniforms. Memory is 8 · n · numTrials bytes.
 */
export function ldEqualTailedBand(n: number, confidence: number, rng: Rng, options: LdBandOptions = {}): CdfBand {
  checkBandArgs(n, confidence);
  const { numTrials = 10_000 } = options;
  if (!Number.isInteger(numTrials) || numTrials < 1) {
    throw new Error(`Expected numTrials to be a positive integer, but got ${numTrials}`);
  }

  // 1. Simulate sorted uniform samples.
  const uniforms = new Float64Array(numTrials * n);
  for (let t = 0; t < numTrials; t++) {
    const row = uniforms.subarray(t * n, (t + 1) * n);
    for (let i = 0; i < n; i++) row[i] = rng.next();
    row.sort();
  }

  // 2. Joint coverage of the intervals at per-interval coverage c: monotone in c.
  const jointCoverage = (c: number): number => {
    const { lo, hi } = orderStatisticIntervals(n, c);
    let covered = 0;
    for (let t = 0; t < numTrials; t++) {
      const offset = t * n;
      let inside = true;
      for (let i = 0; i < n && inside; i++) {
        const u = uniforms[offset + i];
        inside = u >= lo[i] && u <= hi[i];
      }
      if (inside) covered++;
    }
    return covered / numTrials;
  };

  // 3. Bisect on ln(1 - c) for the smallest c with joint coverage >= confidence; c >= confidence
  // because joint coverage never exceeds a single interval's.
  let lnMissLo = Math.log(1e-15); // c close to 1: covers
  let lnMissHi = Math.log(1 - confidence); // c = confidence: too narrow, or just enough
  if (jointCoverage(confidence) < confidence) {
    // 32 halvings of a 34-wide log interval: 1 - c to 1e-8 relative, far below Monte Carlo error.
    for (let step = 0; step < 32; step++) {
      const mid = 0.5 * (lnMissLo + lnMissHi);
      if (jointCoverage(1 - Math.exp(mid)) >= confidence) lnMissLo = mid;
      else lnMissHi = mid;
    }
  } else {
    lnMissLo = lnMissHi; // n = 1 or a lucky simulation: the single intervals already suffice
  }
  const { lo, hi } = orderStatisticIntervals(n, 1 - Math.exp(lnMissLo));

  // 4. F on [y_(j), y_(j+1)) lies above the j-th lower bound and below the (j+1)-th upper bound.
  return { lower: [0, ...lo], upper: [...hi, 1] };
}

export interface CdfBands {
  /** Lower bound on the CDF: the stochastically largest scores, so the upper tuning curve. */
  lower: StepCdf;
  point: StepCdf;
  upper: StepCdf;
}

/** Applies a band to a sample: three step CDFs on {a} ∪ sorted ys ∪ {b}. */
export function cdfBands(ys: readonly number[], band: CdfBand, bounds: SupportBounds = {}): CdfBands {
  const { a = -Infinity, b = Infinity } = bounds;
  const sorted = sortedScores(ys, a, b);
  const n = sorted.length;
  if (band.lower.length !== n + 1 || band.upper.length !== n + 1) {
    throw new Error(
      `Expected a band for n=${n} (${n + 1} entries), but got ${band.lower.length} and ${band.upper.length}`,
    );
  }
  return {
    lower: stepCdfOnScores(sorted, band.lower[0], band.lower.slice(1), a, b),
    point: empiricalCdf(sorted, { a, b }),
    upper: stepCdfOnScores(sorted, band.upper[0], band.upper.slice(1), a, b),
  };
}

export interface TuningCurveBandOptions extends SupportBounds, TuningCurveOptions {
  /** Which curve: the median (default) or the mean best score after k trials. */
  statistic?: 'median' | 'average';
}

export interface TuningCurveBands {
  lower: number[];
  point: number[];
  upper: number[];
}

/**
 * Simultaneous bands on the tuning curve at trial counts ks. Stochastic order flips the bands:
 * the upper CDF band gives the lower curve and the lower CDF band the upper, maximising or not.
 */
export function tuningCurveBands(
  ys: readonly number[],
  ks: readonly number[],
  band: CdfBand,
  options: TuningCurveBandOptions = {},
): TuningCurveBands {
  const { statistic = 'median', a, b, minimize } = options;
  const bands = cdfBands(ys, band, { a, b });
  const curve = (dist: StepCdf): number[] =>
    statistic === 'median'
      ? quantileTuningCurve(dist, ks, 0.5, { minimize })
      : averageTuningCurve(dist, ks, { minimize });
  return { lower: curve(bands.upper), point: curve(bands.point), upper: curve(bands.lower) };
}
