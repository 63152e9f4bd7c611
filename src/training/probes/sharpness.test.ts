// Random-direction sharpness on the least-squares oracle: for a quadratic,
// L(w + rho·d) - L(w) = rho·gᵀd + rho²·dᵀHd/2 exactly, and rho²·dᵀHd/2 at the minimum.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initNodeBackend } from '../nodeBackend';
import { drawGaussianDirections } from './filterNormalization';
import {
  dotParams,
  gradientAt,
  hessianTimes,
  leastSquaresTarget,
  lossAt,
  paramsOf,
  randomProblem,
  weightBytes,
  type LeastSquaresTarget,
  type Params,
} from '../../testing/leastSquaresOracle';
import { randomDirectionSharpness } from './sharpness';

const { problem, solution } = randomProblem(1, 128, [3, 2, 1.5, 1, 0.7], 2, 0);
const shapes = [[problem.d, problem.m], [problem.m]];
const directions = drawGaussianDirections(shapes, 4, 21);
let target: LeastSquaresTarget;

/** Li et al.'s filter normalisation in float64: columns of W (the filters) to the weight's column norms; b gets zero. */
function filterNormalized(raw: Float32Array[], [w]: Params): Params {
  const d = new Float64Array(problem.d * problem.m);
  for (let j = 0; j < problem.m; j++) {
    let wn = 0;
    let dn = 0;
    for (let k = 0; k < problem.d; k++) {
      wn += w[k * problem.m + j] ** 2;
      dn += raw[0][k * problem.m + j] ** 2;
    }
    for (let k = 0; k < problem.d; k++)
      d[k * problem.m + j] = (raw[0][k * problem.m + j] * Math.sqrt(wn)) / (Math.sqrt(dn) + 1e-10);
  }
  return [d, new Float64Array(problem.m)];
}

const curvature = (d: Params) => dotParams(d, hessianTimes(problem, d));

beforeAll(async () => {
  await initNodeBackend('cpu');
});
afterEach(() => target.dispose());

describe('randomDirectionSharpness', () => {
  it('equals rho²·dᵀHd/2 at the minimum within 1%, per direction, and restores the weights bit for bit', async () => {
    target = leastSquaresTarget(problem, solution);
    const before = weightBytes(target);
    const baseline = tf.memory().numTensors;
    const rho = 0.05;
    const r = await randomDirectionSharpness(target, { directions, rho, normalization: 'filter' });
    const want = directions.map((raw) => (rho * rho * curvature(filterNormalized(raw, solution))) / 2);
    r.increases.forEach((inc, k) => expect(Math.abs(inc - want[k]) / want[k]).toBeLessThan(0.01));
    expect(Math.abs(r.mean - want.reduce((a, b) => a + b) / want.length) / r.mean).toBeLessThan(0.01);
    expect(r.max).toBe(Math.max(...r.increases));
    expect(weightBytes(target)).toEqual(before);
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('away from the minimum: one-sided gives rho·gᵀd + rho²·dᵀHd/2, two-sided cancels the gradient term', async () => {
    const w: Params = [
      solution[0].map((v, i) => Math.fround(v + (i % 3) - 1)),
      solution[1].map((v) => Math.fround(v + 0.5)),
    ];
    target = leastSquaresTarget(problem, w, 2);
    const rho = 0.1;
    const g = gradientAt(problem, paramsOf(target));
    const ds = directions.map((raw) => filterNormalized(raw, w));
    const one = await randomDirectionSharpness(target, { directions, rho, normalization: 'filter' });
    const two = await randomDirectionSharpness(target, { directions, rho, normalization: 'filter', twoSided: true });
    ds.forEach((d, k) => {
      const oneSided = rho * dotParams(g, d) + (rho * rho * curvature(d)) / 2;
      expect(Math.abs(one.increases[k] - oneSided) / Math.abs(oneSided)).toBeLessThan(0.01);
      const twoSided = (rho * rho * curvature(d)) / 2;
      expect(Math.abs(two.increases[k] - twoSided) / twoSided).toBeLessThan(0.01);
    });
    expect(Math.abs(one.baseLoss - lossAt(problem, w)) / lossAt(problem, w)).toBeLessThan(1e-5);
  });

  it("the seed project's plain Gaussian variant perturbs every weight, biases included, by rho·N(0, 1)", async () => {
    target = leastSquaresTarget(problem, solution);
    const rho = 0.01;
    const r = await randomDirectionSharpness(target, { directions, rho, normalization: 'gaussian' });
    directions.forEach((raw, k) => {
      const d: Params = [Float64Array.from(raw[0]), Float64Array.from(raw[1])];
      const want = (rho * rho * curvature(d)) / 2;
      expect(Math.abs(r.increases[k] - want) / want).toBeLessThan(0.01);
    });
  });
});
