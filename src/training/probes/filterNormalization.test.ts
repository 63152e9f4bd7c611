// Filter normalisation (Li et al. 2018) against its definition: every direction filter has exactly
// its weight filter's norm, biases get a zero direction, and the draws are seeded and stable.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../core/rng';
import { initNodeBackend } from '../nodeBackend';
import { drawGaussianDirections, filterNormalize, makeDirection } from './filterNormalization';

const shapes = [[3, 3, 2, 4], [4], [10, 3], [3]];

function filterNorms(values: Float32Array, shape: number[]): number[] {
  const filters = shape[shape.length - 1];
  const norms = new Array<number>(filters).fill(0);
  values.forEach((v, i) => {
    norms[i % filters] += v * v;
  });
  return norms.map(Math.sqrt);
}

beforeAll(async () => {
  await initNodeBackend('cpu');
});

describe('filterNormalize', () => {
  it('gives each direction filter its weight filter norm (1e-5 relative) and biases zero', () => {
    const rng = createRng(7);
    // Filters of very different norms, one of them tiny, to catch a global rescaling.
    const weights = shapes.map((shape) => {
      const size = shape.reduce((a, b) => a * b, 1);
      return tf.tensor(
        Float32Array.from(
          { length: size },
          (_, i) => rng.normal() * (1 + (i % shape[shape.length - 1])) ** 2 * (i % 3 === 0 ? 1e-3 : 1),
        ),
        shape,
      );
    });
    const [raw] = drawGaussianDirections(shapes, 1, 11);
    const direction = makeDirection(raw, weights, 'filter');
    direction.forEach((d, i) => {
      const values = d.dataSync() as Float32Array;
      if (shapes[i].length === 1) {
        expect(Array.from(values).every((v) => v === 0)).toBe(true);
        return;
      }
      const want = filterNorms(weights[i].dataSync() as Float32Array, shapes[i]);
      const got = filterNorms(values, shapes[i]);
      got.forEach((g, f) => expect(Math.abs(g - want[f]) / want[f]).toBeLessThan(1e-5));
    });
    tf.dispose([...weights, ...direction]);
  });

  it('keeps each filter pointing along the raw draw (only its length changes)', () => {
    const w = tf.tensor([
      [1, 2],
      [3, 4],
    ]);
    const d = tf.tensor([
      [2, -1],
      [0, 1],
    ]);
    const [n] = filterNormalize([d], [w]);
    // Column 0: |w| = sqrt(10), d = (2, 0) -> (sqrt(10), 0); column 1: |w| = sqrt(20), d = (-1, 1)/sqrt(2)·sqrt(20).
    const expected = [Math.sqrt(10), -Math.sqrt(10), 0, Math.sqrt(10)];
    Array.from(n.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 5));
    tf.dispose([w, d, n]);
  });
});

describe('drawGaussianDirections', () => {
  it('is seeded, and direction k does not depend on how many are drawn', () => {
    const a = drawGaussianDirections(shapes, 3, 5);
    const b = drawGaussianDirections(shapes, 1, 5);
    const c = drawGaussianDirections(shapes, 1, 6);
    expect(a[0]).toEqual(b[0]);
    expect(a[0][0]).not.toEqual(c[0][0]);
    expect(a[1][0]).not.toEqual(a[0][0]);
    a[0].forEach((values, i) => expect(values.length).toBe(shapes[i].reduce((x, y) => x * y, 1)));
  });

  it("draws standard normals, and the seed project's plain Gaussian variant uploads them unchanged", () => {
    const [raw] = drawGaussianDirections([[200, 50]], 1, 3);
    const values = raw[0];
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
    const w = tf.zeros([200, 50]);
    const [d] = makeDirection(raw, [w], 'gaussian');
    expect(d.dataSync()).toEqual(values);
    tf.dispose([w, d]);
  });
});
