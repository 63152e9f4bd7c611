// Tests for gaussianProcess.ts: the posterior of a two-point case against the closed-form 2x2
// inverse, the marginal likelihood of one point by hand, its gradient against finite differences,
// and a fit that recovers a smooth function with uncertainty growing away from the data.
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import {
  conditionGp,
  fitGaussianProcess,
  gpPosterior,
  logMarginalLikelihood,
  matern52,
  predictGaussianProcess,
} from './gaussianProcess';

const maternByHand = (r: number) => (1 + Math.sqrt(5) * r + (5 / 3) * r * r) * Math.exp(-Math.sqrt(5) * r);

describe('matern52', () => {
  it('is σf² at distance 0 and scales distance by the lengthscale per dimension', () => {
    const h = { lengthscales: [2, 0.5], signalVariance: 3, noiseVariance: 0 };
    expect(matern52([1, 1], [1, 1], h)).toBe(3);
    // Δ = (2, 0.5) over ℓ = (2, 0.5): r = √2.
    expect(matern52([0, 0], [2, 0.5], h)).toBeCloseTo(3 * maternByHand(Math.SQRT2), 12);
  });
});

describe('gpPosterior', () => {
  it('matches the two-point posterior computed with the closed-form 2x2 inverse', () => {
    const h = { lengthscales: [1], signalVariance: 1, noiseVariance: 0.01 };
    const x = [[0], [1]];
    const y = [1, -0.5];
    const a = 1 + 0.01;
    const b = maternByHand(1);
    const det = a * a - b * b;
    const inv = [
      [a / det, -b / det],
      [-b / det, a / det],
    ];
    for (const xs of [0.25, 0.5, 3]) {
      const k = [maternByHand(Math.abs(xs)), maternByHand(Math.abs(xs - 1))];
      const alpha = [inv[0][0] * y[0] + inv[0][1] * y[1], inv[1][0] * y[0] + inv[1][1] * y[1]];
      const mean = k[0] * alpha[0] + k[1] * alpha[1];
      const variance =
        1 - (k[0] * (inv[0][0] * k[0] + inv[0][1] * k[1]) + k[1] * (inv[1][0] * k[0] + inv[1][1] * k[1]));
      const p = gpPosterior(conditionGp(x, y, h), [xs]);
      expect(p.mean).toBeCloseTo(mean, 6); // the 1e-8 jitter is the only difference
      expect(p.variance).toBeCloseTo(variance, 6);
    }
  });

  it('interpolates noise-free data: mean y and variance 0 at a training point', () => {
    const c = conditionGp([[0], [1], [2]], [0.3, -1, 2], {
      lengthscales: [0.7],
      signalVariance: 2,
      noiseVariance: 1e-10,
    });
    const p = gpPosterior(c, [1]);
    expect(p.mean).toBeCloseTo(-1, 5);
    expect(p.variance).toBeCloseTo(0, 6);
  });
});

describe('logMarginalLikelihood', () => {
  it('for one point is the Gaussian log density N(y; 0, σf² + σn²)', () => {
    const theta = [Math.log(1.3), Math.log(2), Math.log(0.5)];
    const { value } = logMarginalLikelihood([[0.4]], [1.5], theta);
    expect(value).toBeCloseTo(-0.5 * (1.5 ** 2 / 2.5) - 0.5 * Math.log(2.5) - 0.5 * Math.log(2 * Math.PI), 8);
  });

  it('has the analytic gradient that central finite differences give', () => {
    const rng = createRng(5);
    const x = Array.from({ length: 6 }, () => [rng.normal(), rng.normal()]);
    const y = x.map((r) => Math.sin(r[0]) + 0.2 * r[1]);
    const theta = [0.1, -0.3, 0.2, Math.log(0.05)];
    const { gradient } = logMarginalLikelihood(x, y, theta);
    const eps = 1e-5;
    theta.forEach((_, i) => {
      const up = theta.map((t, k) => (k === i ? t + eps : t));
      const down = theta.map((t, k) => (k === i ? t - eps : t));
      const numeric = (logMarginalLikelihood(x, y, up).value - logMarginalLikelihood(x, y, down).value) / (2 * eps);
      expect(gradient[i]).toBeCloseTo(numeric, 5);
    });
  });
});

describe('fitGaussianProcess', () => {
  it('recovers a smooth function, ignores an irrelevant dimension and is unsure far from the data', () => {
    const rng = createRng(8);
    const rows = Array.from({ length: 20 }, (_, i) => [-2 + (4 * i) / 19, rng.normal()]);
    const f = (v: number) => Math.sin(1.5 * v);
    const fit = fitGaussianProcess(
      rows,
      rows.map((r) => 3 + f(r[0])),
      createRng(9),
      { priors: false },
    );
    for (const v of [-1.5, -0.3, 0.8, 1.7])
      expect(Math.abs(predictGaussianProcess(fit, [v, 0]).mean - (3 + f(v)))).toBeLessThan(0.05);
    expect(fit.hyper.lengthscales[1]).toBeGreaterThan(5 * fit.hyper.lengthscales[0]);
    expect(predictGaussianProcess(fit, [8, 0]).sd).toBeGreaterThan(5 * predictGaussianProcess(fit, [0, 0]).sd);
  });
});
