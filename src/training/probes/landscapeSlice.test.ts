// 2D slices and 1D interpolation on the least-squares oracle: every grid point equals the closed-
// form loss at w + α·d1 + β·d2, the origin is the model's own loss, and the weights come back intact.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initNodeBackend } from '../nodeBackend';
import { drawGaussianDirections } from './filterNormalization';
import { gridCoordinates, interpolate1d, landscapeSlice, ProbeCancelled, type SliceRow } from './landscapeSlice';
import {
  leastSquaresTarget,
  lossAt,
  randomProblem,
  weightBytes,
  type LeastSquaresTarget,
  type Params,
} from '../../testing/leastSquaresOracle';
import { meanLoss } from './probeTarget';

const { problem, solution } = randomProblem(5, 96, [2, 1, 0.5], 2, 0.3);
const shapes = [[problem.d, problem.m], [problem.m]];
const [d1, d2] = drawGaussianDirections(shapes, 2, 17);
let target: LeastSquaresTarget;

const asParams = (raw: Float32Array[]): Params => [Float64Array.from(raw[0]), Float64Array.from(raw[1])];
const offset = ([w, b]: Params, terms: [number, Params][]): Params => [
  w.map((v, i) => terms.reduce((s, [c, d]) => s + c * d[0][i], v)),
  b.map((v, i) => terms.reduce((s, [c, d]) => s + c * d[1][i], v)),
];

beforeAll(async () => {
  await initNodeBackend('cpu');
});
beforeEach(() => {
  target = leastSquaresTarget(problem, solution, 2);
});
afterEach(() => target.dispose());

describe('gridCoordinates', () => {
  it('spans [-range, range] with an exact 0 at the centre of an odd grid', () => {
    const c = gridCoordinates(21, 0.7);
    expect(c[0]).toBe(-0.7);
    expect(c[20]).toBe(0.7);
    expect(c[10]).toBe(0);
    expect(() => gridCoordinates(1, 1)).toThrow(/resolution/);
    expect(() => gridCoordinates(5, 0)).toThrow(/range/);
  });
});

describe('landscapeSlice', () => {
  it('matches the closed-form loss at every grid point, row by row, with the origin equal to the loss at w', async () => {
    const origin = meanLoss(target);
    const [lossAtW] = await origin.data();
    origin.dispose();
    const before = weightBytes(target);
    const baseline = tf.memory().numTensors;
    const rows: SliceRow[] = [];
    // 'gaussian' keeps the directions as drawn, so the oracle needs no normalisation of its own.
    const slice = await landscapeSlice(target, {
      directions: [d1, d2],
      resolution: 5,
      range: 0.5,
      normalization: 'gaussian',
      onRow: (r) => rows.push(r),
    });
    expect(rows.map((r) => r.row)).toEqual([0, 1, 2, 3, 4]);
    expect(slice.accuracies).toBeNull();
    const n = slice.resolution;
    for (let j = 0; j < n; j++) {
      expect(rows[j].beta).toBe(slice.coordinates[j]);
      expect(rows[j].losses).toEqual(slice.losses.subarray(j * n, (j + 1) * n));
      for (let i = 0; i < n; i++) {
        const want = lossAt(
          problem,
          offset(solution, [
            [slice.coordinates[i], asParams(d1)],
            [slice.coordinates[j], asParams(d2)],
          ]),
        );
        expect(Math.abs(slice.losses[j * n + i] - want) / want).toBeLessThan(1e-5);
      }
    }
    expect(slice.losses[2 * n + 2]).toBe(lossAtW);
    expect(weightBytes(target)).toEqual(before);
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('uses filter-normalised directions by default and stays symmetric for a quadratic at its minimum', async () => {
    const { problem: exact, solution: w } = randomProblem(6, 64, [1, 0.5], 1, 0);
    const t = leastSquaresTarget(exact, w);
    const [e1, e2] = drawGaussianDirections([[2, 1], [1]], 2, 3);
    const slice = await landscapeSlice(t, { directions: [e1, e2], resolution: 3, range: 1 });
    // L(w* + v) = L(w* - v) for a quadratic at its minimum; biases stay put.
    expect(Math.abs(slice.losses[0] - slice.losses[8]) / slice.losses[0]).toBeLessThan(1e-4);
    expect(slice.losses[4]).toBeLessThan(1e-8);
    t.dispose();
  });

  it('stops on request with ProbeCancelled, weights and memory restored', async () => {
    const before = weightBytes(target);
    const baseline = tf.memory().numTensors;
    let rows = 0;
    await expect(
      landscapeSlice(target, {
        directions: [d1, d2],
        resolution: 5,
        range: 1,
        onRow: () => rows++,
        shouldStop: () => rows >= 2,
      }),
    ).rejects.toBeInstanceOf(ProbeCancelled);
    expect(rows).toBe(2);
    expect(weightBytes(target)).toEqual(before);
    expect(tf.memory().numTensors).toBe(baseline);
  });
});

describe('interpolate1d', () => {
  it('follows the closed-form loss along (1 - α)·from + α·to, α = 0 giving `from` exactly', async () => {
    const from = solution.map((p) => Float32Array.from(p, (v) => v + 1));
    const to = solution.map((p) => Float32Array.from(p));
    const before = weightBytes(target);
    const baseline = tf.memory().numTensors;
    const alphas = [-0.5, 0, 0.25, 0.5, 1, 1.5];
    const r = await interpolate1d(target, from, to, alphas);
    const delta: Params = [
      Float64Array.from(to[0], (v, i) => v - from[0][i]),
      Float64Array.from(to[1], (v, i) => v - from[1][i]),
    ];
    alphas.forEach((a, k) => {
      const want = lossAt(problem, offset(asParams(from), [[a, delta]]));
      expect(Math.abs(r.losses[k] - want) / want).toBeLessThan(1e-4);
    });
    expect(r.alphas).toEqual(alphas);
    const atFrom = leastSquaresTarget(problem, asParams(from), 2);
    const loss = meanLoss(atFrom);
    expect(r.losses[1]).toBe((await loss.data())[0]);
    loss.dispose();
    atFrom.dispose();
    expect(weightBytes(target)).toEqual(before);
    expect(tf.memory().numTensors).toBe(baseline);
  });
});
