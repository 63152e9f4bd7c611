// Worker factory for Node: worker_threads running the same trainer as the browser's Web Workers.
import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { TrainerApi } from '../../workers/protocol';
import type { WorkerFactory } from '../orchestrator/workerPool';

const entry = new URL('../../workers/trainer.node.boot.mjs', import.meta.url);

export const nodeWorkerFactory: WorkerFactory = () => {
  const worker = new Worker(entry);
  const crashed = new Promise<string>((resolve) => {
    worker.on('error', (e) => resolve(`worker error: ${e.message}`));
    worker.on('exit', (code) => resolve(`worker exited with code ${code}`));
  });
  return {
    api: Comlink.wrap<TrainerApi>(nodeEndpoint(worker)),
    crashed,
    terminate: () => void worker.terminate(),
  };
};
