// Augmentation against a plain-loop oracle: each output image is an exact integer crop of the
// zero-padded input, mirrored when flipped; same seed, same batch.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../core/rng';
import { augmentBatch } from './augment';
import { initNodeBackend } from './nodeBackend';

beforeAll(async () => {
  await initNodeBackend('cpu');
});

function oracle(
  src: Float32Array,
  n: number,
  h: number,
  w: number,
  c: number,
  rng: ReturnType<typeof createRng>,
): Float32Array {
  const out = new Float32Array(n * h * w * c);
  for (let i = 0; i < n; i++) {
    const dy = rng.nextInt(9),
      dx = rng.nextInt(9),
      flip = rng.next() < 0.5;
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const sy = y + dy - 4,
          sx0 = (flip ? w - 1 - x : x) + dx - 4;
        const sx = flip ? dx - 4 + (w - 1 - x) : sx0;
        for (let k = 0; k < c; k++) {
          const inside = sy >= 0 && sy < h && sx >= 0 && sx < w;
          out[((i * h + y) * w + x) * c + k] = inside ? src[((i * h + sy) * w + sx) * c + k] : 0;
        }
      }
  }
  return out;
}

describe('augmentBatch', () => {
  it('is an exact padded crop, mirrored when flipped, reproducible from the seed', async () => {
    const [n, h, w, c] = [6, 8, 8, 3];
    const src = Float32Array.from({ length: n * h * w * c }, (_, i) => (i % 97) / 7 - 3);
    const x = tf.tensor4d(src, [n, h, w, c]);
    const got = augmentBatch(x, createRng(5));
    const want = oracle(src, n, h, w, c, createRng(5));
    const values = await got.data();
    let maxErr = 0;
    values.forEach((v, i) => {
      maxErr = Math.max(maxErr, Math.abs(v - want[i]));
    });
    expect(maxErr).toBeLessThan(1e-4);
    tf.dispose([x, got]);
  });
});
