// Vectors in weight space: lists of tensors shaped like a model's variables. Probes move the
// variables to base + Σ coef·direction, always from a snapshot of the base, and put the snapshot
// back at the end, so the weights come out bit-identical and no step accumulates rounding.
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../core/rng';

export type WeightVector = tf.Tensor[];
/** A coefficient may stay on the device (e.g. rho / ||g||), so no readback is needed to use it. */
export type Coefficient = number | tf.Scalar;

/** Device copies of the current values; they share the variables' data until a variable is reassigned. */
export function snapshotWeights(weights: tf.Variable[]): WeightVector {
  return weights.map((w) => tf.clone(w));
}

/** Sets every variable to base + Σ coef·direction. A zero coefficient adds nothing, so all-zero coefficients give the base exactly. */
export function assignOffset(weights: tf.Variable[], base: WeightVector, terms: [Coefficient, WeightVector][]): void {
  tf.tidy(() => {
    weights.forEach((w, i) => {
      let value = base[i];
      for (const [coef, direction] of terms) {
        if (coef !== 0) value = tf.add(value, tf.mul(direction[i], coef));
      }
      w.assign(value);
    });
  });
}

/** Puts the snapshot back into the variables (same data, bit for bit) and disposes the snapshot. */
export function restoreWeights(weights: tf.Variable[], snapshot: WeightVector): void {
  weights.forEach((w, i) => w.assign(snapshot[i]));
  tf.dispose(snapshot);
}

/** Runs `body` with a snapshot of the weights and restores them afterwards, even if it throws. */
export async function withWeightsRestored<T>(
  weights: tf.Variable[],
  body: (base: WeightVector) => Promise<T>,
): Promise<T> {
  const base = snapshotWeights(weights);
  try {
    return await body(base);
  } finally {
    restoreWeights(weights, base);
  }
}

export function dot(a: WeightVector, b: WeightVector): tf.Scalar {
  return tf.tidy(() => tf.addN(a.map((t, i) => tf.sum(tf.mul(t, b[i])))) as tf.Scalar);
}

export function norm(a: WeightVector): tf.Scalar {
  return tf.tidy(() => tf.sqrt(dot(a, a)));
}

export function scale(a: WeightVector, coef: Coefficient): WeightVector {
  return tf.tidy(() => a.map((t) => tf.mul(t, coef)));
}

export function shapesOf(weights: tf.Tensor[]): number[][] {
  return weights.map((w) => w.shape.slice());
}

export function sizeOf(shapes: number[][]): number {
  return shapes.reduce((n, shape) => n + shape.reduce((a, b) => a * b, 1), 0);
}

/** Uploads host arrays in the given shapes. */
export function toTensors(values: Float32Array[], shapes: number[][]): WeightVector {
  if (values.length !== shapes.length) throw new Error(`Expected ${shapes.length} arrays, but got ${values.length}`);
  return values.map((v, i) => tf.tensor(v, shapes[i]));
}

/** Rademacher ±1 entries, 32 per rng draw (the Rng yields 32 random bits per next()). */
export function rademacher(shapes: number[][], rng: Rng): Float32Array[] {
  return shapes.map((shape) => {
    const out = new Float32Array(shape.reduce((a, b) => a * b, 1));
    let bits = 0;
    for (let i = 0; i < out.length; i++) {
      if (i % 32 === 0) bits = Math.floor(rng.next() * 4294967296) >>> 0;
      out[i] = bits & 1 ? 1 : -1;
      bits >>>= 1;
    }
    return out;
  });
}

/** Reads several scalars back in one transfer (each readback stalls a GPU backend). */
export async function readScalars(scalars: tf.Tensor[]): Promise<number[]> {
  if (scalars.length === 0) return [];
  const stacked = tf.tidy(() => tf.stack(scalars.map((s) => tf.reshape(s, []))));
  const values = await stacked.data();
  stacked.dispose();
  return Array.from(values);
}
