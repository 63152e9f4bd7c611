// What the tfjs 4.22 webgpu backend needs to train SimpleCNN correctly and with fewer dispatches:
// the fused Adam update of webgpuAdam.ts, and an AddN that works. tfjs's AddN binds every input
// as a storage buffer, so more than maxStorageBuffersPerShaderStage - 1 inputs (7 at WebGPU's
// default of 8, which tfjs does not raise) make an invalid pipeline, and WebGPU then drops the whole
// command buffer it was recorded in: the L2 penalty over SimpleCNN's 10 weights did that. Here AddN
// adds at most that many at a time, as tfjs's own webgpu Concat does.
// Call after the webgpu backend's module has loaded (its kernels are then registered) and before
// tf.setBackend('webgpu'); calling again is a no-op.
import * as tf from '@tensorflow/tfjs';
import { ADAM_UPDATE, adamUpdateWebGpuConfig } from './webgpuAdam';

interface WebGpuBackendLike {
  device: { limits: { maxStorageBuffersPerShaderStage: number } };
  disposeData(dataId: object): void;
}

const ours = new WeakSet<tf.KernelFunc>();

export function makeChunkedAddN(stock: tf.KernelConfig): tf.KernelConfig {
  const kernelFunc: tf.KernelFunc = ({ inputs, backend, attrs }) => {
    const b = backend as unknown as WebGpuBackendLike;
    const most = Math.max(2, b.device.limits.maxStorageBuffersPerShaderStage - 1);
    let terms = inputs as unknown as tf.TensorInfo[];
    const partial: tf.TensorInfo[] = [];
    while (terms.length > most) {
      const next: tf.TensorInfo[] = [];
      for (let i = 0; i < terms.length; i += most) {
        const group = terms.slice(i, i + most);
        if (group.length === 1) {
          next.push(group[0]);
          continue;
        }
        const sum = stock.kernelFunc({
          inputs: group as unknown as tf.NamedTensorInfoMap,
          backend,
          attrs,
        }) as tf.TensorInfo;
        partial.push(sum);
        next.push(sum);
      }
      terms = next;
    }
    const out = stock.kernelFunc({ inputs: terms as unknown as tf.NamedTensorInfoMap, backend, attrs });
    partial.forEach((t) => b.disposeData(t.dataId));
    return out;
  };
  return { ...stock, kernelFunc };
}

export function registerWebGpuTrainingKernels(): void {
  // The fused Adam update (webgpuAdam.ts), which WebGpuAdamOptimizer runs.
  if (tf.getKernel(ADAM_UPDATE, 'webgpu') == null) tf.registerKernel(adamUpdateWebGpuConfig);
  const stock = tf.getKernel('AddN', 'webgpu');
  if (stock == null || ours.has(stock.kernelFunc)) return;
  const config = makeChunkedAddN(stock);
  tf.unregisterKernel('AddN', 'webgpu');
  tf.registerKernel(config);
  ours.add(config.kernelFunc);
}
