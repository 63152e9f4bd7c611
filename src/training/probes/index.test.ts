// runProbes on the least-squares oracle: every probe leaves the weights bit-identical and
// tf.memory().numTensors at its baseline, and the results are plain structured-cloneable numbers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initNodeBackend } from '../nodeBackend';
import {
  compositeScore,
  DEFAULT_PROBE_OPTIONS,
  drawGaussianDirections,
  gradientNorm,
  hessianTrace,
  interpolate1d,
  landscapeSlice,
  randomDirectionSharpness,
  runProbes,
  samSharpness,
  SEED_001_SHARPNESS,
  topHessianEigenvalue,
  type SharpnessProbeOptions,
} from './index';
import {
  gramMatrix,
  jacobiEigenvalues,
  leastSquaresTarget,
  lossAt,
  randomProblem,
  weightBytes,
  type LeastSquaresTarget,
} from '../../testing/leastSquaresOracle';

const { problem, solution } = randomProblem(2, 64, [2, 1, 0.5], 2, 0.2);
const shapes = [[problem.d, problem.m], [problem.m]];
let target: LeastSquaresTarget;

beforeAll(async () => {
  await initNodeBackend('cpu');
  target = leastSquaresTarget(problem, [solution[0].map((v) => Math.fround(v + 0.2)), solution[1]], 2);
});
afterAll(() => target.dispose());

describe('every probe', () => {
  const dirs = drawGaussianDirections(shapes, 3, 1);
  const probes: [string, () => Promise<unknown>][] = [
    ['gradientNorm', () => gradientNorm(target)],
    [
      'sharpness',
      () => randomDirectionSharpness(target, { directions: dirs, rho: 0.1, normalization: 'filter', twoSided: true }),
    ],
    ['sam', () => samSharpness(target, 0.05)],
    ['eigenvalue', () => topHessianEigenvalue(target, { seed: 1, maxIterations: 5 })],
    ['trace', () => hessianTrace(target, { seed: 1, samples: 3 })],
    ['slice', () => landscapeSlice(target, { directions: [dirs[0], dirs[1]], resolution: 3, range: 1 })],
    [
      'interpolate1d',
      () =>
        interpolate1d(
          target,
          solution.map((p) => Float32Array.from(p)),
          weightBytes(target),
          [0, 0.5, 1],
        ),
    ],
    ['runProbes', () => runProbes(target, { seed: 3, slice: { resolution: 3, range: 1 } })],
  ];
  it.each(probes)('%s leaves the weights bit-identical and numTensors at baseline', async (_, probe) => {
    const before = weightBytes(target);
    const baseline = tf.memory().numTensors;
    await probe();
    expect(weightBytes(target)).toEqual(before);
    expect(tf.memory().numTensors).toBe(baseline);
  });
});

describe('runProbes', () => {
  it('returns finite plain numbers that survive structuredClone, and agrees with the oracle', async () => {
    const r = await runProbes(target, {
      seed: 4,
      eigenvalue: { maxIterations: 50, tolerance: 1e-5 },
      slice: { resolution: 3, range: 0.5 },
    });
    expect(structuredClone(r)).toEqual(r);
    expect(r.accuracy).toBeNull();
    for (const v of [
      r.loss,
      r.gradientNorm,
      r.sharpness?.mean,
      r.sharpness?.max,
      r.sam?.sharpness,
      r.topEigenvalue?.eigenvalue,
      r.trace?.trace,
    ]) {
      expect(Number.isFinite(v)).toBe(true);
    }
    const w = [
      Float64Array.from(target.weights[0].dataSync()),
      Float64Array.from(target.weights[1].dataSync()),
    ] as const;
    expect(Math.abs(r.loss - lossAt(problem, [w[0], w[1]])) / r.loss).toBeLessThan(1e-5);
    const [largest] = jacobiEigenvalues(gramMatrix(problem), problem.d + 1);
    expect(Math.abs(r.topEigenvalue!.eigenvalue - largest) / largest).toBeLessThan(0.01);
    expect(r.slice!.losses[4]).toBe(r.loss);
    expect(Object.keys(r.durationMs).sort()).toEqual([
      'eigenvalue',
      'gradientNorm',
      'sam',
      'sharpness',
      'slice',
      'trace',
    ]);
  });

  it("skips probes that are switched off, and takes the study's own directions", async () => {
    const directions = drawGaussianDirections(shapes, 5, 99);
    const r = await runProbes(target, {
      seed: 1,
      directions,
      gradientNorm: false,
      sam: false,
      eigenvalue: false,
      trace: false,
    });
    const { rho, normalization } = DEFAULT_PROBE_OPTIONS.sharpness as SharpnessProbeOptions;
    const alone = await randomDirectionSharpness(target, { directions, rho, normalization });
    expect(r.sharpness!.mean).toBe(alone.mean);
    expect([r.gradientNorm, r.sam, r.topEigenvalue, r.trace, r.slice]).toEqual([null, null, null, null, null]);
    await expect(runProbes(target, { seed: 1, directions: directions.slice(0, 2) })).rejects.toThrow(
      /at least 5 directions/,
    );
  });

  it("runs the seed project's sharpness (Gaussian std 0.01, 5 samples)", async () => {
    const r = await runProbes(target, {
      seed: 1,
      sharpness: SEED_001_SHARPNESS,
      gradientNorm: false,
      sam: false,
      eigenvalue: false,
      trace: false,
    });
    expect(r.sharpness!.normalization).toBe('gaussian');
    expect(r.sharpness!.increases).toHaveLength(5);
  });
});

describe('compositeScore', () => {
  it('is the composite acc - alpha·sharpness, alpha 0.1 by default', () => {
    expect(compositeScore(0.8, 0.5)).toBeCloseTo(0.75, 12);
    expect(compositeScore(0.8, 0.5, 0.2)).toBeCloseTo(0.7, 12);
    expect(() => compositeScore(NaN, 0.1)).toThrow(/finite/);
  });
});
