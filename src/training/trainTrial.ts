// One trial: SimpleCNN trained on a subset of the training split for `epochs` epochs, then
// evaluated on the fixed evaluation set. A hand-written loop (optimizer.minimize) instead of
// model.fit, which reads the loss back every batch; here the loss is read every `readEvery` steps.
import * as tf from '@tensorflow/tfjs';
import { createRng, deriveSeed, shuffleInPlace } from '../core/rng';
import type { TrialConfig } from '../core/searchSpace';
import { makeBatch, type ImagePool } from './batches';
import { evaluate } from './evaluate';
import { createSimpleCnn, initialWeights, type SimpleCnn } from './simpleCnn';

export interface TrainTrialInput {
  trialId: number;
  /** Per-trial seed, derived from the study seed and the configuration (not the rung). */
  seed: number;
  config: TrialConfig;
  numClasses: number;
  trainIndices: Int32Array;
  evalIndices: Int32Array;
  readEvery: number;
}

export interface LossPoint { step: number; epoch: number; loss: number }

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
}

/** Thrown when the caller's `shouldStop` says so; carries a code like every trial error. */
export class TrialCancelled extends Error {
  readonly code = 'CANCELLED';
  constructor(trialId: number) { super(`trial ${trialId} was cancelled`); }
}

export interface TrainHooks {
  onProgress?(p: TrialProgress): void;
  shouldStop?(): boolean;
  /** Lets the worker's message loop run (e.g. to receive a cancel); defaults to a macrotask. */
  yieldToEventLoop?(): Promise<void>;
}

// tfjs 4.22's MomentumOptimizer.dispose() forgets the learning-rate scalar its SGD parent keeps.
function disposeOptimizer(optimizer: tf.Optimizer): void {
  optimizer.dispose();
  const c = (optimizer as unknown as { c?: tf.Tensor }).c;
  if (optimizer instanceof tf.MomentumOptimizer && c && !c.isDisposed) c.dispose();
}

const defaultYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function makeOptimizer(c: TrialConfig): tf.Optimizer {
  if (c.optimizer === 'adam') return tf.train.adam(c.learningRate);
  return c.momentum > 0 ? tf.train.momentum(c.learningRate, c.momentum) : tf.train.sgd(c.learningRate);
}

export async function trainTrial(pool: ImagePool, input: TrainTrialInput, hooks: TrainHooks = {}): Promise<TrialResult> {
  const { config, trainIndices, trialId } = input;
  const yieldNow = hooks.yieldToEventLoop ?? defaultYield;
  const started = performance.now();
  const n = trainIndices.length;
  if (n === 0) throw new Error(`trial ${trialId}: the training subset is empty`);
  const batchSize = Math.min(config.batchSize, n);
  const stepsPerEpoch = Math.floor(n / batchSize); // full batches only: one shape, one shader compile
  const stepsTotal = stepsPerEpoch * config.epochs;
  const spec = { channels: config.channels, numClasses: input.numClasses, dropout: config.dropout, imageSize: 32 };
  const model: SimpleCnn = createSimpleCnn(spec, initialWeights(spec, deriveSeed(input.seed, 'init')));
  const optimizer = makeOptimizer(config);
  const order = Int32Array.from(trainIndices);
  const lossCurve: LossPoint[] = [];
  let pending: { step: number; epoch: number; cost: tf.Scalar }[] = [];
  let diverged = false;
  let step = 0;
  let trainMs = 0;

  // Reads the queued losses in one transfer; returns false if any is NaN or infinite.
  const flush = async (): Promise<boolean> => {
    if (pending.length === 0) return true;
    const stacked = tf.stack(pending.map((p) => p.cost));
    const values = await stacked.data();
    stacked.dispose();
    const points = pending.map((p, i) => ({ step: p.step, epoch: p.epoch, loss: values[i] }));
    pending.forEach((p) => p.cost.dispose());
    pending = [];
    lossCurve.push(...points);
    hooks.onProgress?.({ trialId, points, stepsDone: step, stepsTotal, imagesPerSecond: (step * batchSize) / (trainMs / 1000 || 1e-9) });
    return points.every((p) => Number.isFinite(p.loss));
  };

  try {
    for (let epoch = 0; epoch < config.epochs && !diverged; epoch++) {
      shuffleInPlace(order, createRng(deriveSeed(input.seed, 'epoch', epoch)));
      for (let b = 0; b < stepsPerEpoch; b++) {
        if (hooks.shouldStop?.()) throw new TrialCancelled(trialId);
        const t0 = performance.now();
        const { x, y } = makeBatch(pool, order, b * batchSize, batchSize, input.numClasses);
        const dropoutSeed = deriveSeed(input.seed, 'dropout', step);
        const cost = optimizer.minimize(() => {
          const logits = model.apply(x, true, dropoutSeed);
          const ce = tf.losses.softmaxCrossEntropy(y, logits);
          if (config.weightDecay <= 0) return ce as tf.Scalar;
          // L2 penalty as PyTorch's weight_decay: gradient wd * w, i.e. loss + wd/2 * ||w||^2.
          const l2 = tf.addN(model.weights.map((w) => tf.sum(tf.square(w))));
          return tf.add(ce, tf.mul(config.weightDecay / 2, l2)) as tf.Scalar;
        }, true, model.weights);
        x.dispose(); y.dispose();
        step++;
        pending.push({ step, epoch, cost: cost as tf.Scalar });
        trainMs += performance.now() - t0;
        if (pending.length >= input.readEvery || b === stepsPerEpoch - 1) {
          const t1 = performance.now();
          if (!(await flush())) { diverged = true; break; }
          trainMs += performance.now() - t1;
          await yieldNow();
        }
      }
    }
    const evaluation = diverged ? null : await evaluate(model, pool, input.evalIndices);
    if (evaluation && !Number.isFinite(evaluation.loss)) diverged = true;
    return {
      trialId,
      status: diverged ? 'diverged' : 'completed',
      valLoss: diverged ? null : evaluation!.loss,
      valAccuracy: diverged ? null : evaluation!.accuracy,
      lossCurve,
      steps: step,
      imagesTrained: step * batchSize,
      durationMs: performance.now() - started,
      imagesPerSecond: (step * batchSize) / (trainMs / 1000 || 1e-9),
      backend: tf.getBackend(),
    };
  } finally {
    pending.forEach((p) => p.cost.dispose());
    disposeOptimizer(optimizer);
    model.dispose();
  }
}
