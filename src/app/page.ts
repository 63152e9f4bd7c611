// The page's one lab root (./labRoot) over the browser: module Web Workers, the CIFAR-10 shards
// fetched and verified, and one SharedArrayBuffer where the page is cross-origin isolated.
// The UI's buttons call these actions.
import { browserPoolSize, browserWorkerFactory, dataSharing } from '../orchestrator/browserWorkers';
import { browserDataset } from '../orchestrator/loadBrowserDataset';
import { createLabRoot } from './labRoot';

const images = browserDataset();

export const lab = createLabRoot({
  workerFactory: browserWorkerFactory,
  poolSize: browserPoolSize,
  loadImages: (onProgress, chunks) => images.load(chunks, onProgress),
  sharing: dataSharing,
});

export const {
  loadDataset,
  currentPool,
  ensurePool,
  startStudy,
  resumeSavedStudy,
  openSavedStudy,
  stopStudy,
  checkBackends,
} = lab;
