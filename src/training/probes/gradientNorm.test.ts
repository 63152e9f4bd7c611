// Gradient norm against the least-squares closed form g = Aᵀ(AW - Y)/n, summed over chunks.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initNodeBackend } from '../nodeBackend';
import { gradientNorm } from './gradientNorm';
import {
  dotParams,
  gradientAt,
  leastSquaresTarget,
  lossAt,
  randomProblem,
  weightBytes,
} from '../../testing/leastSquaresOracle';

beforeAll(async () => {
  await initNodeBackend('cpu');
});

describe('gradientNorm', () => {
  it('matches |∇L| and the per-weight norms within 1e-5, whatever the chunking', async () => {
    const { problem, solution } = randomProblem(3, 100, [2, 1, 0.5], 2, 0.5);
    const w: typeof solution = [solution[0].map((v) => Math.fround(v - 0.3)), solution[1]];
    const g = gradientAt(problem, w);
    for (const chunks of [1, 3, 7]) {
      const target = leastSquaresTarget(problem, w, chunks);
      const before = weightBytes(target);
      const baseline = tf.memory().numTensors;
      const r = await gradientNorm(target);
      expect(Math.abs(r.gradientNorm - Math.sqrt(dotParams(g, g))) / Math.sqrt(dotParams(g, g))).toBeLessThan(1e-5);
      r.perWeight.forEach((n, i) =>
        expect(Math.abs(n - Math.sqrt(dotParams([g[i]], [g[i]])))).toBeLessThan(1e-5 * r.gradientNorm),
      );
      expect(Math.abs(r.loss - lossAt(problem, w)) / lossAt(problem, w)).toBeLessThan(1e-5);
      expect(weightBytes(target)).toEqual(before);
      expect(tf.memory().numTensors).toBe(baseline);
      target.dispose();
    }
  });
});
