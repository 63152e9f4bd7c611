// The wasm BatchMatMul wrapper against the cpu backend's stock kernel: every transpose pairing,
// both operand orders it may choose (n <= m and n > m), batch-1 rank 3, and a batched fallback.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { expectClose, runOn, startWasm, uniform } from '../../testing/cpuOracle';

interface Case {
  name: string;
  aShape: number[];
  bShape: number[];
}

// [m, k] @ [k, n] before transposes; the wrapper packs the smaller of k*n and k*m.
const CASES: Case[] = [
  { name: 'dense dW shape, n <= m', aShape: [96, 40], bShape: [40, 24] },
  { name: 'dense dx shape, n > m', aShape: [12, 56], bShape: [56, 200] },
  { name: 'rank 3, batch 1', aShape: [1, 33, 17], bShape: [1, 17, 9] },
  { name: 'batched, stock fallback', aShape: [3, 10, 7], bShape: [3, 7, 5] },
];
const PAIRINGS: [boolean, boolean][] = [
  [false, false],
  [true, false],
  [false, true],
  [true, true],
];

const errors: number[] = [];

function transposeLast2(shape: number[], transpose: boolean): number[] {
  if (!transpose) return shape;
  const s = shape.slice();
  [s[s.length - 2], s[s.length - 1]] = [s[s.length - 1], s[s.length - 2]];
  return s;
}

beforeAll(startWasm);

afterAll(() => {
  console.log(`BatchMatMul max relative error vs cpu: ${Math.max(...errors).toExponential(2)}`);
});

describe.each(CASES)('$name', (c) => {
  it.each(PAIRINGS)('transposeA=%s transposeB=%s matches cpu', async (transposeA, transposeB) => {
    const aShape = transposeLast2(c.aShape, transposeA);
    const bShape = transposeLast2(c.bShape, transposeB);
    const aData = uniform(aShape, 11);
    const bData = uniform(bShape, 12);
    const run = () => [tf.matMul(tf.tensor(aData, aShape), tf.tensor(bData, bShape), transposeA, transposeB)];
    const [expected] = await runOn('cpu', run);
    const [actual] = await runOn('wasm', run);
    errors.push(expectClose('matMul', actual, expected));
  });
});

describe('dense layer gradients', () => {
  it('match cpu', async () => {
    const x = uniform([16, 48], 21);
    const w = uniform([48, 30], 22);
    const r = uniform([16, 30], 23);
    const run = () =>
      tf.grads((xs: tf.Tensor, ws: tf.Tensor) => tf.sum(tf.mul(tf.relu(tf.matMul(xs, ws)), tf.tensor(r, [16, 30]))))([
        tf.tensor(x, [16, 48]),
        tf.tensor(w, [48, 30]),
      ]);
    const [dxCpu, dwCpu] = await runOn('cpu', run);
    const [dxWasm, dwWasm] = await runOn('wasm', run);
    errors.push(expectClose('dense dx', dxWasm, dxCpu), expectClose('dense dW', dwWasm, dwCpu));
  });
});
