// Tests for confidenceBands.ts: the opda reference DKW curves (notes/anchors.md); for the
// Learned-Miller–DeStefano band, coverage by simulation on a continuous law, tighter tails than DKW,
// and determinism for a fixed seed.
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { cdfBands, dkwBand, dkwEpsilon, ldEqualTailedBand, tuningCurveBands, type CdfBand } from './confidenceBands';
import { cdfAt, type StepCdf } from './empiricalCdf';
import {
  OPDA_CONFIDENCE,
  OPDA_DKW_EPSILON,
  OPDA_DKW_LOWER,
  OPDA_DKW_UPPER,
  OPDA_MEDIAN_CURVE,
  OPDA_SCORES,
} from './opdaReference.fixture';
import { trialCounts } from './tuningCurves';

/**
 * Whether a continuous increasing CDF G stays within [lower, upper] everywhere. Both bands are
 * constant on [s_i, s_{i+1}), so check G at each left end against the lower band and G's left
 * limit at each right end against the upper band.
 */
function bandHolds(lower: StepCdf, upper: StepCdf, trueCdf: (y: number) => number): boolean {
  const points = lower.support;
  for (let i = 0; i < points.length; i++) {
    if (trueCdf(points[i]) < cdfAt(lower, points[i]) - 1e-12) return false;
    const next = i + 1 < points.length ? trueCdf(points[i + 1]) : 1;
    if (next > cdfAt(upper, points[i]) + 1e-12) return false;
  }
  return true;
}

/** Fraction of `numSamples` samples of size n from Exponential(1) whose band holds. */
function simulatedCoverage(band: CdfBand, n: number, numSamples: number, seed: number): number {
  const rng = createRng(seed);
  const trueCdf = (y: number): number => (y <= 0 ? 0 : 1 - Math.exp(-y));
  let held = 0;
  for (let s = 0; s < numSamples; s++) {
    const ys = Array.from({ length: n }, () => -Math.log(1 - rng.next()));
    const { lower, upper } = cdfBands(ys, band, { a: 0 });
    if (bandHolds(lower, upper, trueCdf)) held++;
  }
  return held / numSamples;
}

describe('DKW band', () => {
  it('matches the opda reference epsilon and tuning-curve bands', () => {
    expect(dkwEpsilon(32, OPDA_CONFIDENCE)).toBeCloseTo(OPDA_DKW_EPSILON, 5);
    const bands = tuningCurveBands(OPDA_SCORES, trialCounts(5), dkwBand(32, OPDA_CONFIDENCE), { a: 0, b: 1 });
    bands.lower.forEach((v, i) => expect(v).toBeCloseTo(OPDA_DKW_LOWER[i], 4));
    bands.point.forEach((v, i) => expect(v).toBeCloseTo(OPDA_MEDIAN_CURVE[i], 4));
    bands.upper.forEach((v, i) => expect(v).toBeCloseTo(OPDA_DKW_UPPER[i], 4));
  });

  it('covers at least the confidence (it is conservative)', () => {
    expect(simulatedCoverage(dkwBand(20, 0.8), 20, 1000, 11)).toBeGreaterThan(0.8 - 3 * Math.sqrt(0.16 / 1000));
  });

  it('orders the bands and the curves', () => {
    const { lower, point, upper } = cdfBands(OPDA_SCORES, dkwBand(32, 0.8), { a: 0, b: 1 });
    for (const y of [0, 0.75, 0.8, 0.85, 0.9, 0.95, 1]) {
      expect(cdfAt(lower, y)).toBeLessThanOrEqual(cdfAt(point, y));
      expect(cdfAt(point, y)).toBeLessThanOrEqual(cdfAt(upper, y));
    }
    const curves = tuningCurveBands(OPDA_SCORES, trialCounts(40), dkwBand(32, 0.8), {
      a: 0,
      b: 1,
      statistic: 'average',
    });
    curves.point.forEach((v, i) => {
      expect(curves.lower[i]).toBeLessThanOrEqual(v);
      expect(v).toBeLessThanOrEqual(curves.upper[i]);
    });
  });

  it('rejects bad arguments', () => {
    expect(() => dkwBand(0, 0.8)).toThrow(/positive integer/);
    expect(() => dkwBand(5, 1)).toThrow(/\(0, 1\)/);
    expect(() => cdfBands([1, 2], dkwBand(3, 0.8))).toThrow(/band for n=2/);
  });
});

describe('Learned-Miller–DeStefano band', () => {
  const band20 = ldEqualTailedBand(20, 0.8, createRng(7), { numTrials: 4000 });

  it('covers the true CDF with probability close to the confidence', () => {
    // 2000 samples: standard error 0.009; the band's own Monte Carlo error adds about 0.006.
    expect(Math.abs(simulatedCoverage(band20, 20, 2000, 99) - 0.8)).toBeLessThan(0.035);
  });

  it('is tighter than DKW in the tails, where tuning curves live', () => {
    const n = 32;
    const ld = ldEqualTailedBand(n, OPDA_CONFIDENCE, createRng(3), { numTrials: 4000 });
    const dkw = dkwBand(n, OPDA_CONFIDENCE);
    for (let j = 0; j <= n; j++) {
      if (j > n / 8 && j < (7 * n) / 8) continue;
      expect(ld.upper[j] - ld.lower[j]).toBeLessThan(dkw.upper[j] - dkw.lower[j]);
    }
    // For k >= 4 the median best lies in the top 16% of the scores; there the LD curve band nests in DKW's.
    const ks = [4, 5, 6, 8, 10, 20];
    const ldCurves = tuningCurveBands(OPDA_SCORES, ks, ld, { a: 0, b: 1 });
    const dkwCurves = tuningCurveBands(OPDA_SCORES, ks, dkw, { a: 0, b: 1 });
    ks.forEach((_, i) => {
      expect(ldCurves.lower[i]).toBeGreaterThanOrEqual(dkwCurves.lower[i]);
      expect(ldCurves.upper[i]).toBeLessThanOrEqual(dkwCurves.upper[i]);
    });
    expect(ldCurves.upper[0]).toBeLessThan(1); // DKW can only say "up to the bound" at k = 4
  });

  it('is deterministic for a fixed seed and nearly so across seeds', () => {
    const again = ldEqualTailedBand(20, 0.8, createRng(7), { numTrials: 4000 });
    expect(again).toEqual(band20);
    const other = ldEqualTailedBand(20, 0.8, createRng(8), { numTrials: 4000 });
    expect(other).not.toEqual(band20);
    other.upper.forEach((v, j) => expect(Math.abs(v - band20.upper[j])).toBeLessThan(0.02));
  });

  it('is a valid band: inside [0, 1], monotone, around the empirical CDF', () => {
    const n = 20;
    for (let j = 0; j <= n; j++) {
      expect(band20.lower[j]).toBeGreaterThanOrEqual(0);
      expect(band20.upper[j]).toBeLessThanOrEqual(1);
      expect(band20.lower[j]).toBeLessThanOrEqual(j / n);
      expect(band20.upper[j]).toBeGreaterThanOrEqual(j / n);
      if (j > 0) expect(band20.lower[j]).toBeGreaterThanOrEqual(band20.lower[j - 1]);
    }
  });
});
