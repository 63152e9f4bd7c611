// Loss and gradients of SimpleCNN for fixed weights on one batch, read back as plain arrays:
// the common currency of gradient checks and of cross-backend agreement tests.
import * as tf from '@tensorflow/tfjs';
import { makeBatch, type LabelledImages } from './batches';
import { createSimpleCnn } from './simpleCnn';
import { type SimpleCnnSpec } from './simpleCnnSpec';

export interface LossAndGradients {
  backend: string;
  loss: number;
  gradients: Float32Array[];
}

/** Dropout is off (training=false) so that the function is deterministic across backends. */
export async function lossAndGradients(
  spec: SimpleCnnSpec,
  weights: Float32Array[],
  data: LabelledImages,
  indices: Int32Array,
): Promise<LossAndGradients> {
  const model = createSimpleCnn(spec, weights);
  const { x, y } = makeBatch(data, indices, 0, indices.length, spec.numClasses);
  try {
    const { value, grads } = tf.variableGrads(
      () => tf.losses.softmaxCrossEntropy(y, model.apply(x, false)) as tf.Scalar,
      model.weights,
    );
    const loss = (await value.data())[0];
    const gradients = await Promise.all(model.weights.map(async (w) => (await grads[w.name].data()) as Float32Array));
    tf.dispose([value, ...Object.values(grads)]);
    return { backend: tf.getBackend(), loss, gradients };
  } finally {
    tf.dispose([x, y]);
    model.dispose();
  }
}
