// Tests for probeRegression.ts: OLS against exactly linear data, PRESS against brute-force
// leave-one-out refits, and the model choice on data where one probe does, or no probe does, carry signal.
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { fitProbeRegression, olsPress, predictProbeRegression, type ProbeRegressionExample } from './probeRegression';

const rng = createRng(11);
const noisy = (n: number) => Array.from({ length: n }, () => rng.next());

describe('olsPress', () => {
  it('recovers exactly linear coefficients with zero PRESS', () => {
    const x = noisy(12).map((a, i) => [1, a, i % 3]);
    const y = x.map(([, a, b]) => 0.3 + 2 * a - 0.5 * b);
    const fit = olsPress(x, y)!;
    fit.coefficients.forEach((c, i) => expect(c).toBeCloseTo([0.3, 2, -0.5][i], 10));
    expect(fit.press).toBeCloseTo(0, 18);
  });

  it('equals the sum of squared errors of n leave-one-out refits', () => {
    const x = noisy(15).map((a) => [1, a, rng.next()]);
    const y = x.map(([, a, b]) => a + 0.2 * b + 0.1 * rng.normal());
    let brute = 0;
    for (let n = 0; n < x.length; n++) {
      const rest = olsPress(
        x.filter((_, i) => i !== n),
        y.filter((_, i) => i !== n),
      )!;
      const predicted = rest.coefficients.reduce((s, c, i) => s + c * x[n][i], 0);
      brute += (y[n] - predicted) ** 2;
    }
    expect(olsPress(x, y)!.press).toBeCloseTo(brute, 10);
  });

  it('refuses a singular design and one with no more rows than coefficients', () => {
    expect(
      olsPress(
        [
          [1, 2],
          [1, 2],
          [1, 2],
        ],
        [1, 2, 3],
      ),
    ).toBeNull();
    expect(
      olsPress(
        [
          [1, 0],
          [1, 1],
        ],
        [0, 1],
      ),
    ).toBeNull();
  });
});

describe('fitProbeRegression', () => {
  const examples = (full: (acc: number, gradientNorm: number) => number): ProbeRegressionExample[] =>
    Array.from({ length: 20 }, () => {
      const accuracy = 0.2 + 0.4 * rng.next();
      const gradientNorm = rng.next();
      return {
        accuracy,
        probes: { gradientNorm, sharpnessMean: rng.next(), samSharpness: rng.next() },
        fullAccuracy: full(accuracy, gradientNorm),
      };
    });

  it('chooses the probe that carries signal, and predicts with it', () => {
    const fit = fitProbeRegression(examples((a, g) => 0.1 + a + 0.2 * g + 0.005 * rng.normal()))!;
    expect(fit.probe).toBe('gradientNorm');
    expect(fit.press.gradientNorm).toBeLessThan(fit.press.accuracy);
    expect(fit.coefficients[2]).toBeCloseTo(0.2, 1);
    expect(predictProbeRegression(fit, 0.5, { gradientNorm: 1 })).toBeCloseTo(0.1 + 0.5 + 0.2, 1);
    expect(predictProbeRegression(fit, 0.5, { sharpnessMean: 1 })).toBeNull();
  });

  it('keeps accuracy alone where it predicts exactly and the probes are noise', () => {
    const fit = fitProbeRegression(examples((a) => 0.05 + 1.1 * a))!;
    expect(fit.probe).toBeNull();
    expect(fit.coefficients).toHaveLength(2);
    expect(Object.keys(fit.press).sort()).toEqual(['accuracy', 'gradientNorm', 'samSharpness', 'sharpnessMean']);
  });

  it('skips a probe missing on any example', () => {
    const data = examples((a, g) => a + g);
    data[3] = { ...data[3], probes: { sharpnessMean: 0.1, samSharpness: 0.2 } };
    expect(fitProbeRegression(data)!.press.gradientNorm).toBeUndefined();
  });
});
