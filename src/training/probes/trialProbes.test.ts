// Probes inside a trial (wasm, real CIFAR-10): a small trial with probes returns finite values and
// leaves tf.memory() at its baseline; the slice of its returned weights is centred on its probe loss.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { loadCifar10 } from '../../cli/nodeDataset';
import { DEFAULT_FIXED, type TrialConfig } from '../../core/searchSpace/searchSpace';
import type { LabelledImages } from '../batches';
import { initNodeBackend } from '../nodeBackend';
import { trainTrial, type TrainTrialInput } from '../trainTrial';
import { trialSpec } from '../simpleCnnSpec';
import { ProbeCancelled } from './landscapeSlice';
import type { TrialProbeRequest } from './trialProbes';
import { computeSlice, interpolateWeights } from './weightSetLandscape';

let data: LabelledImages;
const config: TrialConfig = {
  ...DEFAULT_FIXED,
  channels: 4,
  dropout: 0,
  batchSize: 16,
  epochs: 1,
  learningRate: 3e-3,
  optimizer: 'adam',
};
const probes: TrialProbeRequest = {
  indices: Int32Array.from({ length: 16 }, (_, i) => 2000 + i),
  sharpnessDirections: 2,
  rho: 0.05,
  samRho: 0.05,
  hessian: false,
  seed: 11,
};
const input = (over: Partial<TrainTrialInput> = {}): TrainTrialInput => ({
  trialId: 1,
  seed: 42,
  config,
  numClasses: 10,
  readEvery: 2,
  probes,
  trainIndices: Int32Array.from({ length: 32 }, (_, i) => i),
  evalIndices: Int32Array.from({ length: 16 }, (_, i) => 1000 + i),
  ...over,
});

beforeAll(async () => {
  await initNodeBackend('wasm');
  const train = loadCifar10('train');
  data = { images: train.images, labels: train.labels };
});

describe('trial probes (wasm, CIFAR-10)', () => {
  it.each([false, true])(
    'returns finite probe values and the init gradient norm, numTensors back to baseline (hessian %s)',
    async (hessian) => {
      const withHessian = input({ probes: { ...probes, hessian } });
      await trainTrial(data, withHessian); // warm-up: kernels may cache constants on first use
      const baseline = tf.memory().numTensors;
      const r = await trainTrial(data, withHessian);
      expect(tf.memory().numTensors).toBe(baseline);
      const p = r.probes!;
      for (const v of [
        p.loss,
        p.accuracy,
        p.sharpnessMean,
        p.sharpnessMax,
        p.samSharpness,
        p.gradientNorm,
        r.initGradientNorm,
      ])
        expect(Number.isFinite(v)).toBe(true);
      expect(p.images).toBe(16);
      expect(p.gradientNorm).toBeGreaterThan(0);
      expect(p.sharpnessMax).toBeGreaterThanOrEqual(p.sharpnessMean);
      expect(Number.isFinite(p.topEigenvalue)).toBe(hessian);
      expect(Number.isFinite(p.hessianTrace)).toBe(hessian);
      expect(p.ms).toBeGreaterThan(0);
      expect(structuredClone(p)).toEqual(p);
    },
  );

  it('probes nothing unless asked, and the same directions for every trial (same seed, same values)', async () => {
    const plain = await trainTrial(data, input({ probes: undefined }));
    expect(plain.probes).toBeUndefined();
    expect(plain.initGradientNorm).toBeUndefined();
    const a = await trainTrial(data, input());
    const b = await trainTrial(data, input());
    expect(a.probes!.sharpnessMean).toBe(b.probes!.sharpnessMean);
  });

  it("a slice of the returned weights is centred on the trial's probe loss, and interpolation ends at it", async () => {
    const r = await trainTrial(data, input({ returnWeights: true }));
    const spec = trialSpec(config, 10);
    const baseline = tf.memory().numTensors;
    const rows: number[] = [];
    const slice = await computeSlice(
      data,
      {
        spec,
        weights: r.weights!,
        indices: probes.indices,
        resolution: 11,
        range: 0.5,
        seed: probes.seed,
        normalization: 'filter',
      },
      (row) => rows.push(row.rowIndex),
    );
    expect(rows).toEqual(Array.from({ length: 11 }, (_, i) => i));
    expect(slice.losses).toHaveLength(11);
    expect(slice.losses.flat().every(Number.isFinite)).toBe(true);
    expect(Math.abs(slice.losses[5][5] - r.probes!.loss)).toBeLessThan(1e-5);
    expect(slice.imagesPerSecond).toBeGreaterThan(0);
    const path = await interpolateWeights(data, {
      spec,
      from: r.weights!,
      to: r.weights!.map((w) => w.map((v) => v * 0.5)),
      alphas: [0, 1],
      indices: probes.indices,
    });
    expect(Math.abs(path.losses[0] - r.probes!.loss)).toBeLessThan(1e-5);
    expect(tf.memory().numTensors).toBe(baseline);
    let rowsBeforeStop = 0;
    await expect(
      computeSlice(
        data,
        {
          spec,
          weights: r.weights!,
          indices: probes.indices,
          resolution: 11,
          range: 1,
          seed: 1,
          normalization: 'filter',
        },
        () => rowsBeforeStop++,
        () => rowsBeforeStop >= 2,
      ),
    ).rejects.toBeInstanceOf(ProbeCancelled);
    expect(rowsBeforeStop).toBe(2);
    expect(tf.memory().numTensors).toBe(baseline);
    await expect(
      computeSlice(
        data,
        {
          spec,
          weights: r.weights!,
          indices: probes.indices,
          resolution: 10,
          range: 1,
          seed: 1,
          normalization: 'filter',
        },
        () => {},
      ),
    ).rejects.toThrow(/11\.\.51/);
  });
});
