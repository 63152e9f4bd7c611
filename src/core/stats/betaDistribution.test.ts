// Tests for betaDistribution.ts against closed forms: I_x(1, b), I_x(a, 1), the arcsine law
// I_x(1/2, 1/2) = (2/π) asin(√x), binomial tail sums for integer shapes, and published values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betaDensity, betaQuantile, regularizedIncompleteBeta } from './betaDistribution';

/** P(Binomial(n, x) >= k) = I_x(k, n - k + 1): an oracle for integer shapes. */
function binomialUpperTail(k: number, n: number, x: number): number {
  let total = 0;
  let coefficient = 1; // C(n, 0)
  for (let j = 0; j <= n; j++) {
    if (j >= k) total += coefficient * x ** j * (1 - x) ** (n - j);
    coefficient = (coefficient * (n - j)) / (j + 1);
  }
  return total;
}

describe('regularizedIncompleteBeta', () => {
  it('matches closed forms', () => {
    for (const x of [0.001, 0.1, 0.37, 0.5, 0.9, 0.999]) {
      for (const s of [0.3, 1, 2.5, 7]) {
        expect(regularizedIncompleteBeta(x, 1, s)).toBeCloseTo(1 - (1 - x) ** s, 13);
        expect(regularizedIncompleteBeta(x, s, 1)).toBeCloseTo(x ** s, 13);
      }
      expect(regularizedIncompleteBeta(x, 0.5, 0.5)).toBeCloseTo((2 / Math.PI) * Math.asin(Math.sqrt(x)), 13);
      expect(regularizedIncompleteBeta(x, 3, 3)).toBeCloseTo(1 - regularizedIncompleteBeta(1 - x, 3, 3), 14);
    }
    expect(regularizedIncompleteBeta(0.5, 13.5, 13.5)).toBeCloseTo(0.5, 14);
  });

  it('matches binomial tail sums for integer shapes, including the order statistics of 50 uniforms', () => {
    for (const n of [1, 5, 20, 49]) {
      for (let k = 1; k <= n; k++) {
        for (const x of [0.01, 0.2, 0.5, 0.77, 0.99]) {
          expect(regularizedIncompleteBeta(x, k, n - k + 1)).toBeCloseTo(binomialUpperTail(k, n, x), 12);
        }
      }
    }
  });

  it('matches published values', () => {
    expect(regularizedIncompleteBeta(0.4, 2, 3)).toBeCloseTo(0.5248, 14); // scipy betainc(2, 3, 0.4)
    // scipy.special.betainc(0.2, 3.5, 0.3) and betainc(10, 20, 0.25), scipy 1.17
    expect(regularizedIncompleteBeta(0.3, 0.2, 3.5)).toBeCloseTo(0.9559177795089263, 13);
    expect(regularizedIncompleteBeta(0.25, 10, 20)).toBeCloseTo(0.16630494959787945, 13);
  });

  it('is a CDF: monotone in x from 0 to 1', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 200, noNaN: true }),
        fc.double({ min: 0.05, max: 200, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b, x1, x2) => {
          const [lo, hi] = x1 <= x2 ? [x1, x2] : [x2, x1];
          const fLo = regularizedIncompleteBeta(lo, a, b);
          const fHi = regularizedIncompleteBeta(hi, a, b);
          return fLo >= 0 && fHi <= 1 && fLo <= fHi + 1e-13;
        },
      ),
    );
  });
});

describe('betaQuantile', () => {
  it('inverts the CDF', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 500, noNaN: true }),
        fc.double({ min: 0.2, max: 500, noNaN: true }),
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        (a, b, p) => {
          // Near 0 or 1 the CDF is so steep that one ulp of x moves it by more than 1e-10, so ask
          // that a hair either side of the quantile brackets p.
          const q = betaQuantile(p, a, b);
          const hair = 1e-12 * Math.min(q, 1 - q) + 1e-15;
          return (
            regularizedIncompleteBeta(q - hair, a, b) - 1e-10 <= p &&
            p <= regularizedIncompleteBeta(q + hair, a, b) + 1e-10
          );
        },
      ),
    );
  });

  it('matches closed forms', () => {
    expect(betaQuantile(0.5, 4, 4)).toBeCloseTo(0.5, 14);
    expect(betaQuantile(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(betaQuantile(0.81, 2, 1)).toBeCloseTo(0.9, 14); // x² = 0.81
    expect(betaQuantile(0.5, 0.5, 0.5)).toBeCloseTo(0.5, 14);
    // scipy.special.betaincinv values, scipy 1.17: an extreme tail and two order-statistic quantiles.
    expect(betaQuantile(1e-6, 0.2, 0.2) / 2.4780562448634788e-29).toBeCloseTo(1, 9);
    expect(betaQuantile(0.001, 16, 17)).toBeCloseTo(0.23520079943303504, 13);
    expect(betaQuantile(0.995, 200, 301)).toBeCloseTo(0.4561560164475253, 13);
  });

  it('has the density as its CDF derivative', () => {
    const h = 1e-6;
    for (const [x, a, b] of [
      [0.3, 2, 5],
      [0.7, 0.5, 3],
      [0.5, 30, 31],
    ]) {
      const slope = (regularizedIncompleteBeta(x + h, a, b) - regularizedIncompleteBeta(x - h, a, b)) / (2 * h);
      expect(betaDensity(x, a, b)).toBeCloseTo(slope, 5);
    }
  });
});
