// Calls a kernel the wasm backend has registered, directly on backend data (no engine, no
// tape), so composite kernels can chain them and free what they made with disposeData.
import * as tf from '@tensorflow/tfjs';

/** The backend a wasm kernelFunc receives; only the KernelBackend surface is used here. */
export type WasmBackend = tf.KernelBackend;

export function callWasmKernel(
  kernelName: string,
  backend: WasmBackend,
  inputs: tf.NamedTensorInfoMap,
  attrs: Record<string, unknown>,
): tf.TensorInfo {
  const kernel = tf.getKernel(kernelName, 'wasm');
  if (kernel == null) {
    throw new Error(`Kernel '${kernelName}' is not registered for backend 'wasm'.`);
  }
  const out = kernel.kernelFunc({ inputs, backend, attrs: attrs as tf.NamedAttrMap });
  if (Array.isArray(out)) {
    throw new Error(`Kernel '${kernelName}' returned ${out.length} outputs; expected one.`);
  }
  return out;
}
