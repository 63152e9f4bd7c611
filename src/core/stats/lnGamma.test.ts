// Tests for lnGamma.ts: exact factorials and half-integer values, published constants, and the
// recurrence Γ(x + 1) = x Γ(x) as a property.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lnGamma } from './lnGamma';

describe('lnGamma', () => {
  it('matches factorials and half-integer closed forms', () => {
    let factorial = 1;
    for (let n = 1; n <= 20; n++) {
      expect(lnGamma(n)).toBeCloseTo(Math.log(factorial), 12);
      factorial *= n;
    }
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(lnGamma(1.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI) / 2), 13);
    expect(lnGamma(7.5)).toBeCloseTo(Math.log((135135 / 128) * Math.sqrt(Math.PI)), 12);
  });

  it('matches published values', () => {
    /* eslint-disable no-loss-of-precision -- published values, quoted to the digits their source gives */
    expect(lnGamma(100)).toBeCloseTo(359.13420536957539878, 10); // ln(99!)
    expect(lnGamma(0.1)).toBeCloseTo(2.2527126517342059599, 12); // Γ(0.1) = 9.5135076986687...
    expect(lnGamma(1e-3)).toBeCloseTo(6.9071788853838536, 10);
    expect(Math.exp(lnGamma(1 / 3))).toBeCloseTo(2.6789385347077476337, 12);
    /* eslint-enable no-loss-of-precision */
  });

  it('satisfies the recurrence ln Γ(x + 1) = ln Γ(x) + ln x', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e4, noNaN: true }), (x) => {
        const lhs = lnGamma(x + 1);
        const rhs = lnGamma(x) + Math.log(x);
        return Math.abs(lhs - rhs) <= 1e-12 * Math.max(1, Math.abs(lhs));
      }),
    );
  });

  it('rejects non-positive arguments', () => {
    expect(() => lnGamma(0)).toThrow(/positive/);
    expect(() => lnGamma(-1)).toThrow(/positive/);
    expect(() => lnGamma(Number.NaN)).toThrow(/positive/);
  });
});
