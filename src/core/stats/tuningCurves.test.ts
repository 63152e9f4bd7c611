// Tests for tuningCurves.ts: the opda reference median curve (notes/anchors.md), and both curves
// against brute-force enumeration of every k-tuple of draws from a small sample.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { empiricalCdf } from './empiricalCdf';
import { OPDA_MEDIAN_CURVE, OPDA_SCORES } from './opdaReference.fixture';
import { averageTuningCurve, medianTuningCurve, quantileTuningCurve, trialCounts } from './tuningCurves';

/** The best of every one of the n^k ordered k-tuples of draws (with replacement). */
function allBests(ys: number[], k: number, minimize: boolean): number[] {
  let bests = [minimize ? Infinity : -Infinity];
  for (let step = 0; step < k; step++) {
    bests = bests.flatMap((best) => ys.map((y) => (minimize ? Math.min(best, y) : Math.max(best, y))));
  }
  return bests.sort((x, y) => x - y);
}

describe('tuning curves', () => {
  it('match the opda reference median curve', () => {
    const curve = medianTuningCurve(empiricalCdf(OPDA_SCORES, { a: 0, b: 1 }), trialCounts(5));
    curve.forEach((value, i) => expect(value).toBeCloseTo(OPDA_MEDIAN_CURVE[i], 4));
  });

  it('match brute-force enumeration of all k-tuples, maximising and minimising', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        fc.constantFrom(0.1, 0.5, 0.8),
        (raw, k, minimize, q) => {
          const ys = raw.map((v) => v / 10);
          const dist = empiricalCdf(ys, { a: 0, b: 1 });
          const bests = allBests(ys, k, minimize);
          const mean = bests.reduce((s, y) => s + y, 0) / bests.length;
          // Smallest y with P(best <= y) >= q; when the count lands exactly on q the float
          // q ** (1 / k) may round either way, so accept that point or the next.
          const index = Math.max(0, Math.ceil(q * bests.length - 1e-9) - 1);
          const quantile = quantileTuningCurve(dist, [k], q, { minimize })[0];
          const quantileOk = quantile === bests[index] || quantile === bests[Math.min(index + 1, bests.length - 1)];
          return quantileOk && Math.abs(averageTuningCurve(dist, [k], { minimize })[0] - mean) < 1e-12;
        },
      ),
    );
  });

  it('rise with k when maximising and fall when minimising, also beyond n', () => {
    const dist = empiricalCdf(OPDA_SCORES, { a: 0, b: 1 });
    const ks = trialCounts(100);
    for (const curve of [medianTuningCurve(dist, ks), averageTuningCurve(dist, ks)]) {
      for (let i = 1; i < curve.length; i++) expect(curve[i]).toBeGreaterThanOrEqual(curve[i - 1]);
      expect(curve[99]).toBeLessThanOrEqual(0.9456);
    }
    const down = averageTuningCurve(dist, ks, { minimize: true });
    for (let i = 1; i < down.length; i++) expect(down[i]).toBeLessThanOrEqual(down[i - 1]);
    expect(averageTuningCurve(dist, [1])[0]).toBeCloseTo(OPDA_SCORES.reduce((s, y) => s + y, 0) / 32, 14);
  });

  it('ignore infinite bounds that carry no mass', () => {
    const dist = empiricalCdf([1, 2, 3]);
    expect(averageTuningCurve(dist, [1, 2])).toEqual([2, 1 / 9 + (2 * 3) / 9 + (3 * 5) / 9]);
    expect(medianTuningCurve(dist, [1])).toEqual([2]);
  });

  it('reject bad trial counts', () => {
    expect(() => trialCounts(0)).toThrow(/positive integer/);
    expect(() => medianTuningCurve(empiricalCdf([1]), [0])).toThrow(/positive trial counts/);
  });
});
