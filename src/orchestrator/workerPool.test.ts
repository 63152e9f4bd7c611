// The worker pool with real Node worker_threads training real (tiny) trials: a worker that dies
// mid-trial is reported with a code and replaced, and the next trial runs on the fresh worker.
import { describe, expect, it } from 'vitest';
import { loadCifar10 } from '../cli/nodeDataset';
import { nodeWorkerFactory } from '../cli/nodeWorkers';
import { DEFAULT_FIXED } from '../core/searchSpace/searchSpace';
import type { TrainCheckpoint, TrainTrialInput } from '../../workers/protocol';
import { createPool, type WorkerHandle } from './workerPool';

describe('worker pool', () => {
  it('reports a crashed worker as WORKER_CRASHED, replaces it, and trains the next trial', async () => {
    const train = loadCifar10('train');
    const n = 256;
    const dataset = { images: train.images.slice(0, n * 3072), labels: train.labels.slice(0, n), numClasses: 10 };
    const handles: WorkerHandle[] = [];
    const factory = () => {
      const h = nodeWorkerFactory();
      handles.push(h);
      return h;
    };
    const pool = await createPool(factory, 1, { dataset, forcedBackend: 'wasm' });
    const input = (trialId: number, epochs: number): TrainTrialInput => ({
      trialId,
      seed: trialId,
      numClasses: 10,
      readEvery: 1,
      config: { ...DEFAULT_FIXED, channels: 8, batchSize: 16, epochs },
      trainIndices: Int32Array.from({ length: 128 }, (_, i) => i),
      evalIndices: Int32Array.from({ length: 64 }, (_, i) => 128 + i),
    });
    try {
      let progressed!: () => void;
      const started = new Promise<void>((r) => {
        progressed = r;
      });
      const doomed = pool.run(input(1, 50), () => progressed());
      await started; // the trial is training when its worker dies
      handles[0].terminate();
      const outcome = await doomed;
      expect(outcome).toMatchObject({ ok: false, error: { code: 'WORKER_CRASHED' } });
      expect(handles).toHaveLength(2); // replaced

      const next = await pool.run(input(2, 1), () => {});
      expect(next.ok).toBe(true);
      if (next.ok) expect(next.value).toMatchObject({ status: 'completed', backend: 'wasm' });
    } finally {
      pool.dispose();
    }
  });

  it('passes epoch checkpoints back from a real worker; a trial resumed from one ends as the unbroken trial', async () => {
    const train = loadCifar10('train');
    const n = 256;
    const dataset = { images: train.images.slice(0, n * 3072), labels: train.labels.slice(0, n), numClasses: 10 };
    const pool = await createPool(nodeWorkerFactory, 1, { dataset, forcedBackend: 'wasm' });
    const input: TrainTrialInput = {
      trialId: 3,
      seed: 3,
      numClasses: 10,
      readEvery: 4,
      everyEpoch: true,
      config: { ...DEFAULT_FIXED, channels: 8, batchSize: 16, epochs: 2, augment: 1 },
      trainIndices: Int32Array.from({ length: 128 }, (_, i) => i),
      evalIndices: Int32Array.from({ length: 64 }, (_, i) => 128 + i),
    };
    try {
      const checkpoints: TrainCheckpoint[] = [];
      const unbroken = await pool.run(
        input,
        () => {},
        async (cp) => void checkpoints.push(cp),
      );
      expect(checkpoints.map((cp) => cp.epoch)).toEqual([1, 2]);
      expect(checkpoints[0].weights[0]).toBeInstanceOf(Float32Array);
      const resumed = await pool.run({ ...input, trialId: 4, resume: checkpoints[0] }, () => {});
      expect(unbroken.ok && resumed.ok).toBe(true);
      if (unbroken.ok && resumed.ok) {
        expect(resumed.value.valLoss).toBe(unbroken.value.valLoss);
        expect(resumed.value.epochs).toEqual(unbroken.value.epochs);
      }
    } finally {
      pool.dispose();
    }
  });
});
