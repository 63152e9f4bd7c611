// What a probe needs from a model: its variables and the loss over a fixed probe set, split into
// chunks (batches kept on the device) so a gradient over the whole set never holds all activations.
import * as tf from '@tensorflow/tfjs';
import type { WeightVector } from './weightSpace';

export interface ProbeTarget {
  readonly weights: tf.Variable[];
  /** Number of chunks (e.g. batches) of the fixed probe set; at least 1. */
  readonly chunkCount: number;
  /**
   * Chunk i's share of the mean probe-set loss at the current weights (its summed example losses
   * divided by the probe-set size), so the shares add up to the mean. Differentiable in `weights`.
   */
  chunkLoss(i: number): tf.Scalar;
  /** Optional, for slices: the chunk's shares of the loss and of the accuracy from one forward pass. */
  chunkEvaluation?(i: number): { loss: tf.Scalar; accuracy: tf.Scalar };
}

/** Mean probe-set loss; one chunk's activations alive at a time. */
export function meanLoss(target: ProbeTarget): tf.Scalar {
  let total = tf.scalar(0);
  for (let i = 0; i < target.chunkCount; i++) {
    const next = tf.tidy(() => tf.add(total, target.chunkLoss(i)) as tf.Scalar);
    total.dispose();
    total = next;
  }
  return total;
}

/** Mean loss and, if the target reports it, accuracy (null otherwise). */
export function lossAndAccuracy(target: ProbeTarget): { loss: tf.Scalar; accuracy: tf.Scalar | null } {
  const evaluateChunk = target.chunkEvaluation?.bind(target);
  if (!evaluateChunk) return { loss: meanLoss(target), accuracy: null };
  let loss = tf.scalar(0);
  let accuracy = tf.scalar(0);
  for (let i = 0; i < target.chunkCount; i++) {
    const [nextLoss, nextAccuracy] = tf.tidy(() => {
      const chunk = evaluateChunk(i);
      return [tf.add(loss, chunk.loss), tf.add(accuracy, chunk.accuracy)] as tf.Scalar[];
    });
    tf.dispose([loss, accuracy]);
    loss = nextLoss;
    accuracy = nextAccuracy;
  }
  return { loss, accuracy };
}

/** Mean loss and its gradient with respect to `target.weights` (same order), accumulated chunk by chunk. */
export function lossAndGradient(target: ProbeTarget): { loss: tf.Scalar; grads: WeightVector } {
  let loss = tf.scalar(0);
  let grads: WeightVector = target.weights.map((w) => tf.zerosLike(w));
  for (let i = 0; i < target.chunkCount; i++) {
    const { value, grads: named } = tf.variableGrads(() => target.chunkLoss(i), target.weights);
    const next = tf.tidy(() => ({
      loss: tf.add(loss, value) as tf.Scalar,
      // A variable the loss does not touch has no entry: its gradient is zero.
      grads: grads.map((g, j) =>
        named[target.weights[j].name] ? tf.add(g, named[target.weights[j].name]) : tf.clone(g),
      ),
    }));
    tf.dispose([value, loss, ...grads, ...Object.values(named)]);
    loss = next.loss;
    grads = next.grads;
  }
  return { loss, grads };
}

/** The gradient alone. */
export function gradient(target: ProbeTarget): WeightVector {
  const { loss, grads } = lossAndGradient(target);
  loss.dispose();
  return grads;
}
