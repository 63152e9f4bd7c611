// A full training run: `npm run train -- --config '<json>' --epochs N [--images 45000] [--json out.json]
//   [--checkpoint FILE] [--backend wasm|webgpu|cpu]` (webgpu through Dawn: the GPU, or SwiftShader
// where there is none). With --checkpoint the run saves its state after every epoch and, started
// again with the same flags, goes on from there with the result it would have had unbroken.
// Trains one configuration on the training split (the 50,000 images less the study's 5,000-image
// validation split) and reports validation and test accuracy after every epoch. The test set is
// used only for this report, never for a choice.
import { existsSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { nestedSubset, stratifiedSplit } from '../core/dataset/dataSplit';
import { deriveSeed } from '../core/rng';
import { DEFAULT_FIXED, describeConfig, type TrialConfig } from '../core/searchSpace/searchSpace';
import { initNodeBackend } from '../training/nodeBackend';
import { trainTrial } from '../training/trainTrial';
import type { TrainCheckpoint } from '../training/trainCheckpoint';
import { loadCifar10 } from './nodeDataset';
import { backendFlagOrExit, exitOnBackendFailure } from './backendFlag';
import { readCheckpointFile, writeCheckpointFile } from './checkpointFile';
import { trainProgressLine } from './trainProgress';

const { values } = parseArgs({
  options: {
    config: { type: 'string', default: '{}' },
    epochs: { type: 'string', default: '10' },
    images: { type: 'string' },
    seed: { type: 'string', default: '2026' },
    json: { type: 'string' },
    checkpoint: { type: 'string' },
    backend: { type: 'string', default: 'wasm' },
  },
});

// The seed project's configuration, with augmentation, unless --config says otherwise.
const SEED001: Partial<TrialConfig> = {
  channels: 32,
  dropout: 0.2,
  optimizer: 'adam',
  learningRate: 1e-3,
  weightDecay: 5e-4,
  batchSize: 128,
  augment: 1,
};
let overrides: Partial<TrialConfig>;
try {
  overrides = JSON.parse(values.config!) as Partial<TrialConfig>;
} catch (e) {
  console.error(`--config must be JSON, e.g. '{"learningRate": 0.001}': ${String(e)}`);
  process.exit(2);
}
const epochs = Number(values.epochs);
const seed = Number(values.seed);
if (!(Number.isInteger(epochs) && epochs >= 1)) {
  console.error(`Expected --epochs to be a positive integer, but got ${values.epochs}`);
  process.exit(2);
}
const config: TrialConfig = { ...DEFAULT_FIXED, ...SEED001, ...overrides, epochs };

// One trial on this machine: our kernels' helper threads take the other cores.
process.env.LLP_KERNEL_THREADS ??= String(Math.min(availableParallelism(), 16));
const report = await initNodeBackend(backendFlagOrExit(values.backend)).catch(exitOnBackendFailure);
const train = loadCifar10('train');
const test = loadCifar10('test');
const split = stratifiedSplit(train.labels, 10, 5000, deriveSeed(seed, 'validation'));
const images = values.images ? Number(values.images) : split.train.length;
const trainIndices = nestedSubset(
  split.train,
  train.labels,
  10,
  Math.min(1, images / split.train.length),
  deriveSeed(seed, 'subset'),
);
const testIndices = Int32Array.from({ length: test.count }, (_, i) => i);
console.log(
  `[train] ${describeConfig(config)}, batch ${config.batchSize}, ${epochs} epochs on ${trainIndices.length} images (validation ${split.validation.length}, test ${test.count}) on ${report.detail}`,
);

interface EpochReport {
  epoch: number;
  seconds: number;
  trainLoss: number;
  valAccuracy: number;
  valLoss: number;
  testAccuracy: number;
}
// What makes two runs the same run: a checkpoint resumes only the run that wrote it.
const run = { config, seed, images: trainIndices.length, backend: report.backend };
let curve: EpochReport[] = [];
let resume: TrainCheckpoint | undefined;
if (values.checkpoint && existsSync(values.checkpoint)) {
  try {
    const saved = readCheckpointFile<EpochReport>(values.checkpoint);
    if (JSON.stringify(saved.run) !== JSON.stringify(run))
      throw new Error(
        `${values.checkpoint} belongs to another run (${JSON.stringify(saved.run)}); this one is ${JSON.stringify(run)}. Use another --checkpoint file, or delete it to start afresh.`,
      );
    resume = saved.checkpoint;
    curve = saved.report;
  } catch (e) {
    console.error(`[train] ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  }
  for (const row of curve) printEpoch(row);
  console.log(`[train] resumed from ${values.checkpoint} after epoch ${resume.epoch} of ${epochs}`);
  if (resume.epoch >= epochs) process.exit(0);
}
const earlierSeconds = curve.length > 0 ? curve[curve.length - 1].seconds : 0;

function printEpoch(row: EpochReport): void {
  console.log(
    `[train] epoch ${row.epoch}: train loss ${row.trainLoss.toFixed(3)}, val acc ${(100 * row.valAccuracy).toFixed(2)}%, test acc ${(100 * row.testAccuracy).toFixed(2)}% (${row.seconds} s)`,
  );
}

const t0 = performance.now();
let lastLoss = NaN;
const result = await trainTrial(
  { images: train.images, labels: train.labels },
  {
    trialId: 0,
    seed: deriveSeed(seed, 'train'),
    config,
    numClasses: 10,
    trainIndices,
    evalIndices: split.validation,
    readEvery: 50,
    resume,
  },
  {
    onProgress: (p) => {
      lastLoss = p.points[p.points.length - 1].loss;
      console.log(
        trainProgressLine({
          ...p,
          stepsPerEpoch: p.stepsTotal / epochs,
          stepsAtStart: resume?.step ?? 0,
          elapsedMs: performance.now() - t0,
        }),
      );
    },
    async onEpochEnd(epoch, evaluateOn) {
      const val = await evaluateOn({ images: train.images, labels: train.labels }, split.validation);
      const tst = await evaluateOn({ images: test.images, labels: test.labels }, testIndices);
      const row = {
        epoch: epoch + 1,
        seconds: earlierSeconds + Math.round((performance.now() - t0) / 1000),
        trainLoss: lastLoss,
        valAccuracy: val.accuracy,
        valLoss: val.loss,
        testAccuracy: tst.accuracy,
      };
      curve.push(row);
      printEpoch(row);
      if (values.json)
        writeFileSync(
          values.json,
          JSON.stringify({ config, images: trainIndices.length, backend: report.backend, curve }, null, 2),
        );
    },
    ...(values.checkpoint
      ? {
          async onCheckpoint(checkpoint: TrainCheckpoint) {
            writeCheckpointFile(values.checkpoint!, { run, checkpoint, report: curve });
          },
        }
      : {}),
  },
);
console.log(
  `[train] ${result.status} in ${((performance.now() - t0) / 1000).toFixed(0)} s, ${result.imagesPerSecond.toFixed(0)} training images/s; final val acc ${(100 * (result.valAccuracy ?? NaN)).toFixed(2)}%`,
);
// Dawn (webgpu) keeps Node running while it is referenced.
process.exit(0);
