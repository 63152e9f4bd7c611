// The wasm Sum over leading axes against the cpu backend's stock kernel, for the bias-gradient
// shapes of SimpleCNN and for the cases that must fall through to the stock kernel.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClose, runOn, startWasm, uniform } from '../../testing/cpuOracle';
import { sumLeadingAxes } from './sumLeadingAxes';

interface Case {
  name: string;
  shape: number[];
  axis: number | number[];
  keepDims: boolean;
}

const CASES: Case[] = [
  {
    name: 'conv bias gradient [5,32,32,64] (rows not a multiple of 4) over 0,1,2',
    shape: [5, 32, 32, 64],
    axis: [0, 1, 2],
    keepDims: false,
  },
  { name: 'dense bias gradient [128,512] over 0', shape: [128, 512], axis: 0, keepDims: false },
  { name: 'negative, unsorted axes with keepDims', shape: [3, 5, 7], axis: [-2, 0], keepDims: true },
  { name: 'inner axis (stock kernel)', shape: [6, 10], axis: 1, keepDims: false },
  { name: 'every axis (stock kernel)', shape: [6, 10], axis: [0, 1], keepDims: false },
  { name: 'non-leading axes (stock kernel)', shape: [3, 4, 5], axis: [0, 2], keepDims: false },
];

const errors: number[] = [];
beforeAll(startWasm);
afterAll(() => console.log(`Sum max relative error vs cpu: ${Math.max(...errors).toExponential(2)}`));

describe.each(CASES)('$name', (c) => {
  it('matches cpu in value and shape', async () => {
    const run = () => [tf.sum(tf.tensor(uniform(c.shape, 41), c.shape), c.axis, c.keepDims)];
    const [expected] = await runOn('cpu', run);
    const [actual] = await runOn('wasm', run);
    errors.push(expectClose('sum', actual, expected));
    const shapeOn = async (name: string) => (await tf.setBackend(name), tf.tidy(() => run()[0].shape));
    expect(await shapeOn('wasm')).toEqual(await shapeOn('cpu'));
  });
});

describe('applies only to float32 sums over leading axes', () => {
  it('returns null for int32 and for a trailing axis', async () => {
    await tf.setBackend('wasm');
    const backend = tf.backend();
    const ints = tf.tensor([1, 2, 3, 4], [2, 2], 'int32');
    const floats = tf.tensor([1, 2, 3, 4], [2, 2]);
    expect(sumLeadingAxes({ inputs: { x: ints }, backend, attrs: { axis: [0], keepDims: false } })).toBeNull();
    expect(sumLeadingAxes({ inputs: { x: floats }, backend, attrs: { axis: [1], keepDims: false } })).toBeNull();
    tf.dispose([ints, floats]);
  });
});
