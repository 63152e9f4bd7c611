// trainTrial on the wasm backend in Node, on real CIFAR-10 images: tensors are all disposed,
// the same seed gives the same losses, and a small network overfits a few images.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { loadCifar10 } from '../cli/nodeDataset';
import { DEFAULT_FIXED, type TrialConfig } from '../core/searchSpace/searchSpace';
import type { LabelledImages } from './batches';
import { initNodeBackend } from './nodeBackend';
import { trainTrial, TrialCancelled, type TrainTrialInput } from './trainTrial';
import type { TrainCheckpoint } from './trainCheckpoint';

let data: LabelledImages;
const config: TrialConfig = {
  ...DEFAULT_FIXED,
  channels: 8,
  dropout: 0.1,
  batchSize: 16,
  epochs: 3,
  learningRate: 3e-3,
};
const input = (over: Partial<TrainTrialInput> = {}): TrainTrialInput => ({
  trialId: 1,
  seed: 42,
  config,
  numClasses: 10,
  readEvery: 2,
  trainIndices: Int32Array.from({ length: 64 }, (_, i) => i),
  evalIndices: Int32Array.from({ length: 32 }, (_, i) => 1000 + i),
  ...over,
});

beforeAll(async () => {
  await initNodeBackend('wasm');
  const train = loadCifar10('train');
  data = { images: train.images, labels: train.labels };
});

describe('trainTrial (wasm)', () => {
  it('returns every tensor it made: numTensors back to baseline after each trial', async () => {
    await trainTrial(data, input()); // warm-up: kernels may cache constants on first use
    const baseline = tf.memory().numTensors;
    const optimizers: Partial<TrialConfig>[] = [
      { optimizer: 'adam' },
      { optimizer: 'sgd', momentum: 0.9 },
      { optimizer: 'sgd', momentum: 0 },
    ];
    for (let i = 0; i < optimizers.length; i++) {
      await trainTrial(data, input({ trialId: 10 + i, seed: i, config: { ...config, ...optimizers[i] } }));
      expect(tf.memory().numTensors).toBe(baseline);
    }
  });

  it('trains every engine option (batch norm, augmentation, AdamW, Nesterov, cosine with warm-up, label smoothing) and disposes it all', async () => {
    const variants: Partial<TrialConfig>[] = [
      { batchNorm: 1, augment: 1, optimizer: 'adamw', weightDecay: 5e-2, lrSchedule: 'cosine', warmupEpochs: 1 },
      { optimizer: 'sgd', momentum: 0.9, nesterov: 1, lrSchedule: 'step', labelSmoothing: 0.1, augment: 1 },
    ];
    await trainTrial(data, input({ config: { ...config, ...variants[0] } })); // warm-up of new kernels
    const baseline = tf.memory().numTensors;
    for (const v of variants) {
      const r = await trainTrial(data, input({ config: { ...config, ...v } }));
      expect(r.status).toBe('completed');
      expect(r.lossCurve.every((p) => Number.isFinite(p.loss) && p.accuracy >= 0 && p.accuracy <= 1)).toBe(true);
      expect(tf.memory().numTensors).toBe(baseline);
    }
  });

  it('everyEpoch: a 3-epoch run measures the 1- and 2-epoch runs of the same seed (constant schedule), probes each epoch', async () => {
    const probes = {
      indices: Int32Array.from({ length: 16 }, (_, i) => 2000 + i),
      sharpnessDirections: 1,
      rho: 0.05,
      samRho: 0.05,
      hessian: true,
      seed: 7,
    };
    const report = Int32Array.from({ length: 24 }, (_, i) => 3000 + i);
    const long = await trainTrial(data, input({ everyEpoch: true, probes, reportIndices: report }));
    expect(long.epochs!.map((e) => e.epoch)).toEqual([1, 2, 3]);
    // Oracle: separate shorter runs with the same seed give the same validation at their last epoch.
    for (const epochs of [1, 2]) {
      const short = await trainTrial(data, input({ config: { ...config, epochs } }));
      expect(long.epochs![epochs - 1].valAccuracy).toBeCloseTo(short.valAccuracy!, 6);
      expect(long.epochs![epochs - 1].valLoss).toBeCloseTo(short.valLoss!, 4);
    }
    // The trial's own result is its last epoch's, and only the last epoch pays for the Hessian probes.
    expect(long.valAccuracy).toBe(long.epochs![2].valAccuracy);
    expect(long.epochs![0].probes!.topEigenvalue).toBeUndefined();
    expect(long.epochs![2].probes!.topEigenvalue).toBeGreaterThan(0);
    expect(long.probes).toEqual(long.epochs![2].probes);
    expect(long.report!.count).toBe(24);
  });

  it('continues from returned weights: a promoted trial resumes where it stopped', async () => {
    const bn = { ...config, batchNorm: 1 as const, epochs: 1 };
    const first = await trainTrial(data, input({ config: bn, returnWeights: true }));
    expect(first.weights).toHaveLength(16 + 6); // 16 trainable (with gamma/beta) + 6 running statistics
    const baseline = tf.memory().numTensors;
    const resumed = await trainTrial(data, input({ config: bn, initialWeights: first.weights }));
    expect(tf.memory().numTensors).toBe(baseline);
    const fresh = await trainTrial(data, input({ config: bn }));
    // Same seed and data order: the resumed run starts from trained weights, so its first loss is lower.
    expect(resumed.lossCurve[0].loss).toBeLessThan(fresh.lossCurve[0].loss);
  });

  it('200 consecutive short trials leave no tensors behind', async () => {
    const short = input({
      config: { ...config, channels: 4, batchSize: 8, epochs: 1 },
      trainIndices: Int32Array.from({ length: 8 }, (_, i) => i),
      evalIndices: Int32Array.from({ length: 8 }, (_, i) => 100 + i),
    });
    await trainTrial(data, short);
    const baseline = tf.memory();
    for (let i = 0; i < 200; i++) await trainTrial(data, { ...short, trialId: i, seed: i });
    const after = tf.memory();
    expect(after.numTensors).toBe(baseline.numTensors);
    expect(after.numBytes).toBe(baseline.numBytes);
  });

  it('is reproducible: the same seed gives the same loss curve to 1e-5', async () => {
    const a = await trainTrial(data, input());
    const b = await trainTrial(data, input());
    expect(a.lossCurve.length).toBe(b.lossCurve.length);
    a.lossCurve.forEach((p, i) => expect(Math.abs(p.loss - b.lossCurve[i].loss)).toBeLessThan(1e-5));
    expect(a.valAccuracy).toBe(b.valAccuracy);
  });

  it('learns: the loss on 32 repeated images falls', async () => {
    const r = await trainTrial(
      data,
      input({
        config: { ...config, dropout: 0, epochs: 8, batchSize: 16 },
        trainIndices: Int32Array.from({ length: 32 }, (_, i) => i),
      }),
    );
    expect(r.status).toBe('completed');
    const first = r.lossCurve.slice(0, 2).reduce((s, p) => s + p.loss, 0) / 2;
    const last = r.lossCurve.slice(-2).reduce((s, p) => s + p.loss, 0) / 2;
    expect(last).toBeLessThan(0.6 * first);
  });

  it('marks a trial with an exploding learning rate as diverged, not as a score', async () => {
    const r = await trainTrial(
      data,
      input({ config: { ...config, optimizer: 'sgd', momentum: 0.9, learningRate: 1e4 } }),
    );
    expect(r.status).toBe('diverged');
    expect(r.valAccuracy).toBeNull();
  });

  it('stops when cancelled and still disposes everything', async () => {
    const baseline = tf.memory().numTensors;
    let calls = 0;
    await expect(trainTrial(data, input(), { shouldStop: () => ++calls > 3 })).rejects.toBeInstanceOf(TrialCancelled);
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it.each([
    ['adam with augmentation', { optimizer: 'adam', augment: 1 }],
    ['sgd with momentum', { optimizer: 'sgd', momentum: 0.9, learningRate: 1e-2 }],
  ] as [string, Partial<TrialConfig>][])(
    'resumed from an epoch checkpoint (%s), ends bit for bit where the unbroken run ends',
    async (_, over) => {
      const c = { ...config, ...over };
      const baseline = tf.memory().numTensors;
      const checkpoints: TrainCheckpoint[] = [];
      const unbroken = await trainTrial(data, input({ config: c, returnWeights: true, everyEpoch: true }), {
        onCheckpoint: async (cp) => void checkpoints.push(cp),
      });
      expect(checkpoints.map((cp) => cp.epoch)).toEqual([1, 2, 3]);
      // Through a JSON round trip of the non-float parts, as a checkpoint file stores them.
      const saved = { ...checkpoints[0], augment: JSON.parse(JSON.stringify(checkpoints[0].augment)) };
      const resumed = await trainTrial(
        data,
        input({ config: c, returnWeights: true, everyEpoch: true, resume: saved }),
      );
      expect(resumed.valLoss).toBe(unbroken.valLoss);
      // Every epoch's record, the first from the checkpoint, the rest trained again identically.
      expect(resumed.epochs).toEqual(unbroken.epochs);
      expect(resumed.steps).toBe(unbroken.steps);
      expect(resumed.durationMs).toBeGreaterThan(checkpoints[0].durationMs);
      expect(resumed.weights!.length).toBe(unbroken.weights!.length);
      resumed.weights!.forEach((w, i) => expect(Array.from(w)).toEqual(Array.from(unbroken.weights![i])));
      expect(resumed.lossCurve[0].step).toBe(checkpoints[0].step + 1);
      // A resume from scratch's state differs: the comparison above can fail.
      const fresh = await trainTrial(data, input({ config: { ...c, epochs: 2 }, returnWeights: true }));
      expect(Array.from(fresh.weights![0])).not.toEqual(Array.from(unbroken.weights![0]));
      expect(tf.memory().numTensors).toBe(baseline);
    },
  );
});
