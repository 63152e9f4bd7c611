// SAM sharpness on the least-squares oracle: for a quadratic with gradient g and Hessian H,
// L(w + rho·g/|g|) - L(w) = rho·|g| + rho²·gᵀHg/(2|g|²) exactly.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initNodeBackend } from '../nodeBackend';
import {
  dotParams,
  gradientAt,
  hessianTimes,
  leastSquaresTarget,
  paramsOf,
  randomProblem,
  weightBytes,
} from '../../testing/leastSquaresOracle';
import { samSharpness } from './samSharpness';

beforeAll(async () => {
  await initNodeBackend('cpu');
});

describe('samSharpness', () => {
  it('equals the closed form rho·|g| + rho²·gᵀHg/(2|g|²) within 1%, weights and memory restored', async () => {
    const { problem, solution } = randomProblem(8, 128, [2, 1.5, 1, 0.5], 3, 0.2);
    const target = leastSquaresTarget(problem, [solution[0].map((v) => Math.fround(v * 0.8)), solution[1]], 2);
    const g = gradientAt(problem, paramsOf(target));
    const g2 = dotParams(g, g);
    const before = weightBytes(target);
    const baseline = tf.memory().numTensors;
    for (const rho of [0.05, 0.2]) {
      const r = await samSharpness(target, rho);
      const want = rho * Math.sqrt(g2) + (rho * rho * dotParams(g, hessianTimes(problem, g))) / (2 * g2);
      expect(Math.abs(r.sharpness - want) / want).toBeLessThan(0.01);
      expect(Math.abs(r.gradientNorm - Math.sqrt(g2)) / Math.sqrt(g2)).toBeLessThan(1e-4);
      expect(r.rho).toBe(rho);
      expect(weightBytes(target)).toEqual(before);
      expect(tf.memory().numTensors).toBe(baseline);
    }
    target.dispose();
  });

  it('stays finite where the gradient is zero', async () => {
    const { problem, solution } = randomProblem(9, 16, [1, 1], 1, 0);
    const target = leastSquaresTarget(problem, solution);
    const r = await samSharpness(target, 0.05);
    expect(Number.isFinite(r.sharpness)).toBe(true);
    target.dispose();
  });
});
