// Node worker_threads entry: the same trainer as the browser's, on wasm (or cpu).
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { initNodeBackend } from '../src/training/nodeBackend';
import { createTrainerApi } from './trainerApi';

if (!parentPort) throw new Error('trainer.node.ts must run in a worker thread');
Comlink.expose(
  createTrainerApi((forced, options) => initNodeBackend(forced, { kernelShare: options?.kernelShare })),
  nodeEndpoint(parentPort),
);
