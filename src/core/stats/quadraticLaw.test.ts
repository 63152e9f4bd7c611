// Tests for quadraticLaw.ts: the closed-form average tuning curve against numerical integration of
// E[max] = b - ∫ F(y)^k dy, the quantile against the CDF, and recovery of b and c by the fit from
// samples drawn from the law itself by inverse-CDF sampling.
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import {
  fitQuadraticLaw,
  quadraticAverageTuningCurve,
  quadraticCdf,
  quadraticMedianTuningCurve,
  quadraticExpectedGain,
  quadraticPpf,
  type QuadraticLaw,
} from './quadraticLaw';

/** E[best of k] by composite Simpson on y = b - (b - a) s², which smooths the cusp at b. */
function integratedAverage(law: QuadraticLaw, k: number): number {
  const { a, b } = law;
  const steps = 4000;
  const h = 1 / steps;
  let sum = 0;
  for (let i = 0; i <= steps; i++) {
    const s = i * h;
    const y = b - (b - a) * s * s;
    const integrand = quadraticCdf(law, y) ** k * 2 * (b - a) * s; // dy = 2 (b - a) s ds
    sum += (i === 0 || i === steps ? 1 : i % 2 === 1 ? 4 : 2) * integrand;
  }
  return b - (sum * h) / 3;
}

function sample(law: QuadraticLaw, n: number, seed: number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => quadraticPpf(law, rng.next()));
}

describe('quadratic law', () => {
  it('has a closed-form average tuning curve equal to the integral', () => {
    for (const law of [
      { a: 0.5, b: 0.9, c: 1 },
      { a: 0, b: 1, c: 2 },
      { a: 0.2, b: 0.95, c: 7.5 },
    ]) {
      const ks = [1, 2, 5, 30];
      quadraticAverageTuningCurve(law, ks).forEach((value, i) =>
        expect(value).toBeCloseTo(integratedAverage(law, ks[i]), 7),
      );
    }
    // c = 2 is uniform on [a, b]: E[max of k] = a + (b - a) k/(k + 1).
    expect(quadraticAverageTuningCurve({ a: 0, b: 1, c: 2 }, [3])[0]).toBeCloseTo(0.75, 14);
  });

  it('has quantiles that invert the CDF, and a median curve rising to b', () => {
    const law = { a: 0.3, b: 0.92, c: 4 };
    for (const p of [0, 0.1, 0.5, 0.9, 1]) expect(quadraticCdf(law, quadraticPpf(law, p))).toBeCloseTo(p, 14);
    const median = quadraticMedianTuningCurve(law, [1, 10, 100, 1000]);
    for (let i = 1; i < median.length; i++) expect(median[i]).toBeGreaterThan(median[i - 1]);
    expect(median[3]).toBeLessThan(0.92);
    expect(0.92 - median[3]).toBeCloseTo(0.62 * (1 - 0.5 ** (1 / 1000)) ** (2 / 4), 14); // (b - a)(1 - q)^(2/c)
  });

  it('gives the expected gain of m more trials: the closed form from a, Monte Carlo in between', () => {
    const law = { a: 0.5, b: 0.9, c: 3 };
    const [mean10] = quadraticAverageTuningCurve(law, [10]);
    expect(quadraticExpectedGain(law, 0.5, 10)).toBeCloseTo(mean10 - 0.5, 9);
    expect(quadraticExpectedGain(law, 0.4, 10)).toBeCloseTo(mean10 - 0.4, 9);
    expect(quadraticExpectedGain(law, 0.9, 10)).toBe(0);
    expect(quadraticExpectedGain(law, 0.8, 0)).toBe(0);
    const rng = createRng(21);
    const best = 0.85;
    const draws = 20000;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < draws; i++) {
      let top = best;
      for (let j = 0; j < 5; j++) top = Math.max(top, quadraticPpf(law, rng.next()));
      sum += top - best;
      sumSq += (top - best) ** 2;
    }
    const mean = sum / draws;
    const standardError = Math.sqrt((sumSq / draws - mean * mean) / draws);
    expect(Math.abs(quadraticExpectedGain(law, best, 5) - mean)).toBeLessThan(3 * standardError);
  });

  it('recovers b and c from samples of the law', () => {
    // Tolerances are about 2.5 standard errors for 500 tail scores; b is harder to pin as c grows,
    // since the tail flattens and max(ys) falls further short of b.
    const cases = [
      { law: { a: 0.1, b: 0.8, c: 1 }, bTol: 0.005, cTol: 0.15 },
      { law: { a: 0.6, b: 0.95, c: 4 }, bTol: 0.05, cTol: 0.2 },
      { law: { a: 0.4, b: 0.9, c: 8 }, bTol: 0.15, cTol: 0.3 },
    ];
    cases.forEach(({ law, bTol, cTol }, seed) => {
      const ys = sample(law, 1000, seed + 1);
      const fit = fitQuadraticLaw(ys);
      expect(fit.tailCount).toBe(500);
      expect(fit.b).toBeGreaterThan(Math.max(...ys));
      expect(Math.abs(fit.b - law.b)).toBeLessThan(bTol * (law.b - law.a));
      expect(Math.abs(fit.c - law.c) / law.c).toBeLessThan(cTol);
      // The point of the law: extrapolating the expected best of 100 trials.
      const [fitted] = quadraticAverageTuningCurve(fit, [100]);
      const [truth] = quadraticAverageTuningCurve(law, [100]);
      expect(Math.abs(fitted - truth)).toBeLessThan(0.05 * (law.b - law.a));
    });
  });

  it('fits only the tail: a different bulk below the threshold changes nothing but a', () => {
    const law = { a: 0.5, b: 0.9, c: 3 };
    const ys = sample(law, 400, 5).sort((x, y) => x - y);
    const lowered = ys.map((y, i) => (i < 150 ? y - 0.3 : y));
    const fitA = fitQuadraticLaw(ys);
    const fitB = fitQuadraticLaw(lowered);
    expect(fitB.b).toBe(fitA.b);
    expect(fitB.c).toBe(fitA.c);
  });

  it('respects bMax and rejects bad input', () => {
    const ys = sample({ a: 0, b: 1, c: 2 }, 50, 9);
    expect(fitQuadraticLaw(ys, { bMax: 1 }).b).toBeLessThanOrEqual(1);
    expect(() => fitQuadraticLaw([0.1, 0.2, 0.3])).toThrow(/at least 4/);
    expect(() => fitQuadraticLaw([0.5, 0.5, 0.5, 0.5, 0.5])).toThrow(/above the threshold/);
    expect(() => fitQuadraticLaw(ys, { bMax: 0.5 })).toThrow(/bMax/);
    expect(() => quadraticCdf({ a: 1, b: 0, c: 2 }, 0.5)).toThrow(/a < b/);
  });
});
