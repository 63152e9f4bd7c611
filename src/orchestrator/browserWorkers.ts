// Worker factory for the page: module Web Workers built by Vite from workers/trainer.worker.ts.
import * as Comlink from 'comlink';
import type { TrainerApi } from '../../workers/protocol';
import type { WorkerFactory } from './workerPool';
import { shareImages as shareImagesAs } from './sharedImages';

export const browserWorkerFactory: WorkerFactory = () => {
  const worker = new Worker(new URL('../../workers/trainer.worker.ts', import.meta.url), {
    type: 'module',
    name: 'trainer',
  });
  const crashed = new Promise<string>((resolve) => {
    worker.addEventListener('error', (e) => resolve(`worker error: ${e.message || 'failed to load or crashed'}`));
  });
  return { api: Comlink.wrap<TrainerApi>(worker), crashed, terminate: () => worker.terminate() };
};

/** One wasm worker per core (threaded wasm gave no speed-up); one worker for a forced GPU backend. */
export function browserPoolSize(forced: string | null): number {
  if (forced === 'webgpu' || forced === 'webgl') return 1;
  return Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
}

/** 'shared': one SharedArrayBuffer that every worker reads (the page is cross-origin isolated);
 *  'copies': each worker gets its own copy at init (a host without COOP/COEP headers). */
export type DataSharing = 'shared' | 'copies';
export const dataSharing = (): DataSharing =>
  globalThis.crossOriginIsolated && typeof SharedArrayBuffer !== 'undefined' ? 'shared' : 'copies';

/** Copies the images into a SharedArrayBuffer once when the page is cross-origin isolated, so
 *  every worker reads the same memory; otherwise each worker gets its own copy at init. */
export function shareImages(images: Uint8Array): Uint8Array {
  return shareImagesAs(images, dataSharing());
}
