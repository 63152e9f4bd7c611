// Adds what the tfjs 4.22 wasm backend needs to train a CNN quickly: Conv2DBackpropFilter, which
// it lacks, wrappers that move Conv2DBackpropInput and transposed BatchMatMul onto XNNPACK, and a
// faster MaxPoolGrad and Sum over leading axes (bias gradients).
// Call before tf.setBackend('wasm') (wrappers keep the stock setupFunc); calling again is a no-op.
import * as tf from '@tensorflow/tfjs';
// Registers the stock wasm kernels now, so they are there to wrap and cannot later overwrite ours.
import '@tensorflow/tfjs-backend-wasm';
import { makeBatchMatMulWasmConfig } from './batchMatMul';
import { conv2dBackpropFilterWasmConfig } from './conv2dBackpropFilter';
import { makeConv2dBackpropInputWasmConfig } from './conv2dBackpropInput';
import { makeMaxPoolGradWasmConfig } from './maxPoolGrad';
import { makeSumWasmConfig } from './sumLeadingAxes';

// The wrappers this module registered, so a second call does not wrap a wrapper.
const ours = new WeakSet<tf.KernelFunc>();

function wrapStock(kernelName: string, wrap: (stock: tf.KernelConfig) => tf.KernelConfig): void {
  const stock = tf.getKernel(kernelName, 'wasm');
  if (stock == null || ours.has(stock.kernelFunc)) return;
  const config = wrap(stock);
  tf.unregisterKernel(kernelName, 'wasm');
  tf.registerKernel(config);
  ours.add(config.kernelFunc);
}

export function registerWasmTrainingKernels(): void {
  // Only if missing: a later tfjs that ships its own kernel keeps it.
  if (tf.getKernel('Conv2DBackpropFilter', 'wasm') == null) {
    tf.registerKernel(conv2dBackpropFilterWasmConfig);
  }
  wrapStock('Conv2DBackpropInput', makeConv2dBackpropInputWasmConfig);
  wrapStock('BatchMatMul', makeBatchMatMulWasmConfig);
  wrapStock('MaxPoolGrad', makeMaxPoolGradWasmConfig);
  wrapStock('Sum', makeSumWasmConfig);
}
