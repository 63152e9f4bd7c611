// Tests for powerLaw.ts: an exact inverse power law is recovered (exponent and extrapolation), a
// single-point curve borrows the shared exponent, and curves without slope information give c = 0.
import { describe, expect, it } from 'vitest';
import { extrapolateAccuracy, fitSharedPowerLaw } from './powerLaw';

const law = (b: number, c: number) => (r: number) => ({ resource: r, accuracy: 1 - b * r ** -c });

describe('fitSharedPowerLaw', () => {
  it('recovers the exponent of exact power laws and extrapolates them to r = 1', () => {
    const c = 0.4;
    const a = law(0.3, c);
    const b = law(0.2, c); // errors stay below 1 at r = 0.1
    const fit = fitSharedPowerLaw([[a(0.1), a(0.3)], [b(0.1), b(0.3)], [b(0.2)]]);
    expect(fit.exponent).toBeCloseTo(c, 10);
    expect(fit.curvesWithSlope).toBe(2);
    expect(extrapolateAccuracy(fit, 0, 1)).toBeCloseTo(0.7, 10);
    expect(extrapolateAccuracy(fit, 1, 1)).toBeCloseTo(0.8, 10);
    // The single-point curve is extrapolated with the shared exponent: it lies on the same law.
    expect(extrapolateAccuracy(fit, 2, 1)).toBeCloseTo(0.8, 10);
  });

  it('pools slopes: two curves with exponents 0.2 and 0.6 on the same resources share c = 0.4', () => {
    const fit = fitSharedPowerLaw([
      [law(0.4, 0.2)(0.25), law(0.4, 0.2)(1)],
      [law(0.4, 0.6)(0.25), law(0.4, 0.6)(1)],
    ]);
    expect(fit.exponent).toBeCloseTo(0.4, 10);
  });

  it('without any curve of two resources it keeps c = 0 (extrapolation = the observed accuracy)', () => {
    const fit = fitSharedPowerLaw([[{ resource: 0.1, accuracy: 0.3 }], [], [{ resource: 0.1, accuracy: Number.NaN }]]);
    expect(fit.exponent).toBe(0);
    expect(extrapolateAccuracy(fit, 0, 1)).toBeCloseTo(0.3, 12);
    expect(extrapolateAccuracy(fit, 1, 1)).toBeNaN();
    expect(extrapolateAccuracy(fit, 2, 1)).toBeNaN();
  });

  it('clamps a rising error (a curve that got worse with data) to c = 0', () => {
    const fit = fitSharedPowerLaw([
      [
        { resource: 0.1, accuracy: 0.5 },
        { resource: 0.2, accuracy: 0.4 },
      ],
    ]);
    expect(fit.exponent).toBe(0);
  });
});
