// SimpleCNN of seed 001 as pure functions over tf.Variables: three conv3x3 blocks (c, 2c, 4c
// channels, 'same' padding, ReLU, 2x2 max-pool), FC 512, dropout, FC classes.
// Weights are drawn with our seeded rng on the CPU so every backend starts from identical weights.
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../core/rng';

export interface SimpleCnnSpec { channels: number; numClasses: number; dropout: number; imageSize: number }

export interface SimpleCnn {
  spec: SimpleCnnSpec;
  /** Fixed order; kernels are [kh, kw, in, out] / [in, out], so a "filter" is a slice along the last axis. */
  weights: tf.Variable[];
  names: string[];
  /** Logits for a batch of normalised NHWC images. `dropoutSeed` makes the mask reproducible. */
  apply(x: tf.Tensor4D, training: boolean, dropoutSeed?: number): tf.Tensor2D;
  dispose(): void;
}

/** Weight shapes in application order; exported for parameter counts and probes. */
export function simpleCnnShapes(spec: SimpleCnnSpec): { name: string; shape: number[] }[] {
  const c = spec.channels;
  const flat = (spec.imageSize / 8) ** 2 * 4 * c;
  return [
    { name: 'conv1/kernel', shape: [3, 3, 3, c] }, { name: 'conv1/bias', shape: [c] },
    { name: 'conv2/kernel', shape: [3, 3, c, 2 * c] }, { name: 'conv2/bias', shape: [2 * c] },
    { name: 'conv3/kernel', shape: [3, 3, 2 * c, 4 * c] }, { name: 'conv3/bias', shape: [4 * c] },
    { name: 'fc1/kernel', shape: [flat, 512] }, { name: 'fc1/bias', shape: [512] },
    { name: 'fc2/kernel', shape: [512, spec.numClasses] }, { name: 'fc2/bias', shape: [spec.numClasses] },
  ];
}

export function parameterCount(spec: SimpleCnnSpec): number {
  return simpleCnnShapes(spec).reduce((n, { shape }) => n + shape.reduce((a, b) => a * b, 1), 0);
}

/**
 * PyTorch's default init (kaiming_uniform with a=sqrt(5)): U(-1/sqrt(fanIn), 1/sqrt(fanIn)) for
 * kernels and biases alike, so our runs are comparable with the seed project's.
 */
export function initialWeights(spec: SimpleCnnSpec, seed: number): Float32Array[] {
  const rng = createRng(seed);
  const shapes = simpleCnnShapes(spec);
  return shapes.map(({ shape }, i) => {
    const kernelShape = shapes[i - (i % 2)].shape;
    const fanIn = kernelShape.slice(0, -1).reduce((a, b) => a * b, 1);
    const bound = 1 / Math.sqrt(fanIn);
    const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
    for (let j = 0; j < values.length; j++) values[j] = (2 * rng.next() - 1) * bound;
    return values;
  });
}

export function createSimpleCnn(spec: SimpleCnnSpec, initial: Float32Array[]): SimpleCnn {
  const shapes = simpleCnnShapes(spec);
  const weights = shapes.map(({ name, shape }, i) => {
    // tf.variable shares the initial tensor's data and leaves the tensor itself to us.
    const value = tf.tensor(initial[i], shape);
    const v = tf.variable(value, true, `${name}_${nextModelId}`);
    value.dispose();
    return v;
  });
  nextModelId++;
  const [w1, b1, w2, b2, w3, b3, wf1, bf1, wf2, bf2] = weights;
  const block = (x: tf.Tensor4D, w: tf.Variable, b: tf.Variable) =>
    tf.maxPool(tf.relu(tf.add(tf.conv2d(x, w as tf.Tensor4D, 1, 'same'), b)) as tf.Tensor4D, 2, 2, 'valid');

  return {
    spec,
    weights,
    names: shapes.map((s) => s.name),
    apply(x, training, dropoutSeed) {
      return tf.tidy(() => {
        let h: tf.Tensor = block(block(block(x, w1, b1), w2, b2), w3, b3);
        h = tf.reshape(h, [x.shape[0], -1]);
        h = tf.relu(tf.add(tf.matMul(h as tf.Tensor2D, wf1 as tf.Tensor2D), bf1));
        if (training && spec.dropout > 0) h = tf.dropout(h, spec.dropout, undefined, dropoutSeed);
        return tf.add(tf.matMul(h as tf.Tensor2D, wf2 as tf.Tensor2D), bf2) as tf.Tensor2D;
      });
    },
    dispose() { weights.forEach((w) => w.dispose()); },
  };
}

// Variable names must be unique per engine; models come and go within one worker.
let nextModelId = 0;
