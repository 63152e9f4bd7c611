// The wasm MaxPoolGrad against the cpu backend's stock kernel, including the tie rule (first
// maximum in row-major window order) that ReLU's zeros exercise in real training.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { expectClose, runOn, startWasm, uniform } from '../../testing/cpuOracle';

interface Case {
  name: string;
  xShape: [number, number, number, number];
  filterSize: [number, number];
  strides: [number, number];
  pad: 'same' | 'valid';
}

const CASES: Case[] = [
  {
    name: 'SimpleCNN pool1 2x2/2 32x32x32',
    xShape: [4, 32, 32, 32],
    filterSize: [2, 2],
    strides: [2, 2],
    pad: 'valid',
  },
  { name: 'SimpleCNN pool3 2x2/2 8x8x128', xShape: [4, 8, 8, 128], filterSize: [2, 2], strides: [2, 2], pad: 'valid' },
  {
    name: 'overlapping 3x3/2, same, odd size',
    xShape: [2, 9, 11, 5],
    filterSize: [3, 3],
    strides: [2, 2],
    pad: 'same',
  },
  { name: '3x2/1, same', xShape: [2, 7, 6, 3], filterSize: [3, 2], strides: [1, 1], pad: 'same' },
];

const errors: number[] = [];

beforeAll(startWasm);

afterAll(() => {
  console.log(`MaxPoolGrad max relative error vs cpu: ${Math.max(...errors).toExponential(2)}`);
});

describe.each(CASES)('$name', (c) => {
  // Half the activations clamped to 0, as after ReLU, so windows hold ties.
  const xData = uniform(c.xShape, 31).map((v) => Math.max(v, 0));
  it.each([false, true])('gradient matches cpu (relu-style ties: %s)', async (ties) => {
    const data = ties ? xData : uniform(c.xShape, 32);
    const run = () => {
      const x = tf.tensor4d(data, c.xShape);
      const pooled = tf.maxPool(x, c.filterSize, c.strides, c.pad);
      const r = tf.tensor(uniform(pooled.shape, 33), pooled.shape);
      return [
        tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(t as tf.Tensor4D, c.filterSize, c.strides, c.pad), r)))(x),
      ];
    };
    const [expected] = await runOn('cpu', run);
    const [actual] = await runOn('wasm', run);
    errors.push(expectClose('dx', actual, expected));
  });
});
