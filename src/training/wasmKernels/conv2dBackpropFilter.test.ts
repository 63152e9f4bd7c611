// The wasm conv gradient kernels against the cpu backend's stock kernels as the oracle, on
// SimpleCNN's shapes and on padding/stride cases the forward-conv rewrite has to get right.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWasmTrainingKernels } from './register';

const TOLERANCE = 1e-4;
let maxRelativeError = 0;

type Pad = 'same' | 'valid' | number | tf.backend_util.ExplicitPadding;
interface Case {
  name: string;
  xShape: [number, number, number, number];
  filterShape: [number, number, number, number];
  strides: [number, number];
  pad: Pad;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

const CASES: Case[] = [
  { name: 'SimpleCNN conv1 32x32x3 -> 32', xShape: [8, 32, 32, 3], filterShape: [3, 3, 3, 32], strides: [1, 1], pad: 'same' },
  { name: 'SimpleCNN conv2 16x16x32 -> 64', xShape: [8, 16, 16, 32], filterShape: [3, 3, 32, 64], strides: [1, 1], pad: 'same' },
  { name: 'SimpleCNN conv3 8x8x64 -> 128', xShape: [8, 8, 8, 64], filterShape: [3, 3, 64, 128], strides: [1, 1], pad: 'same' },
  { name: 'valid, non-square input', xShape: [4, 15, 13, 5], filterShape: [3, 3, 5, 6], strides: [1, 1], pad: 'valid' },
  { name: 'explicit pads up to k-1', xShape: [3, 12, 11, 5], filterShape: [3, 3, 5, 4], strides: [1, 1], pad: [[0, 0], [2, 0], [1, 2], [0, 0]] },
  { name: 'explicit pad wider than the filter', xShape: [2, 9, 9, 3], filterShape: [3, 3, 3, 4], strides: [1, 1], pad: [[0, 0], [3, 1], [0, 4], [0, 0]] },
  { name: 'stride 2, same', xShape: [4, 16, 16, 8], filterShape: [3, 3, 8, 16], strides: [2, 2], pad: 'same' },
  { name: 'stride 2, valid, rows left over', xShape: [4, 16, 15, 8], filterShape: [3, 3, 8, 16], strides: [2, 2], pad: 'valid' },
  { name: 'strides [1, 2], 3x2 filter, same', xShape: [2, 11, 9, 4], filterShape: [3, 2, 4, 5], strides: [1, 2], pad: 'same' },
  { name: '5x5 filter, stride 3, numeric pad, ceil', xShape: [2, 14, 13, 3], filterShape: [5, 5, 3, 7], strides: [3, 3], pad: 1, dimRoundingMode: 'ceil' },
];

/** mulberry32: a seeded stream, so a failure reproduces. */
function uniform(n: number, seed: number): Float32Array {
  let a = seed >>> 0;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  }
  return out;
}

/** max |actual - expected| / max |expected|: relative to the gradient's scale, not per element. */
function relativeError(actual: Float32Array, expected: Float32Array): number {
  expect(actual.length).toBe(expected.length);
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    diff = Math.max(diff, Math.abs(actual[i] - expected[i]));
    scale = Math.max(scale, Math.abs(expected[i]));
  }
  return diff / Math.max(scale, 1e-30);
}

function expectClose(label: string, actual: Float32Array, expected: Float32Array): void {
  const err = relativeError(actual, expected);
  maxRelativeError = Math.max(maxRelativeError, err);
  expect(err, `${label}: relative error ${err}`).toBeLessThan(TOLERANCE);
}

/** Runs fn on a backend and copies its outputs out; on wasm also checks nothing leaked. */
async function runOn(backendName: 'cpu' | 'wasm', fn: () => tf.Tensor[]): Promise<Float32Array[]> {
  expect(await tf.setBackend(backendName)).toBe(true);
  const tensorsBefore = tf.memory().numTensors;
  const dataIdsBefore = tf.engine().backend.numDataIds();
  const outs = tf.tidy(fn);
  const values = outs.map((t) => t.dataSync() as Float32Array);
  tf.dispose(outs);
  expect(tf.memory().numTensors).toBe(tensorsBefore);
  expect(tf.engine().backend.numDataIds()).toBe(dataIdsBefore);
  return values;
}

function outShape(c: Case): [number, number, number, number] {
  const info = tf.backend_util.computeConv2DInfo(
    c.xShape, c.filterShape, c.strides, 1, c.pad, c.dimRoundingMode, false, 'channelsLast',
  );
  return info.outShape as [number, number, number, number];
}

function attrsOf(c: Case) {
  return { strides: c.strides, pad: c.pad, dataFormat: 'NHWC', dimRoundingMode: c.dimRoundingMode };
}

beforeAll(async () => {
  registerWasmTrainingKernels();
  const wasmFile = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm');
  setWasmPaths(dirname(wasmFile) + '/');
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  expect(await tf.setBackend('wasm')).toBe(true);
});

afterAll(() => {
  console.log(`max relative error vs cpu: ${maxRelativeError.toExponential(2)}`);
});

describe.each(CASES)('$name', (c) => {
  const xData = uniform(c.xShape.reduce((a, b) => a * b), 1);
  const dyShape = outShape(c);
  const dyData = uniform(dyShape.reduce((a, b) => a * b), 2);
  const wData = uniform(c.filterShape.reduce((a, b) => a * b), 3);

  it('Conv2DBackpropFilter matches the cpu kernel', async () => {
    const run = () => [
      tf.engine().runKernel(
        'Conv2DBackpropFilter',
        { x: tf.tensor4d(xData, c.xShape), dy: tf.tensor4d(dyData, dyShape) },
        { ...attrsOf(c), filterShape: c.filterShape } as unknown as tf.NamedAttrMap,
      ) as tf.Tensor,
    ];
    const [expected] = await runOn('cpu', run);
    const [actual] = await runOn('wasm', run);
    expectClose('dW', actual, expected);
  });

  it('Conv2DBackpropInput matches the cpu kernel', async () => {
    const run = () => [
      tf.engine().runKernel(
        'Conv2DBackpropInput',
        { dy: tf.tensor4d(dyData, dyShape), filter: tf.tensor4d(wData, c.filterShape) },
        { ...attrsOf(c), inputShape: c.xShape } as unknown as tf.NamedAttrMap,
      ) as tf.Tensor,
    ];
    const [expected] = await runOn('cpu', run);
    const [actual] = await runOn('wasm', run);
    expectClose('dx', actual, expected);
  });

  // tf.conv2d's gradient drops dimRoundingMode and the stock wasm forward Conv2D ignores it, so
  // a non-floor rounding cannot train on wasm; the kernel tests above still cover the attr.
  it.skipIf(c.dimRoundingMode !== undefined)('tf.grads of a conv matches cpu', async () => {
    const run = () => {
      const r = tf.tensor4d(dyData, dyShape);
      const loss = (x: tf.Tensor, w: tf.Tensor) =>
        tf.sum(tf.mul(tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, c.strides, c.pad, 'NHWC', 1, c.dimRoundingMode), r));
      return tf.grads(loss)([tf.tensor4d(xData, c.xShape), tf.tensor4d(wData, c.filterShape)]);
    };
    const [dxCpu, dwCpu] = await runOn('cpu', run);
    const [dxWasm, dwWasm] = await runOn('wasm', run);
    expectClose('grad x', dxWasm, dxCpu);
    expectClose('grad w', dwWasm, dwCpu);
  });
});

describe('registration and attrs', () => {
  it('is idempotent', () => {
    const filterBefore = tf.getKernel('Conv2DBackpropFilter', 'wasm');
    const inputBefore = tf.getKernel('Conv2DBackpropInput', 'wasm');
    registerWasmTrainingKernels();
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBe(filterBefore);
    expect(tf.getKernel('Conv2DBackpropInput', 'wasm')).toBe(inputBefore);
  });

  it('rejects NCHW with a clear error and leaks nothing', async () => {
    expect(await tf.setBackend('wasm')).toBe(true);
    const x = tf.zeros([1, 4, 4, 2]);
    const dy = tf.zeros([1, 4, 4, 3]);
    const tensorsBefore = tf.memory().numTensors;
    const dataIdsBefore = tf.engine().backend.numDataIds();
    const attrs = { strides: 1, pad: 'same', dataFormat: 'NCHW', filterShape: [3, 3, 2, 3] };
    expect(() => tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs as unknown as tf.NamedAttrMap))
      .toThrow(/only dataFormat 'NHWC'/);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    expect(tf.engine().backend.numDataIds()).toBe(dataIdsBefore);
    tf.dispose([x, dy]);
  });
});
