// Tests for empiricalCdf.ts: hand-worked CDF and quantile values, ties, bounds, and the Galois
// inequality of a quantile function (Q(p) <= y iff p <= F(y)) as a property.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cdfAt, empiricalCdf, ppf, stepCdfOnScores } from './empiricalCdf';

describe('empiricalCdf', () => {
  it('puts mass 1/n on each score and none on the bounds', () => {
    const dist = empiricalCdf([0.3, 0.1, 0.2, 0.4], { a: 0, b: 1 });
    expect(dist.support).toEqual([0, 0.1, 0.2, 0.3, 0.4, 1]);
    expect(dist.cumulative).toEqual([0, 0.25, 0.5, 0.75, 1, 1]);
    expect([-1, 0, 0.05, 0.1, 0.25, 0.4, 0.9, 1].map((y) => cdfAt(dist, y))).toEqual([0, 0, 0, 0.25, 0.5, 1, 1, 1]);
  });

  it('defines ppf(p) as max(a, smallest support point s with p <= F(s))', () => {
    const dist = empiricalCdf([0.3, 0.1, 0.2, 0.4], { a: 0, b: 1 });
    expect([0, 0.1, 0.25, 0.26, 0.5, 0.51, 0.75, 0.99, 1].map((p) => ppf(dist, p))).toEqual([
      0, 0.1, 0.1, 0.2, 0.2, 0.3, 0.3, 0.4, 0.4,
    ]);
    expect(ppf(empiricalCdf([2, 5]), 0)).toBe(-Infinity); // unbounded below, as opda
  });

  it('counts ties', () => {
    const dist = empiricalCdf([0.5, 0.5, 0.7], { a: 0, b: 1 });
    expect(cdfAt(dist, 0.5)).toBeCloseTo(2 / 3, 15);
    expect(ppf(dist, 0.6)).toBe(0.5);
    expect(ppf(dist, 0.7)).toBe(0.7);
  });

  it('rejects bad input with precise messages', () => {
    expect(() => empiricalCdf([])).toThrow(/at least one score/);
    expect(() => empiricalCdf([0.5, Number.NaN])).toThrow(/finite scores/);
    expect(() => empiricalCdf([0.5], { a: 0.6 })).toThrow(/a \(0.6\) to be at most/);
    expect(() => empiricalCdf([0.5], { b: 0.4 })).toThrow(/b \(0.4\) to be at least/);
    expect(() => ppf(empiricalCdf([0.5]), 1.5)).toThrow(/\[0, 1\]/);
    expect(() => stepCdfOnScores([1, 2], 0, [0.6, 0.5], 0, 3)).toThrow(/non-decreasing/);
  });

  it('satisfies Q(p) <= y iff p <= F(y) on [a, b]', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 20 }),
        (raw, p, yRaw) => {
          const dist = empiricalCdf(
            raw.map((v) => v / 20),
            { a: 0, b: 1 },
          );
          const y = yRaw / 20;
          return ppf(dist, p) <= y === p <= cdfAt(dist, y);
        },
      ),
    );
  });
});
