// Random directions in weight space, after Li et al. 2018, "Visualizing the Loss Landscape of
// Neural Nets": each filter (a slice along the last axis of a [kh, kw, in, out] or [in, out] kernel)
// is rescaled to ||w_filter|| / (||d_filter|| + 1e-10); 1-D weights (biases) get a zero direction.
import * as tf from '@tensorflow/tfjs';
import { createRng, deriveSeed } from '../../core/rng';
import { toTensors, type WeightVector } from './weightSpace';

export type DirectionNormalization = 'filter' | 'gaussian';

/**
 * `count` raw N(0, 1) directions for weights of these shapes. Direction k depends only on
 * (seed, k), not on `count`. Draw them once per study (per set of shapes) and reuse them: drawing
 * a million normals costs tens of milliseconds, and filter normalisation is redone on the device
 * against each model's own weights.
 */
export function drawGaussianDirections(shapes: number[][], count: number, seed: number): Float32Array[][] {
  if (!Number.isInteger(count) || count < 0)
    throw new Error(`Expected count to be a non-negative integer, but got ${count}`);
  return Array.from({ length: count }, (_, k) => {
    const rng = createRng(deriveSeed(seed, 'direction', k));
    return shapes.map((shape) => {
      const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
      for (let i = 0; i < values.length; i++) values[i] = rng.normal();
      return values;
    });
  });
}

/** Li et al.'s filter normalisation of one direction against the given weights (caller disposes the result). */
export function filterNormalize(direction: WeightVector, weights: tf.Tensor[]): WeightVector {
  return tf.tidy(() =>
    weights.map((w, i) => {
      if (w.rank <= 1) return tf.zerosLike(w);
      const filters = w.shape[w.rank - 1];
      const w2 = tf.reshape(w, [-1, filters]);
      const d2 = tf.reshape(direction[i], [-1, filters]);
      const filterNorm = (t: tf.Tensor) => tf.sqrt(tf.sum(tf.square(t), 0));
      const factor = tf.div(filterNorm(w2), tf.add(filterNorm(d2), 1e-10));
      return tf.reshape(tf.mul(d2, factor), w.shape);
    }),
  );
}

/**
 * Uploads a raw direction and normalises it: 'filter' as above; 'gaussian' leaves it as drawn,
 * which with radius sigma is the seed project's isotropic N(0, sigma²) noise on every weight.
 */
export function makeDirection(
  raw: Float32Array[],
  weights: tf.Tensor[],
  normalization: DirectionNormalization,
): WeightVector {
  const uploaded = toTensors(
    raw,
    weights.map((w) => w.shape),
  );
  if (normalization === 'gaussian') return uploaded;
  const normalized = filterNormalize(uploaded, weights);
  tf.dispose(uploaded);
  return normalized;
}
