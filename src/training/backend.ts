// Chooses the tfjs backend inside the worker that trains: webgpu, else webgl, else wasm, else cpu.
// A software GPU (SwiftShader) is skipped in automatic mode because wasm is ~50x faster there
// (../shared/notes/browser.md); every skipped backend is reported with the reason, for the UI.
import * as tf from '@tensorflow/tfjs';
import { registerWasmTrainingKernels } from './wasmKernels/register';
import { registerWebGpuTrainingKernels } from './webgpuKernels';

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export interface BackendReport {
  backend: BackendName;
  /** Faster backends that were not used, and why. */
  skipped: { backend: BackendName; reason: string }[];
  detail: string;
}

export interface BackendProbe {
  /** Returns null if usable, else the reason it is not (e.g. "no WebGPU adapter"). */
  check(name: BackendName, forced: boolean): Promise<string | null>;
  /** Loads the backend module if it is not bundled by default (webgpu, wasm). */
  load(name: BackendName): Promise<void>;
  describe?(name: BackendName): Promise<string>;
}

interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}
/** The part of navigator.gpu (the browser's, or Dawn's in Node) that the backend choice reads. */
export interface GpuLike {
  requestAdapter(options?: {
    powerPreference?: 'high-performance' | 'low-power';
  }): Promise<{ info?: AdapterInfoLike; isFallbackAdapter?: boolean } | null>;
}

/**
 * Asks for the adapter tfjs-backend-webgpu will use. In automatic mode a software adapter
 * (SwiftShader) is refused: wasm is much faster on the same CPU. Returns the refusal, if any,
 * and the adapter's description for the report.
 */
export async function checkWebGpuAdapter(
  gpu: GpuLike,
  forced: boolean,
  noAdapter: string,
): Promise<{ reason: string | null; description: string }> {
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) return { reason: noAdapter, description: '' };
  const info = adapter.info ?? {};
  const description = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ');
  const software =
    info.isFallbackAdapter || adapter.isFallbackAdapter || /swiftshader|llvmpipe|lavapipe/i.test(description);
  if (software && !forced)
    return {
      reason: `only a software WebGPU adapter (${description || 'fallback'}); wasm is much faster on this CPU`,
      description,
    };
  return { reason: null, description };
}

/**
 * Tries the backends in order. `forced` names one backend and allows a software GPU.
 * Throws if a forced backend cannot start, so a test that asks for webgpu never silently runs on wasm.
 */
export async function initBackend(probe: BackendProbe, forced?: BackendName): Promise<BackendReport> {
  const skipped: BackendReport['skipped'] = [];
  const order = forced ? [forced] : BACKEND_ORDER;
  for (const name of order) {
    const reason = await probe.check(name, forced === name).catch((e: unknown) => `check failed: ${String(e)}`);
    if (reason) {
      skipped.push({ backend: name, reason });
      continue;
    }
    try {
      if (name === 'wasm') registerWasmTrainingKernels();
      await probe.load(name);
      if (name === 'webgpu') registerWebGpuTrainingKernels();
      if (await tf.setBackend(name)) {
        await tf.ready();
        const detail = probe.describe ? await probe.describe(name) : name;
        return { backend: name, skipped, detail };
      }
      skipped.push({ backend: name, reason: 'tf.setBackend returned false' });
    } catch (e) {
      skipped.push({ backend: name, reason: `failed to start: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  const why = skipped.map((s) => `${s.backend}: ${s.reason}`).join('; ');
  throw new Error(forced ? `Backend ${forced} is not available here (${why})` : `No tfjs backend could start (${why})`);
}
