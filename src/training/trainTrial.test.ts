// trainTrial on the wasm backend in Node, on real CIFAR-10 images: tensors are all disposed,
// the same seed gives the same losses, and a small network overfits a few images.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { loadCifar10 } from '../cli/nodeDataset';
import { DEFAULT_FIXED, type TrialConfig } from '../core/searchSpace';
import type { ImagePool } from './batches';
import { initNodeBackend } from './nodeBackend';
import { trainTrial, TrialCancelled, type TrainTrialInput } from './trainTrial';

let pool: ImagePool;
const config: TrialConfig = { ...DEFAULT_FIXED, channels: 8, dropout: 0.1, batchSize: 16, epochs: 3, learningRate: 3e-3 };
const input = (over: Partial<TrainTrialInput> = {}): TrainTrialInput => ({
  trialId: 1, seed: 42, config, numClasses: 10, readEvery: 2,
  trainIndices: Int32Array.from({ length: 64 }, (_, i) => i), evalIndices: Int32Array.from({ length: 32 }, (_, i) => 1000 + i), ...over,
});

beforeAll(async () => {
  await initNodeBackend('wasm');
  const train = loadCifar10('train');
  pool = { images: train.images, labels: train.labels };
});

describe('trainTrial (wasm)', () => {
  it('returns every tensor it made: numTensors back to baseline after each trial', async () => {
    await trainTrial(pool, input()); // warm-up: kernels may cache constants on first use
    const baseline = tf.memory().numTensors;
    const optimizers: Partial<TrialConfig>[] = [{ optimizer: 'adam' }, { optimizer: 'sgd', momentum: 0.9 }, { optimizer: 'sgd', momentum: 0 }];
    for (let i = 0; i < optimizers.length; i++) {
      await trainTrial(pool, input({ trialId: 10 + i, seed: i, config: { ...config, ...optimizers[i] } }));
      expect(tf.memory().numTensors).toBe(baseline);
    }
  });

  it('is reproducible: the same seed gives the same loss curve to 1e-5', async () => {
    const a = await trainTrial(pool, input());
    const b = await trainTrial(pool, input());
    expect(a.lossCurve.length).toBe(b.lossCurve.length);
    a.lossCurve.forEach((p, i) => expect(Math.abs(p.loss - b.lossCurve[i].loss)).toBeLessThan(1e-5));
    expect(a.valAccuracy).toBe(b.valAccuracy);
  });

  it('learns: the loss on 32 repeated images falls', async () => {
    const r = await trainTrial(pool, input({ config: { ...config, dropout: 0, epochs: 8, batchSize: 16 }, trainIndices: Int32Array.from({ length: 32 }, (_, i) => i) }));
    expect(r.status).toBe('completed');
    const first = r.lossCurve.slice(0, 2).reduce((s, p) => s + p.loss, 0) / 2;
    const last = r.lossCurve.slice(-2).reduce((s, p) => s + p.loss, 0) / 2;
    expect(last).toBeLessThan(0.6 * first);
  });

  it('marks a trial with an exploding learning rate as diverged, not as a score', async () => {
    const r = await trainTrial(pool, input({ config: { ...config, optimizer: 'sgd', momentum: 0.9, learningRate: 1e4 } }));
    expect(r.status).toBe('diverged');
    expect(r.valAccuracy).toBeNull();
  });

  it('stops when cancelled and still disposes everything', async () => {
    const baseline = tf.memory().numTensors;
    let calls = 0;
    await expect(trainTrial(pool, input(), { shouldStop: () => ++calls > 3 })).rejects.toBeInstanceOf(TrialCancelled);
    expect(tf.memory().numTensors).toBe(baseline);
  });
});
