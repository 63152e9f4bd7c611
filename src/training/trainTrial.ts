// One trial: SimpleCNN trained on a subset of the training split for `epochs` epochs, then
// evaluated on the fixed evaluation set. A hand-written loop (optimizer.minimize) instead of
// model.fit, which reads the loss back every batch; here the loss is read every `readEvery` steps.
import * as tf from '@tensorflow/tfjs';
import { learningRateAt } from '../core/searchSpace/lrSchedule';
import { createRng, deriveSeed, restoreRng, shuffleInPlace } from '../core/rng';
import type { TrialConfig } from '../core/searchSpace/searchSpace';
import { augmentBatch } from './augment';
import { makeBatch, type LabelledImages } from './batches';
import { evaluate, type Evaluation } from './evaluate';
import { createOptimizer } from './optimizers';
import { createSimpleCnn, type SimpleCnn } from './simpleCnn';
import { initialWeights, trialSpec } from './simpleCnnSpec';
import { buildTrialProbeSet, probeGradientNorm, probeTrainedModel, type TrialProbeRequest } from './probes/trialProbes';
import type { ProbeValues } from '../core/probeValues';
import { captureCheckpoint, restoreOptimizer, type TrainCheckpoint } from './trainCheckpoint';
import type { LossPoint } from '../core/lossPoint';

export interface TrainTrialInput {
  trialId: number;
  /** Per-trial seed, derived from the study seed and the configuration (not the rung). */
  seed: number;
  config: TrialConfig;
  numClasses: number;
  trainIndices: Int32Array;
  evalIndices: Int32Array;
  readEvery: number;
  /** Start from these weights (e.g. a promoted trial continuing) instead of the seeded init. */
  initialWeights?: Float32Array[];
  /** Return the trained weights (trainable, then batch-norm buffers) with the result. */
  returnWeights?: boolean;
  /** Probe the weights at initialisation and after training on this fixed probe set. */
  probes?: TrialProbeRequest;
  /**
   * Evaluate on `evalIndices` after every epoch (and probe too, when `probes` is set; the Hessian
   * probes at the last epoch only), so that a constant-schedule run of E epochs also measures
   * every fidelity of 1..E epochs.
   */
  everyEpoch?: boolean;
  /** Report-only indices (e.g. the test set), evaluated once at the end; never used for a choice. */
  reportIndices?: Int32Array;
  /** Go on from this checkpoint (same config, seed and data) instead of starting afresh. */
  resume?: TrainCheckpoint;
}

/** Validation after one epoch, with the trained weights' probes when asked for. */
export interface EpochRecord {
  epoch: number;
  trainLoss: number;
  valLoss: number;
  valAccuracy: number;
  probes?: ProbeValues;
}

export interface TrialProgress {
  trialId: number;
  points: LossPoint[];
  stepsDone: number;
  stepsTotal: number;
  imagesPerSecond: number;
}

export type TrialStatus = 'completed' | 'diverged';

export interface TrialResult {
  trialId: number;
  status: TrialStatus;
  valLoss: number | null;
  valAccuracy: number | null;
  lossCurve: LossPoint[];
  steps: number;
  imagesTrained: number;
  durationMs: number;
  /** Training images per second, excluding evaluation. */
  imagesPerSecond: number;
  backend: string;
  weights?: Float32Array[];
  /** Tier-2 probes of the trained weights (absent if not asked for, or if the trial diverged). */
  probes?: ProbeValues;
  /** Zero-cost proxy: ||∇L|| on the probe set at the seeded init (absent when continuing from weights). */
  initGradientNorm?: number;
  /** One record per finished epoch, when `everyEpoch` was asked for. */
  epochs?: EpochRecord[];
  /** The report-only evaluation on `reportIndices`. */
  report?: Evaluation;
}

/** Thrown when the caller's `shouldStop` says so; carries a code like every trial error. */
export class TrialCancelled extends Error {
  readonly code = 'CANCELLED';
  constructor(trialId: number) {
    super(`trial ${trialId} was cancelled`);
  }
}

export interface TrainHooks {
  onProgress?(p: TrialProgress): void;
  shouldStop?(): boolean;
  /** Lets the worker's message loop run (e.g. to receive a cancel); defaults to a macrotask. */
  yieldToEventLoop?(): Promise<void>;
  /** After each epoch (full training runs report validation and test accuracy per epoch). */
  onEpochEnd?(
    epoch: number,
    evaluateOn: (data: LabelledImages, indices: Int32Array) => Promise<Evaluation>,
  ): Promise<void>;
  /** After each epoch, after onEpochEnd: the state to resume from (read back only when this is given). */
  onCheckpoint?(checkpoint: TrainCheckpoint): Promise<void>;
}

const defaultYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function trainTrial(
  data: LabelledImages,
  input: TrainTrialInput,
  hooks: TrainHooks = {},
): Promise<TrialResult> {
  const { config, trainIndices, trialId } = input;
  const yieldNow = hooks.yieldToEventLoop ?? defaultYield;
  const started = performance.now();
  const n = trainIndices.length;
  if (n === 0) throw new Error(`trial ${trialId}: the training subset is empty`);
  const batchSize = Math.min(config.batchSize, n);
  const stepsPerEpoch = Math.floor(n / batchSize); // full batches only: one shape, one shader compile
  const stepsTotal = stepsPerEpoch * config.epochs;
  const spec = trialSpec(config, input.numClasses);
  const given = input.resume?.weights ?? input.initialWeights;
  const start = given ?? initialWeights(spec, deriveSeed(input.seed, 'init'));
  const model: SimpleCnn = createSimpleCnn(spec, start);
  const numTrainable = model.weights.length;
  // Continuing weights may carry batch-norm running statistics after the trainable weights.
  if (given && given.length > numTrainable) {
    tf.tidy(() => model.buffers.forEach((b, i) => b.assign(tf.tensor(given[numTrainable + i], b.shape))));
  }
  const opt = createOptimizer(config);
  if (input.resume) await restoreOptimizer(opt.optimizer, input.resume.optimizer);
  const augmentRng = input.resume ? restoreRng(input.resume.augment) : createRng(deriveSeed(input.seed, 'augment'));
  const order = Int32Array.from(trainIndices);
  const firstEpoch = input.resume?.epoch ?? 0;
  // Each epoch reshuffles the previous epoch's order: replay the shuffles of the epochs done.
  for (let epoch = 0; epoch < firstEpoch; epoch++)
    shuffleInPlace(order, createRng(deriveSeed(input.seed, 'epoch', epoch)));
  const lossCurve: LossPoint[] = [];
  let pending: { step: number; epoch: number; cost: tf.Scalar; accuracy: tf.Scalar }[] = [];
  let diverged = false;
  let step = input.resume?.step ?? 0;
  let trainMs = input.resume?.trainMs ?? 0;
  let probeMs = 0; // kept out of durationMs, which stays the cost of training and evaluation
  // Resumed: the duration the checkpoint carries, plus this run's.
  const elapsedMs = () => (input.resume?.durationMs ?? 0) + performance.now() - started - probeMs;
  const probeSet = input.probes ? buildTrialProbeSet(data, input.probes, input.numClasses) : null;
  const epochs: EpochRecord[] = [...(input.resume?.epochs ?? [])];
  let lastEvaluation: Evaluation | null = null;
  let lastProbes: ProbeValues | undefined;

  // Reads the queued losses in one transfer; returns false if any is NaN or infinite.
  const flush = async (): Promise<boolean> => {
    if (pending.length === 0) return true;
    const stacked = tf.stack([...pending.map((p) => p.cost), ...pending.map((p) => p.accuracy)]);
    const values = await stacked.data();
    stacked.dispose();
    const points = pending.map((p, i) => ({
      step: p.step,
      epoch: p.epoch,
      loss: values[i],
      accuracy: values[pending.length + i],
    }));
    pending.forEach((p) => tf.dispose([p.cost, p.accuracy]));
    pending = [];
    lossCurve.push(...points);
    hooks.onProgress?.({
      trialId,
      points,
      stepsDone: step,
      stepsTotal,
      imagesPerSecond: (step * batchSize) / (trainMs / 1000 || 1e-9),
    });
    return points.every((p) => Number.isFinite(p.loss));
  };

  try {
    let initGradientNorm: number | undefined = input.resume?.initGradientNorm;
    if (probeSet && !given) {
      const t0 = performance.now();
      initGradientNorm = await probeGradientNorm(model, probeSet);
      probeMs += performance.now() - t0;
    }
    for (let epoch = firstEpoch; epoch < config.epochs && !diverged; epoch++) {
      shuffleInPlace(order, createRng(deriveSeed(input.seed, 'epoch', epoch)));
      for (let b = 0; b < stepsPerEpoch; b++) {
        if (hooks.shouldStop?.()) throw new TrialCancelled(trialId);
        const t0 = performance.now();
        const batch = makeBatch(data, order, b * batchSize, batchSize, input.numClasses);
        const x = config.augment ? augmentBatch(batch.x, augmentRng) : batch.x;
        const { y } = batch;
        const dropoutSeed = deriveSeed(input.seed, 'dropout', step);
        opt.setLearningRate(learningRateAt(config, step, stepsPerEpoch, stepsTotal));
        let accuracy: tf.Scalar | null = null;
        const cost = opt.optimizer.minimize(
          () => {
            const logits = model.apply(x, true, dropoutSeed);
            // Batch accuracy rides along with the loss readback; it is off the gradient's path.
            accuracy = tf.keep(
              tf.mean(tf.cast(tf.equal(tf.argMax(logits, 1), tf.argMax(y, 1)), 'float32')),
            ) as tf.Scalar;
            const ce = tf.losses.softmaxCrossEntropy(y, logits, undefined, config.labelSmoothing);
            if (opt.l2 <= 0) return ce as tf.Scalar;
            // L2 penalty as PyTorch's weight_decay: gradient wd * w, i.e. loss + wd/2 * ||w||^2.
            const l2 = tf.addN(model.weights.map((w) => tf.sum(tf.square(w))));
            return tf.add(ce, tf.mul(opt.l2 / 2, l2)) as tf.Scalar;
          },
          true,
          model.weights,
        );
        opt.afterStep(model.weights);
        tf.dispose(x === batch.x ? [x, y] : [x, batch.x, y]);
        step++;
        pending.push({ step, epoch, cost: cost as tf.Scalar, accuracy: accuracy! });
        trainMs += performance.now() - t0;
        if (pending.length >= input.readEvery || b === stepsPerEpoch - 1) {
          const t1 = performance.now();
          if (!(await flush())) {
            diverged = true;
            break;
          }
          trainMs += performance.now() - t1;
          await yieldNow();
        }
      }
      if (!diverged && input.everyEpoch) {
        lastEvaluation = await evaluate(model, data, input.evalIndices);
        if (probeSet && Number.isFinite(lastEvaluation.loss)) {
          // The Hessian probes cost ~10 gradient passes: only the trial's last epoch pays for them.
          const last = epoch === config.epochs - 1;
          lastProbes = await probeTrainedModel(
            model,
            probeSet,
            last ? input.probes! : { ...input.probes!, hessian: false },
          );
          probeMs += lastProbes.ms;
        }
        const trainLoss = lossCurve.length > 0 ? lossCurve[lossCurve.length - 1].loss : NaN;
        epochs.push({
          epoch: epoch + 1,
          trainLoss,
          valLoss: lastEvaluation.loss,
          valAccuracy: lastEvaluation.accuracy,
          ...(lastProbes ? { probes: lastProbes } : {}),
        });
      }
      if (!diverged && hooks.onEpochEnd) await hooks.onEpochEnd(epoch, (p, indices) => evaluate(model, p, indices));
      if (!diverged && hooks.onCheckpoint)
        await hooks.onCheckpoint(
          await captureCheckpoint(model, opt.optimizer, epoch + 1, step, augmentRng.state(), {
            epochs,
            initGradientNorm,
            trainMs,
            durationMs: elapsedMs(),
          }),
        );
    }
    // With everyEpoch the last epoch's evaluation and probes are the trial's: no second pass.
    const evaluation = diverged ? null : (lastEvaluation ?? (await evaluate(model, data, input.evalIndices)));
    if (evaluation && !Number.isFinite(evaluation.loss)) diverged = true;
    let probes = lastProbes;
    if (!probes && probeSet && !diverged) {
      probes = await probeTrainedModel(model, probeSet, input.probes!);
      probeMs += probes.ms;
    }
    const report = input.reportIndices && !diverged ? await evaluate(model, data, input.reportIndices) : undefined;
    const weights = input.returnWeights
      ? await Promise.all([...model.weights, ...model.buffers].map(async (w) => (await w.data()) as Float32Array))
      : undefined;
    return {
      trialId,
      status: diverged ? 'diverged' : 'completed',
      valLoss: diverged ? null : evaluation!.loss,
      valAccuracy: diverged ? null : evaluation!.accuracy,
      lossCurve,
      steps: step,
      imagesTrained: step * batchSize,
      durationMs: elapsedMs(),
      imagesPerSecond: (step * batchSize) / (trainMs / 1000 || 1e-9),
      backend: tf.getBackend(),
      weights,
      probes: diverged ? undefined : probes,
      initGradientNorm,
      ...(input.everyEpoch ? { epochs } : {}),
      ...(report ? { report } : {}),
    };
  } finally {
    probeSet?.dispose();
    pending.forEach((p) => tf.dispose([p.cost, p.accuracy]));
    opt.dispose();
    model.dispose();
  }
}
