// Calls kernels the wasm backend has registered, directly on backend data (no engine, no tape),
// so composite kernels can chain them and free what they made with disposeData.
import * as tf from '@tensorflow/tfjs';

/** The backend a wasm kernelFunc receives; only the KernelBackend surface is used here. */
export type WasmBackend = tf.KernelBackend;

export type KernelArgs = {
  inputs: tf.NamedTensorInfoMap;
  backend: tf.KernelBackend;
  attrs?: tf.NamedAttrMap;
};

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

/**
 * Runs body with a `temp` that marks tensors to free when body ends, whether it returns or
 * throws; the returned tensor is kept even if marked.
 */
export function withTemporaries(
  backend: WasmBackend,
  body: (temp: (t: tf.TensorInfo) => tf.TensorInfo) => tf.TensorInfo,
): tf.TensorInfo {
  const made: tf.TensorInfo[] = [];
  let result: tf.TensorInfo | undefined;
  try {
    result = body((t) => {
      made.push(t);
      return t;
    });
    return result;
  } finally {
    for (const t of made) if (t !== result) backend.disposeData(t.dataId);
  }
}

/** The same data seen with another shape: no copy, nothing extra to free. */
export function view(t: tf.TensorInfo, shape: number[]): tf.TensorInfo {
  return { dataId: t.dataId, shape, dtype: t.dtype };
}
