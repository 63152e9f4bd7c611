// Counts the GPU work tfjs-backend-webgpu (4.22) issues, by wrapping its backend's methods:
// dispatches (one per recordAndSubmit), uploads (uploadToGPU of values held on the CPU), readbacks
// (getBufferData's mapAsync round trip; readSync) and queue submits. Dispatch overhead is what
// makes small CNNs slow on WebGPU (tfjs issue #8156), so these are the numbers kernel work lowers.
import * as tf from '@tensorflow/tfjs';

export interface GpuWork {
  dispatches: number;
  uploads: number;
  uploadBytes: number;
  readbacks: number;
  submits: number;
  /** Dispatches per WebGPU program (shader) class, e.g. Conv2DMMProgram, TransposeProgram. */
  byProgram: Record<string, number>;
}

interface TensorRecord {
  values: unknown;
  resource: unknown;
  dtype: string;
  shape: number[];
}
interface WebGpuBackendLike {
  tensorMap: { get(dataId: object): TensorRecord | undefined };
  recordAndSubmit(program: { constructor: { name: string }; shaderKey?: string }, ...rest: unknown[]): unknown;
  uploadToGPU(dataId: object): unknown;
  getBufferData(buffer: unknown): Promise<unknown>;
  readSync(dataId: object): unknown;
  submitQueue(): unknown;
}

export const emptyGpuWork = (): GpuWork => ({
  dispatches: 0,
  uploads: 0,
  uploadBytes: 0,
  readbacks: 0,
  submits: 0,
  byProgram: {},
});

/** b - a, field by field. */
export function gpuWorkBetween(a: GpuWork, b: GpuWork): GpuWork {
  const byProgram: Record<string, number> = {};
  for (const [k, v] of Object.entries(b.byProgram))
    if (v - (a.byProgram[k] ?? 0) > 0) byProgram[k] = v - (a.byProgram[k] ?? 0);
  return {
    dispatches: b.dispatches - a.dispatches,
    uploads: b.uploads - a.uploads,
    uploadBytes: b.uploadBytes - a.uploadBytes,
    readbacks: b.readbacks - a.readbacks,
    submits: b.submits - a.submits,
    byProgram,
  };
}

/** Per step, rounded to a tenth, programs sorted by count. */
export function gpuWorkPerStep(w: GpuWork, steps: number): GpuWork {
  const r = (v: number) => Math.round((10 * v) / steps) / 10;
  const byProgram = Object.fromEntries(
    Object.entries(w.byProgram)
      .sort((x, y) => y[1] - x[1])
      .map(([k, v]) => [k, r(v)]),
  );
  return {
    dispatches: r(w.dispatches),
    uploads: r(w.uploads),
    uploadBytes: Math.round(w.uploadBytes / steps),
    readbacks: r(w.readbacks),
    submits: r(w.submits),
    byProgram,
  };
}

/**
 * Starts counting on the current backend, which must be webgpu. `read()` returns the totals so
 * far; `stop()` puts the backend's own methods back. Wrapping costs a counter increment per call.
 */
export function countGpuWork(backend: unknown = tf.backend()): { read(): GpuWork; stop(): void } {
  const b = backend as WebGpuBackendLike;
  if (typeof b.recordAndSubmit !== 'function' || typeof b.uploadToGPU !== 'function') {
    throw new Error(`countGpuWork needs the webgpu backend, but the backend is ${tf.getBackend()}`);
  }
  const work = emptyGpuWork();
  const own = b as unknown as Record<string, unknown>;
  const names = ['recordAndSubmit', 'uploadToGPU', 'getBufferData', 'readSync', 'submitQueue'] as const;
  const saved = names.map((n) => [n, Object.prototype.hasOwnProperty.call(own, n) ? own[n] : undefined] as const);
  const original = Object.fromEntries(names.map((n) => [n, (b[n] as (...a: unknown[]) => unknown).bind(b)])) as Record<
    (typeof names)[number],
    (...a: unknown[]) => unknown
  >;

  b.recordAndSubmit = (program, ...rest) => {
    work.dispatches++;
    const name = program.constructor.name;
    work.byProgram[name] = (work.byProgram[name] ?? 0) + 1;
    return original.recordAndSubmit(program, ...rest);
  };
  b.uploadToGPU = (dataId) => {
    const t = b.tensorMap.get(dataId);
    if (t && t.resource == null && t.values != null) {
      work.uploads++;
      work.uploadBytes += 4 * t.shape.reduce((n, d) => n * d, 1);
    }
    return original.uploadToGPU(dataId);
  };
  b.getBufferData = (buffer) => {
    work.readbacks++;
    return original.getBufferData(buffer) as Promise<unknown>;
  };
  b.readSync = (dataId) => {
    const t = b.tensorMap.get(dataId);
    if (t && t.values == null) work.readbacks++;
    return original.readSync(dataId);
  };
  b.submitQueue = () => {
    work.submits++;
    return original.submitQueue();
  };

  return {
    read: () => ({ ...work, byProgram: { ...work.byProgram } }),
    stop() {
      for (const [n, prev] of saved) {
        if (prev === undefined) delete own[n];
        else own[n] = prev;
      }
    },
  };
}
