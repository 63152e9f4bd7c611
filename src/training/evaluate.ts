// Validation loss and accuracy of a model on a fixed index set, accumulated on the device and
// read back once, so evaluation costs one readback however many batches it takes.
import * as tf from '@tensorflow/tfjs';
import { makeBatch, type LabelledImages } from './batches';
import type { SimpleCnn } from './simpleCnn';

export interface Evaluation {
  loss: number;
  accuracy: number;
  count: number;
}

export async function evaluate(
  model: SimpleCnn,
  data: LabelledImages,
  indices: Int32Array,
  batchSize = 250,
): Promise<Evaluation> {
  const n = indices.length;
  if (n === 0) throw new Error('evaluate: the evaluation set is empty');
  let lossSum = tf.scalar(0);
  let correct = tf.scalar(0);
  for (let start = 0; start < n; start += batchSize) {
    const count = Math.min(batchSize, n - start);
    const { x, y } = makeBatch(data, indices, start, count, model.spec.numClasses);
    const [nextLoss, nextCorrect] = tf.tidy(() => {
      const logits = model.apply(x, false);
      const losses = tf.losses.softmaxCrossEntropy(y, logits, undefined, undefined, tf.Reduction.NONE);
      const hits = tf.equal(tf.argMax(logits, 1), tf.argMax(y, 1)).asType('float32');
      return [tf.add(lossSum, tf.sum(losses)), tf.add(correct, tf.sum(hits))];
    });
    lossSum.dispose();
    correct.dispose();
    x.dispose();
    y.dispose();
    lossSum = nextLoss as tf.Scalar;
    correct = nextCorrect as tf.Scalar;
  }
  const both = tf.stack([lossSum, correct]);
  const [loss, hits] = await both.data();
  tf.dispose([both, lossSum, correct]);
  return { loss: loss / n, accuracy: hits / n, count: n };
}
