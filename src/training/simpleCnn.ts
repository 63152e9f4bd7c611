// The seed project's SimpleCNN as pure functions over tf.Variables: three conv3x3 blocks (c, 2c, 4c
// channels, 'same' padding, [batch norm,] ReLU, 2x2 max-pool), FC 512, dropout, FC classes.
// Its shapes and seeded initial weights (no tfjs) are in ./simpleCnnSpec.
import * as tf from '@tensorflow/tfjs';
import { simpleCnnShapes, type SimpleCnnSpec } from './simpleCnnSpec';

export interface SimpleCnn {
  spec: SimpleCnnSpec;
  /** Trainable weights in a fixed order; kernels are [kh, kw, in, out] / [in, out], so a "filter" is a slice along the last axis. */
  weights: tf.Variable[];
  names: string[];
  /** Batch-norm running statistics (not trained by gradients); empty without batch norm. */
  buffers: tf.Variable[];
  /** Logits for a batch of normalised NHWC images. `dropoutSeed` makes the mask reproducible. */
  apply(x: tf.Tensor4D, training: boolean, dropoutSeed?: number): tf.Tensor2D;
  dispose(): void;
}

const BN_MOMENTUM = 0.9;
const BN_EPSILON = 1e-5;

function variableFrom(values: Float32Array, shape: number[], trainable: boolean, name: string): tf.Variable {
  // tf.variable shares the initial tensor's data and leaves the tensor itself to us.
  const value = tf.tensor(values, shape);
  const v = tf.variable(value, trainable, name);
  value.dispose();
  return v;
}

export function createSimpleCnn(spec: SimpleCnnSpec, initial: Float32Array[]): SimpleCnn {
  const shapes = simpleCnnShapes(spec);
  const id = nextModelId++;
  const weights = shapes.map(({ name, shape }, i) => variableFrom(initial[i], shape, true, `${name}_${id}`));
  const byName = new Map(shapes.map((s, i) => [s.name, weights[i]]));
  const w = (name: string) => byName.get(name)!;
  const widths = [spec.channels, 2 * spec.channels, 4 * spec.channels];
  const buffers = spec.batchNorm
    ? widths.flatMap((cout, i) => [
        variableFrom(new Float32Array(cout), [cout], false, `bn${i + 1}/movingMean_${id}`),
        variableFrom(new Float32Array(cout).fill(1), [cout], false, `bn${i + 1}/movingVariance_${id}`),
      ])
    : [];

  const block = (x: tf.Tensor4D, i: number, training: boolean): tf.Tensor4D => {
    let h = tf.add(tf.conv2d(x, w(`conv${i}/kernel`) as tf.Tensor4D, 1, 'same'), w(`conv${i}/bias`)) as tf.Tensor4D;
    if (spec.batchNorm) {
      const [movingMean, movingVariance] = buffers.slice(2 * (i - 1), 2 * i);
      if (training) {
        const { mean, variance } = tf.moments(h, [0, 1, 2]);
        // Running statistics for evaluation; outside the gradient (they are not trainable).
        movingMean.assign(tf.add(tf.mul(movingMean, BN_MOMENTUM), tf.mul(mean, 1 - BN_MOMENTUM)));
        movingVariance.assign(tf.add(tf.mul(movingVariance, BN_MOMENTUM), tf.mul(variance, 1 - BN_MOMENTUM)));
        h = tf.batchNorm(h, mean, variance, w(`bn${i}/beta`), w(`bn${i}/gamma`), BN_EPSILON) as tf.Tensor4D;
      } else {
        h = tf.batchNorm(h, movingMean, movingVariance, w(`bn${i}/beta`), w(`bn${i}/gamma`), BN_EPSILON) as tf.Tensor4D;
      }
    }
    return tf.maxPool(tf.relu(h), 2, 2, 'valid');
  };

  return {
    spec,
    weights,
    names: shapes.map((s) => s.name),
    buffers,
    apply(x, training, dropoutSeed) {
      return tf.tidy(() => {
        let h: tf.Tensor = block(block(block(x, 1, training), 2, training), 3, training);
        h = tf.reshape(h, [x.shape[0], -1]);
        h = tf.relu(tf.add(tf.matMul(h as tf.Tensor2D, w('fc1/kernel') as tf.Tensor2D), w('fc1/bias')));
        if (training && spec.dropout > 0) h = tf.dropout(h, spec.dropout, undefined, dropoutSeed);
        return tf.add(tf.matMul(h as tf.Tensor2D, w('fc2/kernel') as tf.Tensor2D), w('fc2/bias')) as tf.Tensor2D;
      });
    },
    dispose() {
      [...weights, ...buffers].forEach((v) => v.dispose());
    },
  };
}

// Variable names must be unique per engine; models come and go within one worker.
let nextModelId = 0;
