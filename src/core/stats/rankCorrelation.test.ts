// Tests for rankCorrelation.ts: scipy's documented examples, hand-computed tie cases, a
// brute-force O(n²) Spearman-as-Pearson oracle, and fast-check properties (range, symmetry,
// perfect agreement, reversal, invariance under monotone transforms).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageRanks, kendallTauB, regret, spearman } from './rankCorrelation';

const distinctPairs = fc
  .uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 40 })
  .chain((x) => fc.tuple(fc.constant(x), fc.shuffledSubarray(x, { minLength: x.length, maxLength: x.length })));
const tiedPairs = fc
  .integer({ min: 2, max: 40 })
  .chain((n) =>
    fc.tuple(
      fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n }),
      fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n }),
    ),
  );

describe('averageRanks', () => {
  it('averages tied ranks', () => {
    expect(averageRanks([10, 20, 20, 5, 20])).toEqual([2, 4, 4, 1, 4]);
    expect(averageRanks([3, 1, 2])).toEqual([3, 1, 2]);
  });
});

describe('spearman', () => {
  it("matches scipy's documented example and hand-computed values", () => {
    expect(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])).toBeCloseTo(0.8207826816681233, 14);
    // No ties: 1 - 6 Σd² / (n(n² - 1)); d = (0, 1, -1, 0) gives 1 - 12/60.
    expect(spearman([1, 2, 3, 4], [1, 3, 2, 4])).toBeCloseTo(0.8, 14);
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNaN();
  });
});

describe('kendallTauB', () => {
  it("matches scipy's documented example and hand-computed values", () => {
    expect(kendallTauB([12, 2, 1, 12, 2], [1, 4, 7, 1, 0])).toBeCloseTo(-0.47140452079103173, 14);
    expect(kendallTauB([1, 2, 3], [1, 3, 2])).toBeCloseTo(1 / 3, 14); // 2 concordant, 1 discordant
    // Ties in x: pairs (1,2) tied in x; 5 untied in x, 6 in y; C - D = 5 - 0.
    expect(kendallTauB([1, 1, 2, 3], [1, 2, 3, 4])).toBeCloseTo(5 / Math.sqrt(5 * 6), 14);
    expect(kendallTauB([2, 2], [1, 3])).toBeNaN();
  });
});

describe('rank correlation properties', () => {
  it('stay in [-1, 1] and are symmetric, with ties', () => {
    fc.assert(
      fc.property(tiedPairs, ([x, y]) => {
        for (const f of [spearman, kendallTauB]) {
          const r = f(x, y);
          if (Number.isNaN(r)) continue;
          if (r < -1 || r > 1 || Math.abs(r - f(y, x)) > 1e-12) return false;
        }
        return true;
      }),
    );
  });

  it('are 1 for perfect agreement, -1 for reversal, and invariant to monotone transforms', () => {
    fc.assert(
      fc.property(distinctPairs, ([x, y]) => {
        const cubed = x.map((v) => v ** 3 + 7);
        const flipped = x.map((v) => -v);
        return (
          Math.abs(spearman(x, cubed) - 1) < 1e-12 &&
          Math.abs(kendallTauB(x, cubed) - 1) < 1e-12 &&
          Math.abs(spearman(x, flipped) + 1) < 1e-12 &&
          Math.abs(kendallTauB(x, flipped) + 1) < 1e-12 &&
          Math.abs(spearman(x, y) - spearman(cubed, y)) < 1e-12 &&
          Math.abs(kendallTauB(x, y) - kendallTauB(cubed, y)) < 1e-12
        );
      }),
    );
  });

  it('agree with the no-ties formulas on distinct values', () => {
    fc.assert(
      fc.property(distinctPairs, ([x, y]) => {
        const n = x.length;
        const rx = averageRanks(x);
        const ry = averageRanks(y);
        const d2 = rx.reduce((s, r, i) => s + (r - ry[i]) ** 2, 0);
        let concordance = 0;
        for (let i = 0; i < n; i++)
          for (let j = i + 1; j < n; j++) concordance += Math.sign((x[i] - x[j]) * (y[i] - y[j]));
        return (
          Math.abs(spearman(x, y) - (1 - (6 * d2) / (n * (n * n - 1)))) < 1e-12 &&
          Math.abs(kendallTauB(x, y) - concordance / ((n * (n - 1)) / 2)) < 1e-12
        );
      }),
    );
  });
});

describe('regret', () => {
  it('is the best actual minus the best actual among the top-k predicted, in points', () => {
    const predicted = [0.9, 0.8, 0.7, 0.6];
    const actual = [0.7, 0.75, 0.9, 0.8];
    expect(regret(predicted, actual, 1)).toBeCloseTo(20, 12);
    expect(regret(predicted, actual, 2)).toBeCloseTo(15, 12);
    expect(regret(predicted, actual, 3)).toBe(0);
    expect(regret(predicted, actual, 10)).toBe(0);
    expect(regret([0.5, 0.5, 0.1], [0.6, 0.7, 0.8], 1)).toBeCloseTo(20, 12); // tie: input order
  });

  it('is non-negative, non-increasing in k, and zero when the prediction is the truth', () => {
    fc.assert(
      fc.property(tiedPairs, fc.integer({ min: 1, max: 10 }), ([p, a], k) => {
        const r = regret(p, a, k);
        return r >= 0 && regret(p, a, k + 1) <= r && regret(a, a, 1) === 0;
      }),
    );
  });

  it('rejects bad input', () => {
    expect(() => regret([1], [1, 2], 1)).toThrow(/equal length/);
    expect(() => regret([1], [1], 0)).toThrow(/positive integer/);
    expect(() => spearman([1, Number.NaN], [1, 2])).toThrow(/NaN/);
  });
});
