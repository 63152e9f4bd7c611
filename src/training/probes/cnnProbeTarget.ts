// SimpleCNN as a ProbeTarget: a fixed probe set built once (batches kept on the device) and the
// mean softmax cross-entropy over it, in inference mode (no dropout). The loss has no weight-decay
// term: probes measure the data loss the model is judged on.
import * as tf from '@tensorflow/tfjs';
import { makeBatch, type LabelledImages } from '../batches';
import type { SimpleCnn } from '../simpleCnn';
import type { ProbeTarget } from './probeTarget';

export interface ProbeSet {
  batches: { x: tf.Tensor4D; y: tf.Tensor2D }[];
  /** Number of images over all batches. */
  count: number;
  dispose(): void;
}

/** Uploads the images at `indices` once, in batches of at most `batchSize`. */
export function buildProbeSet(
  data: LabelledImages,
  indices: Int32Array,
  numClasses: number,
  batchSize = 250,
): ProbeSet {
  if (indices.length === 0) throw new Error('buildProbeSet: the probe set is empty');
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new Error(`Expected batchSize to be a positive integer, but got ${batchSize}`);
  const batches: ProbeSet['batches'] = [];
  for (let start = 0; start < indices.length; start += batchSize) {
    batches.push(makeBatch(data, indices, start, Math.min(batchSize, indices.length - start), numClasses));
  }
  return {
    batches,
    count: indices.length,
    dispose() {
      batches.forEach(({ x, y }) => tf.dispose([x, y]));
    },
  };
}

export function simpleCnnProbeTarget(model: SimpleCnn, probeSet: ProbeSet): ProbeTarget {
  const { batches, count } = probeSet;
  const crossEntropySum = (i: number) => {
    const { x, y } = batches[i];
    const logits = model.apply(x, false);
    return { logits, sum: tf.sum(tf.losses.softmaxCrossEntropy(y, logits, undefined, undefined, tf.Reduction.NONE)) };
  };
  return {
    weights: model.weights,
    chunkCount: batches.length,
    chunkLoss: (i) => tf.tidy(() => tf.div(crossEntropySum(i).sum, count) as tf.Scalar),
    chunkEvaluation: (i) =>
      tf.tidy(() => {
        const { logits, sum } = crossEntropySum(i);
        const hits = tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), tf.argMax(batches[i].y, 1)), 'float32'));
        return { loss: tf.div(sum, count) as tf.Scalar, accuracy: tf.div(hits, count) as tf.Scalar };
      }),
  };
}
