// Backend probe for a browser worker. In automatic mode a software GPU (SwiftShader) is skipped:
// wasm trains ~50x faster there. webgpu is imported here, inside the worker module, as tfjs asks.
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { loadFmaKernelsBrowser } from './fmaKernels/browserLoad';
import { describeFmaBuild } from './fmaKernels/fmaModule';
import type { KernelShare } from './fmaKernels/kernelShare';
import { initBackend, type BackendName, type BackendProbe, type BackendReport } from './backend';

interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}
interface GpuLike {
  requestAdapter(): Promise<{ info?: AdapterInfoLike; isFallbackAdapter?: boolean } | null>;
}

let adapterDescription = '';

async function checkWebGpu(forced: boolean): Promise<string | null> {
  const gpu = (navigator as unknown as { gpu?: GpuLike }).gpu;
  if (!gpu) return 'this browser exposes no WebGPU (navigator.gpu is missing)';
  const adapter = await gpu.requestAdapter();
  if (!adapter) return 'navigator.gpu.requestAdapter() returned no adapter';
  const info = adapter.info ?? {};
  adapterDescription = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ');
  const software = info.isFallbackAdapter || adapter.isFallbackAdapter || /swiftshader/i.test(adapterDescription);
  if (software && !forced)
    return `only a software WebGPU adapter (${adapterDescription || 'fallback'}); wasm is much faster on this CPU`;
  return null;
}

function checkWebGl(forced: boolean): string | null {
  if (typeof OffscreenCanvas === 'undefined') return 'no OffscreenCanvas in this worker';
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  if (!gl) return 'WebGL2 is not available';
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  if (/swiftshader|llvmpipe|software/i.test(renderer) && !forced)
    return `only a software WebGL renderer (${renderer}); wasm is much faster on this CPU`;
  return null;
}

const makeProbe = (wasmThreads: boolean, kernelShare?: KernelShare): BackendProbe => ({
  async check(name, forced) {
    if (name === 'webgpu') return checkWebGpu(forced);
    if (name === 'webgl') return checkWebGl(forced);
    if (name === 'wasm' && typeof WebAssembly === 'undefined') return 'WebAssembly is not available';
    return null;
  },
  async load(name) {
    if (name === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
    if (name === 'wasm') {
      setWasmPaths({
        'tfjs-backend-wasm.wasm': wasmPlain,
        'tfjs-backend-wasm-simd.wasm': wasmSimd,
        'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
      });
      // Threads gave no speed-up here (notes/browser.md); the pool runs one worker per core instead.
      if (!wasmThreads) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      await loadFmaKernelsBrowser('auto', kernelShare);
    }
  },
  async describe(name) {
    if (name === 'webgpu') return `webgpu (${adapterDescription || 'GPU'})`;
    if (name === 'wasm') {
      const threads = getThreadsCount();
      return `wasm (SIMD ${tf.env().getBool('WASM_HAS_SIMD_SUPPORT') ? 'on' : 'off'}, ${threads} thread${threads === 1 ? '' : 's'}, ${describeFmaBuild()})`;
    }
    return name;
  },
});

export function initBrowserBackend(
  forced?: BackendName,
  options: { wasmThreads?: boolean; kernelShare?: KernelShare } = {},
): Promise<BackendReport> {
  return initBackend(makeProbe(options.wasmThreads ?? false, options.kernelShare), forced);
}
