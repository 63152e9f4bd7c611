// Adds the kernels the tfjs 4.22 wasm backend needs to train a CNN: Conv2DBackpropFilter, which it
// lacks, and a faster Conv2DBackpropInput. Call before tf.setBackend('wasm'); calling again is a no-op.
import * as tf from '@tensorflow/tfjs';
// Registers the stock wasm kernels now, so they are there to wrap and cannot later overwrite ours.
import '@tensorflow/tfjs-backend-wasm';
import { conv2dBackpropFilterWasmConfig } from './conv2dBackpropFilter';
import { makeConv2dBackpropInputWasmConfig } from './conv2dBackpropInput';

// The wrappers this module registered, so a second call does not wrap a wrapper.
const ours = new WeakSet<tf.KernelFunc>();

export function registerWasmTrainingKernels(): void {
  // Only if missing: a later tfjs that ships its own kernel keeps it.
  if (tf.getKernel('Conv2DBackpropFilter', 'wasm') == null) {
    tf.registerKernel(conv2dBackpropFilterWasmConfig);
  }
  const stockInput = tf.getKernel('Conv2DBackpropInput', 'wasm');
  if (stockInput != null && !ours.has(stockInput.kernelFunc)) {
    const config = makeConv2dBackpropInputWasmConfig(stockInput);
    tf.unregisterKernel('Conv2DBackpropInput', 'wasm');
    tf.registerKernel(config);
    ours.add(config.kernelFunc);
  }
}
