// Trains table units on the Node worker pool with the lab's own trainTrial, on real CIFAR-10.
// The workers hold the 50,000 training images followed by the 10,000 test images; the test
// indices reach a trial only as its report-only `reportIndices`. A row in flight saves an epoch
// checkpoint in `checkpointDir` and a restarted build resumes it: the row comes out as it would have
// unbroken (trainTrial's resume), and the checkpoint is deleted once the row is in the table.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { nestedSubset, stratifiedSplit } from '../../src/core/dataset/dataSplit';
import type { TableHeader, TableRow } from '../../src/core/groundTruth/learningCurveTable';
import type { TableUnit } from '../../src/core/groundTruth/tablePlan';
import { deriveSeed } from '../../src/core/rng';
import { formatDuration } from '../../src/core/eta';
import { loadCifar10 } from '../../src/cli/nodeDataset';
import { nodeWorkerFactory } from '../../src/cli/nodeWorkers';
import { createPool } from '../../src/orchestrator/workerPool';
import type { TrainTrialInput, TrialResult } from '../../workers/protocol';
import { unitCost } from './unitCost';
import { readCheckpointFile, writeCheckpointFile } from '../../src/cli/checkpointFile';
import type { TrainCheckpoint } from '../../src/training/trainCheckpoint';

export interface TableTrainer {
  backend: string;
  trainAll(units: TableUnit[], onRow: (row: TableRow) => void): Promise<void>;
  dispose(): void;
}

export async function startTableTrainer(
  header: TableHeader,
  workers: number,
  checkpointDir: string,
): Promise<TableTrainer> {
  mkdirSync(checkpointDir, { recursive: true });
  const train = loadCifar10('train');
  const test = loadCifar10('test');
  const images = new Uint8Array(new SharedArrayBuffer(train.images.byteLength + test.images.byteLength));
  images.set(train.images);
  images.set(test.images, train.images.byteLength);
  const labels = new Uint8Array(new SharedArrayBuffer(train.count + test.count));
  labels.set(train.labels);
  labels.set(test.labels, train.count);
  const split = stratifiedSplit(train.labels, 10, header.validationSize, deriveSeed(header.splitSeed, 'validation'));
  if (split.train.length !== header.trainImages)
    throw new Error(`the split has ${split.train.length} training images, the header says ${header.trainImages}`);
  const testIndices = Int32Array.from({ length: test.count }, (_, i) => train.count + i);
  const subsetSeed = deriveSeed(header.tableSeed, 'subset');
  const probe = header.probe;
  const pool = await createPool(nodeWorkerFactory, workers, { dataset: { images, labels, numClasses: 10 } });

  const inputOf = (u: TableUnit, trialId: number): TrainTrialInput => ({
    trialId,
    seed: u.seed,
    config: u.config,
    numClasses: 10,
    trainIndices: nestedSubset(split.train, train.labels, 10, u.dataFraction, subsetSeed),
    evalIndices: split.validation,
    readEvery: 50,
    everyEpoch: true,
    reportIndices: testIndices,
    probes: {
      indices: split.validation.slice(0, probe.images),
      sharpnessDirections: probe.directions,
      rho: probe.rho,
      samRho: probe.samRho,
      hessian: probe.hessian,
      seed: deriveSeed(header.tableSeed, 'probes'),
    },
  });

  const rowOf = (u: TableUnit, images: number, r: TrialResult): TableRow => ({
    kind: 'trial',
    configId: u.configId,
    config: u.config,
    replicate: u.replicate,
    seed: u.seed,
    dataFraction: u.dataFraction,
    images,
    status: r.status,
    curve: (r.epochs ?? []).map((e) => ({
      epoch: e.epoch,
      trainLoss: e.trainLoss,
      valLoss: e.valLoss,
      valAccuracy: e.valAccuracy,
      ...(e.probes
        ? {
            probes: {
              loss: e.probes.loss,
              sharpnessMean: e.probes.sharpnessMean,
              sharpnessMax: e.probes.sharpnessMax,
              samSharpness: e.probes.samSharpness,
              gradientNorm: e.probes.gradientNorm,
              topEigenvalue: e.probes.topEigenvalue,
              hessianTrace: e.probes.hessianTrace,
              ms: Math.round(e.probes.ms),
            },
          }
        : {}),
    })),
    initGradientNorm: r.initGradientNorm ?? null,
    durationMs: Math.round(r.durationMs),
    imagesPerSecond: Math.round(r.imagesPerSecond),
    backend: r.backend,
    report: r.report ? { testAccuracy: r.report.accuracy, testLoss: r.report.loss } : null,
  });

  return {
    backend: pool.backend.detail,
    async trainAll(units, onRow) {
      const started = performance.now();
      const totalCost = units.reduce((s, u) => s + unitCost(u, header), 0);
      let doneCost = 0;
      let images = 0;
      let next = 0;
      const runOne = async (u: TableUnit, trialId: number): Promise<void> => {
        const input = inputOf(u, trialId);
        const file = join(checkpointDir, `${u.key.replace(/[^\w.-]+/g, '_')}.ckpt`);
        // What makes a checkpoint this row's: a changed plan or header must not resume it.
        const run = { key: u.key, seed: u.seed, config: u.config, images: input.trainIndices.length, header };
        for (let attempt = 1; ; attempt++) {
          const resume = resumeFrom(file, run, u.key);
          const outcome = await pool.run(
            resume ? { ...input, resume } : input,
            () => {},
            async (checkpoint) => writeCheckpointFile(file, { run, checkpoint, report: [] }),
          );
          if (outcome.ok) {
            onRow(rowOf(u, input.trainIndices.length, outcome.value));
            rmSync(file, { force: true });
            images += outcome.value.imagesTrained;
            break;
          }
          console.error(`[table] ${u.key}: ${outcome.error.code}: ${outcome.error.message} (attempt ${attempt})`);
          if (attempt >= 2) throw new Error(`${u.key} failed twice: ${outcome.error.message}`);
        }
        doneCost += unitCost(u, header);
        const seconds = (performance.now() - started) / 1000;
        const eta = (seconds / doneCost) * (totalCost - doneCost);
        console.log(
          `[table] ${u.key} (c${u.config.channels} ${u.config.optimizer}, ${input.trainIndices.length} images x ${header.epochs} epochs) done: ` +
            `${((100 * doneCost) / totalCost).toFixed(1)}% of this run, ${(images / seconds).toFixed(0)} training images/s, ` +
            `elapsed ${formatDuration(1000 * seconds)}, ETA ${formatDuration(1000 * eta)}`,
        );
      };
      const loop = async (): Promise<void> => {
        while (next < units.length) {
          const i = next++;
          await runOne(units[i], i);
        }
      };
      await Promise.all(Array.from({ length: pool.size }, loop));
    },
    dispose: () => pool.dispose(),
  };
}

/** The row's checkpoint if it has a usable one of this very run; otherwise it starts afresh, and says why. */
function resumeFrom(file: string, run: unknown, key: string): TrainCheckpoint | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const saved = readCheckpointFile(file);
    if (JSON.stringify(saved.run) !== JSON.stringify(run)) {
      console.error(`[table] ${key}: ${file} is another run's checkpoint; training from the start`);
      return undefined;
    }
    console.log(`[table] ${key}: resuming after epoch ${saved.checkpoint.epoch}`);
    return saved.checkpoint;
  } catch (e) {
    console.error(`[table] ${key}: ${e instanceof Error ? e.message : String(e)}; training from the start`);
    return undefined;
  }
}
