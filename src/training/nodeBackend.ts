// Backend probe for Node (CLI, unit tests, node worker_threads): webgpu through Dawn where a GPU
// is found (or where it is forced: then SwiftShader will do), else wasm with SIMD from the
// installed package, else cpu. tfjs-node cannot be installed here (it downloads libtensorflow).
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { describeFmaBuild } from './fmaKernels/fmaModule';
import { loadFmaKernelsNode } from './fmaKernels/nodeLoad';
import type { KernelShare } from './fmaKernels/kernelShare';
import { checkWebGpuAdapter, initBackend, type BackendName, type BackendProbe, type BackendReport } from './backend';
import {
  giveVulkanRuntimeDir,
  hasGpuDeviceNode,
  installDawnGpu,
  noAdapterMessage,
  useSoftwareVulkanWithoutGpu,
} from './nodeWebGpu';

let adapterDescription = '';

async function checkWebGpu(forced: boolean): Promise<string | null> {
  // Spares every wasm worker on a CPU-only Linux machine from loading Dawn (21 MB) just to refuse SwiftShader.
  if (!forced && process.platform === 'linux' && !hasGpuDeviceNode())
    return 'no GPU device in /dev (wasm is faster on this CPU)';
  if (isMainThread) {
    useSoftwareVulkanWithoutGpu();
    giveVulkanRuntimeDir();
  }
  let gpu;
  try {
    gpu = await installDawnGpu();
  } catch (e) {
    return `Dawn (the webgpu package) did not load: ${e instanceof Error ? e.message : String(e)}`;
  }
  const { reason, description } = await checkWebGpuAdapter(gpu, forced, noAdapterMessage());
  adapterDescription = description;
  return reason;
}

const makeNodeProbe = (kernelShare?: KernelShare): BackendProbe => ({
  async check(name, forced) {
    if (name === 'webgpu') return checkWebGpu(forced);
    if (name === 'webgl') return 'not available in Node';
    return null;
  },
  async load(name) {
    // tfjs-backend-webgpu registers itself on import, and only if navigator.gpu is there by then.
    if (name === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
    if (name !== 'wasm') return;
    const require = createRequire(import.meta.url);
    setWasmPaths(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + '/');
    // Threaded wasm gave no speed-up here; one worker per core is the parallelism.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    await loadFmaKernelsNode(undefined, undefined, kernelShare);
  },
  async describe(name) {
    if (name === 'wasm') return `wasm (${describeFmaBuild()})`;
    return name === 'webgpu' ? `webgpu (${adapterDescription || 'GPU'}, Dawn)` : name;
  },
});

/** `kernelShare`: the pool's cores, which our kernels' helper threads use while a trial runs alone. */
export function initNodeBackend(
  forced?: BackendName,
  options: { kernelShare?: KernelShare } = {},
): Promise<BackendReport> {
  return initBackend(makeNodeProbe(options.kernelShare), forced);
}
