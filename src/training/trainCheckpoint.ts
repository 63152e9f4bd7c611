// A training run's checkpoint at an epoch boundary: weights (trainable, then batch-norm buffers),
// the optimizer's slots (Adam's moments, momentum's velocity, the step count) and the augmentation
// stream. trainTrial resumed from it takes exactly the steps the uninterrupted run would have
// taken, so a long run (the 30-epoch headline) can span sessions without changing its result.
import * as tf from '@tensorflow/tfjs';
import type { RngState } from '../core/rng';
import type { SimpleCnn } from './simpleCnn';
import type { EpochRecord } from './trainTrial';

export interface OptimizerSlot {
  name: string;
  shape: number[];
  values: Float32Array;
}

export interface TrainCheckpoint {
  /** Epochs done. */
  epoch: number;
  /** Optimizer steps done. */
  step: number;
  weights: Float32Array[];
  optimizer: OptimizerSlot[];
  augment: RngState;
  /** The run's epoch records so far (with `everyEpoch`), so a resumed result still has every epoch. */
  epochs: EpochRecord[];
  initGradientNorm?: number;
  /** Training time so far, and duration without probes, so rates and costs cover the whole run. */
  trainMs: number;
  durationMs: number;
}

/** The counters a checkpoint carries besides the tensors. */
export type CheckpointProgress = Pick<TrainCheckpoint, 'epochs' | 'initGradientNorm' | 'trainMs' | 'durationMs'>;

export async function captureCheckpoint(
  model: SimpleCnn,
  optimizer: tf.Optimizer,
  epoch: number,
  step: number,
  augment: RngState,
  progress: CheckpointProgress,
): Promise<TrainCheckpoint> {
  const weights = await Promise.all(
    [...model.weights, ...model.buffers].map(async (v) => Float32Array.from(await v.data())),
  );
  const named = await optimizer.getWeights();
  const slots = await Promise.all(
    named.map(async ({ name, tensor }) => ({
      name,
      shape: tensor.shape,
      values: Float32Array.from(await tensor.data()),
    })),
  );
  // getWeights makes a fresh scalar for the step count; the slots themselves are the optimizer's own variables.
  named.filter((w) => !(w.tensor instanceof tf.Variable)).forEach((w) => w.tensor.dispose());
  return { epoch, step, weights, optimizer: slots, augment, ...progress, epochs: [...progress.epochs] };
}

/** Loads the slots into a fresh optimizer of the same kind as the one they came from. */
export async function restoreOptimizer(optimizer: tf.Optimizer, slots: readonly OptimizerSlot[]): Promise<void> {
  const named = slots.map((s) => ({ name: s.name, tensor: tf.tensor(s.values, s.shape) }));
  try {
    await optimizer.setWeights(named);
  } finally {
    // setWeights keeps variables made from these tensors, not the tensors themselves.
    tf.dispose(named.map((n) => n.tensor));
  }
}
