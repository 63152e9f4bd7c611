// Benchmark page: the lab's own Web Workers, driven by bench/browserBench.ts through
// window.llpBench. Loads one verified CIFAR-10 batch (4,096 images are plenty for timing).
import { parseCifar10Batch } from '../../src/core/dataset/cifarFormat';
import { browserWorkerFactory, shareImages } from '../../src/orchestrator/browserWorkers';
import type { BackendName, ThroughputRequest } from '../../workers/protocol';
import { poolThroughput, type BenchRow } from '../poolThroughput';

declare global {
  interface Window {
    llpBench: (
      backend: BackendName,
      req: ThroughputRequest,
      workers: number,
      wasmThreads?: boolean,
    ) => Promise<BenchRow>;
  }
}

const dataset = (async () => {
  const bytes = new Uint8Array(await (await fetch('/data/cifar10/data_batch_1.bin')).arrayBuffer());
  const set = parseCifar10Batch(bytes.subarray(0, 4096 * 3073));
  return { images: shareImages(set.images), labels: set.labels, numClasses: 10 };
})();

window.llpBench = async (backend, req, workers, wasmThreads = false) => {
  const row = await poolThroughput('chromium', browserWorkerFactory, await dataset, backend, req, workers, {
    wasmThreads,
  });
  return wasmThreads ? { ...row, backend: 'wasm-threads' } : row;
};
document.getElementById('status')!.textContent = 'ready';
