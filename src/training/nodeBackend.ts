// Backend probe for Node (CLI, unit tests, node worker_threads): wasm with SIMD from the installed
// package, else cpu. tfjs-node cannot be installed here (it downloads libtensorflow).
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { initBackend, type BackendName, type BackendProbe, type BackendReport } from './backend';

const nodeProbe: BackendProbe = {
  async check(name) {
    if (name === 'webgpu' || name === 'webgl') return 'not available in Node';
    return null;
  },
  async load(name) {
    if (name !== 'wasm') return;
    const require = createRequire(import.meta.url);
    setWasmPaths(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + '/');
    // Threaded wasm gave no speed-up here; one worker per core is the parallelism.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  },
};

export function initNodeBackend(forced?: BackendName): Promise<BackendReport> {
  return initBackend(nodeProbe, forced);
}
