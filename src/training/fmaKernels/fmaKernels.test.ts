// Our GEMM kernels against the cpu backend's stock kernels as the oracle, in both builds (relaxed
// SIMD and plain SIMD): Conv2D, both of its gradients and BatchMatMul with every transpose, at
// SimpleCNN's widths (c = 16/32/64) and at odd shapes that exercise partial tiles and paddings.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClose, runOn, startWasm, uniform } from '../../testing/cpuOracle';
import { fmaKernels, type FmaBuild } from './fmaModule';
import { loadFmaKernelsNode } from './nodeLoad';

type Shape4 = [number, number, number, number];
interface ConvCase {
  name: string;
  x: Shape4;
  filter: Shape4;
  pad: 'same' | 'valid' | number;
}

const CONV_CASES: ConvCase[] = [
  { name: 'conv1 c=16', x: [2, 32, 32, 3], filter: [3, 3, 3, 16], pad: 'same' },
  { name: 'conv2 c=32', x: [2, 16, 16, 32], filter: [3, 3, 32, 64], pad: 'same' },
  { name: 'conv3 c=64', x: [1, 8, 8, 128], filter: [3, 3, 128, 256], pad: 'same' },
  { name: 'odd: 5 channels to 11, 7x5 image', x: [3, 7, 5, 5], filter: [3, 3, 5, 11], pad: 'same' },
  { name: 'odd: valid 2x3 filter', x: [1, 6, 9, 7], filter: [2, 3, 7, 13], pad: 'valid' },
  { name: 'odd: 5x5 filter, pad 1', x: [2, 9, 8, 6], filter: [5, 5, 6, 9], pad: 1 },
  { name: 'odd: 1x1 filter', x: [5, 3, 3, 10], filter: [1, 1, 10, 3], pad: 'valid' },
];

interface MatMulCase {
  name: string;
  m: number;
  k: number;
  n: number;
}
const MATMUL_CASES: MatMulCase[] = [
  { name: 'fc1 c=16', m: 16, k: 1024, n: 512 },
  { name: 'fc2', m: 16, k: 512, n: 10 },
  { name: 'odd', m: 13, k: 37, n: 21 },
  { name: 'one row', m: 1, k: 5, n: 3 },
];

const errors: number[] = [];
afterAll(() => console.log(`our kernels' max relative error vs cpu: ${Math.max(...errors).toExponential(2)}`));

function convAndGradients(c: ConvCase, seed: number): () => tf.Tensor[] {
  return () => {
    const x = tf.tensor4d(uniform(c.x, seed), c.x);
    const filter = tf.tensor4d(uniform(c.filter, seed + 1), c.filter);
    const y = tf.conv2d(x, filter, 1, c.pad);
    const dy = tf.tensor(uniform(y.shape, seed + 2), y.shape);
    const [dx, dw] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf.mul(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, c.pad), dy).sum(),
    )([x, filter]);
    return [y, dx, dw];
  };
}

function product(c: MatMulCase, transposeA: boolean, transposeB: boolean, seed: number): () => tf.Tensor[] {
  return () => {
    const aShape = transposeA ? [c.k, c.m] : [c.m, c.k];
    const bShape = transposeB ? [c.n, c.k] : [c.k, c.n];
    const a = tf.tensor2d(uniform(aShape, seed), aShape as [number, number]);
    const b = tf.tensor2d(uniform(bShape, seed + 1), bShape as [number, number]);
    return [tf.matMul(a, b, transposeA, transposeB)];
  };
}

describe.each(['relaxed', 'simd'] as FmaBuild[])('our kernels, %s build', (build) => {
  beforeAll(async () => {
    await startWasm();
    const kernels = await loadFmaKernelsNode(build);
    expect(kernels?.build).toBe(build);
  });

  it.each(CONV_CASES)('Conv2D, its input and filter gradients: $name', async (c) => {
    const expected = await runOn('cpu', convAndGradients(c, 7));
    const before = fmaKernels()!.calls;
    const actual = await runOn('wasm', convAndGradients(c, 7));
    // forward, input gradient (from the forward conv of the grads call too) and filter gradient
    expect(fmaKernels()!.calls - before).toBeGreaterThanOrEqual(3);
    ['y', 'dx', 'dw'].forEach((label, i) => errors.push(expectClose(`${c.name} ${label}`, actual[i], expected[i])));
  });

  const pairings: [boolean, boolean][] = [
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ];
  for (const c of MATMUL_CASES) {
    it.each(pairings)(`BatchMatMul ${c.name} (${c.m}x${c.k}x${c.n}), transposeA %s, transposeB %s`, async (tA, tB) => {
      const expected = await runOn('cpu', product(c, tA, tB, 3));
      const before = fmaKernels()!.calls;
      const actual = await runOn('wasm', product(c, tA, tB, 3));
      expect(fmaKernels()!.calls - before).toBe(1);
      errors.push(expectClose(`${c.name} ${tA} ${tB}`, actual[0], expected[0]));
    });
  }
});

describe.each(['relaxed', 'simd'] as FmaBuild[])('our 2x2 MaxPoolGrad, %s build', (build) => {
  beforeAll(async () => {
    await startWasm();
    await loadFmaKernelsNode(build);
  });

  // ReLU zeros make ties, which must go to the first maximum in row-major window order.
  it.each([
    { name: 'pool1 c=16', shape: [2, 32, 32, 16] },
    { name: 'pool3 c=64, with ties', shape: [3, 8, 8, 256] },
  ])('matches the cpu backend: $name', async ({ shape }) => {
    const pool = () => {
      const x = tf.relu(tf.tensor4d(uniform(shape, 5), shape as Shape4));
      const dyShape: Shape4 = [shape[0], shape[1] / 2, shape[2] / 2, shape[3]];
      const dy = tf.tensor4d(uniform(dyShape, 6), dyShape);
      return [tf.grad((a: tf.Tensor) => tf.mul(tf.maxPool(a as tf.Tensor4D, 2, 2, 'valid'), dy).sum())(x)];
    };
    const expected = await runOn('cpu', pool);
    const before = fmaKernels()!.calls;
    const actual = await runOn('wasm', pool);
    expect(fmaKernels()!.calls - before).toBe(1);
    errors.push(expectClose(`MaxPoolGrad ${shape}`, actual[0], expected[0]));
  });
});

// Helper threads take ranges of images, rows or output channels; every output float sums in the
// same order as on one thread, so the oracle here is the one-thread result, bit for bit.
describe.each(['relaxed', 'simd'] as FmaBuild[])('our kernels on helper threads, %s build', (build) => {
  const BIG_CONV: ConvCase = { name: 'conv2 c=32, 8 images', x: [8, 16, 16, 32], filter: [3, 3, 32, 64], pad: 'same' };
  const BIG_RGB: ConvCase = { name: 'conv1 c=32, 16 images', x: [16, 32, 32, 3], filter: [3, 3, 3, 32], pad: 'same' };
  const work = () => [
    ...convAndGradients(BIG_CONV, 11)(),
    ...convAndGradients(BIG_RGB, 12)(),
    ...product({ name: 'fc1', m: 128, k: 2048, n: 72 }, false, false, 13)(),
    ...product({ name: 'fc1 weight gradient', m: 2048, k: 128, n: 72 }, true, false, 14)(),
    tf.grad((a: tf.Tensor) => tf.maxPool(a as tf.Tensor4D, 2, 2, 'valid').sum())(
      tf.relu(tf.tensor4d(uniform([32, 32, 32, 64], 15), [32, 32, 32, 64])),
    ),
  ];

  beforeAll(async () => {
    await startWasm();
  });

  it.each([2, 3])('gives bitwise the one-thread result on %i threads', async (threads) => {
    await loadFmaKernelsNode(build, 1);
    const alone = await runOn('wasm', work);
    const kernels = (await loadFmaKernelsNode(build, threads))!;
    expect(kernels.teamSize).toBe(threads);
    const deadline = performance.now() + 20_000;
    while (kernels.threads() < threads && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(kernels.threads()).toBe(threads);
    const together = await runOn('wasm', work);
    // two convolutions, each forward + two gradients, two products and a pooling gradient
    expect(kernels.shared).toBeGreaterThanOrEqual(7);
    together.forEach((t, i) =>
      expect(Buffer.from(t.buffer).equals(Buffer.from(alone[i].buffer)), `output ${i}`).toBe(true),
    );
    await loadFmaKernelsNode(build, 1);
  });
});
