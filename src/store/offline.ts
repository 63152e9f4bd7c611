// Offline once visited: registers the service worker (public/sw.js), then starts one trainer worker
// (and the meta-model worker) so that their code and the tfjs wasm binaries pass through it and are
// cached too — a classroom can then open the lab and train with no network.
import { browserWorkerFactory } from '../orchestrator/browserWorkers';
import { warmMetaModelWorker } from '../orchestrator/metaModelWorker';

export async function enableOffline(baseUrl: string): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  await navigator.serviceWorker.register(`${baseUrl}sw.js`);
  await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  // The page and its files loaded before the service worker took over: fetch them again through it.
  const loaded = performance.getEntriesByType('resource').map((e) => e.name).filter((u) => u.startsWith(location.origin) && !u.includes('/data/'));
  await Promise.all([location.href, ...loaded].map((u) => fetch(u).catch(() => undefined)));
  const worker = browserWorkerFactory();
  try {
    await worker.api.init({ dataset: { images: new Uint8Array(3072), labels: new Uint8Array(1), numClasses: 10 } });
  } finally {
    worker.terminate();
  }
  // The meta-model's worker too, so promotions and recommendations work offline.
  await warmMetaModelWorker().catch(() => undefined);
}
