// Adds what the tfjs 4.22 wasm backend needs to train a CNN quickly: Conv2DBackpropFilter, which
// it lacks, wrappers that move Conv2DBackpropInput and transposed BatchMatMul onto XNNPACK, and a
// faster MaxPoolGrad and Sum over leading axes (bias gradients). Where our GEMM kernels are
// installed (fmaKernels/), convolutions and matrix products run on them first.
// Call before tf.setBackend('wasm') (wrappers keep the stock setupFunc); calling again is a no-op.
import * as tf from '@tensorflow/tfjs';
// Registers the stock wasm kernels now, so they are there to wrap and cannot later overwrite ours.
import '@tensorflow/tfjs-backend-wasm';
import { batchMatMulByPlainProduct } from './batchMatMul';
import type { KernelArgs } from './callWasmKernel';
import { conv2dBackpropFilterWasm } from './conv2dBackpropFilter';
import { conv2dBackpropInputByIgemm, conv2dByIgemm } from '../fmaKernels/fmaConv2d';
import { conv2dBackpropFilterByGemm } from '../fmaKernels/fmaFilterGrad';
import { batchMatMulByGemm } from '../fmaKernels/fmaMatMul';
import { maxPoolGrad2x2 } from '../fmaKernels/fmaMaxPoolGrad';
import { conv2dBackpropInputByForwardConv } from './conv2dBackpropInput';
import { maxPoolGradByScatter } from './maxPoolGrad';
import { sumLeadingAxes } from './sumLeadingAxes';

// The wrappers this module registered, so a second call does not wrap a wrapper.
const ours = new WeakSet<tf.KernelFunc>();

/** A faster path for some calls of a kernel; null where it does not apply. */
type FastPath = (args: KernelArgs, stock: tf.KernelFunc) => tf.TensorInfo | null;

/** The first fast path that applies. */
const firstOf =
  (...paths: FastPath[]): FastPath =>
  (args, stock) => {
    for (const path of paths) {
      const out = path(args, stock);
      if (out != null) return out;
    }
    return null;
  };

/** Replaces the stock wasm kernel with one that tries `fast` first and falls back to the stock one. */
function wrapStock(kernelName: string, fast: FastPath): void {
  const stock = tf.getKernel(kernelName, 'wasm');
  if (stock == null || ours.has(stock.kernelFunc)) return;
  const kernelFunc = ((args: KernelArgs) => fast(args, stock.kernelFunc) ?? stock.kernelFunc(args)) as tf.KernelFunc;
  tf.unregisterKernel(kernelName, 'wasm');
  // The stock setupFunc binds the wasm function the fallback calls, so it stays.
  tf.registerKernel({ ...stock, kernelFunc });
  ours.add(kernelFunc);
}

export function registerWasmTrainingKernels(): void {
  // Only if missing: a later tfjs that ships its own kernel keeps it.
  if (tf.getKernel('Conv2DBackpropFilter', 'wasm') == null) {
    tf.registerKernel({
      kernelName: 'Conv2DBackpropFilter',
      backendName: 'wasm',
      kernelFunc: ((args: KernelArgs) =>
        conv2dBackpropFilterByGemm(args) ?? conv2dBackpropFilterWasm(args)) as tf.KernelFunc,
    });
  }
  wrapStock('Conv2D', conv2dByIgemm);
  wrapStock('Conv2DBackpropInput', firstOf(conv2dBackpropInputByIgemm, conv2dBackpropInputByForwardConv));
  wrapStock('BatchMatMul', firstOf(batchMatMulByGemm, batchMatMulByPlainProduct));
  wrapStock('MaxPoolGrad', firstOf(maxPoolGrad2x2, maxPoolGradByScatter));
  wrapStock('Sum', sumLeadingAxes);
}
