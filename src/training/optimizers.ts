// The optimizers a trial can use, over tfjs's own: SGD (momentum, Nesterov), Adam, and AdamW
// with decoupled weight decay (Loshchilov & Hutter 2019), plus per-step learning rates.
import * as tf from '@tensorflow/tfjs';
import type { TrialConfig } from '../core/searchSpace/searchSpace';
import { WebGpuAdamOptimizer } from './webgpuAdam';

export interface TrialOptimizer {
  optimizer: tf.Optimizer;
  /** Weight decay added to the loss as an L2 penalty (0 for AdamW, whose decay is decoupled). */
  l2: number;
  setLearningRate(lr: number): void;
  /** After each step: AdamW's decoupled decay w <- w - lr * wd * w. */
  afterStep(weights: tf.Variable[]): void;
  dispose(): void;
}

export function createOptimizer(c: TrialConfig): TrialOptimizer {
  let lr = c.learningRate;
  const isAdam = c.optimizer === 'adam' || c.optimizer === 'adamw';
  // On webgpu, the same Adam in 3 dispatches per weight instead of 14 (webgpuAdam.ts).
  const optimizer = isAdam
    ? tf.getBackend() === 'webgpu'
      ? new WebGpuAdamOptimizer(lr)
      : tf.train.adam(lr)
    : c.momentum > 0
      ? tf.train.momentum(lr, c.momentum, c.nesterov === 1)
      : tf.train.sgd(lr);
  return {
    optimizer,
    l2: c.optimizer === 'adamw' ? 0 : c.weightDecay,
    setLearningRate(next) {
      if (next === lr) return;
      lr = next;
      // Adam reads `learningRate` at every step; SGD and momentum keep it in a scalar tensor.
      if (isAdam) (optimizer as unknown as { learningRate: number }).learningRate = next;
      else (optimizer as tf.SGDOptimizer).setLearningRate(next);
    },
    afterStep(weights) {
      if (c.optimizer !== 'adamw' || c.weightDecay <= 0) return;
      const keep = 1 - lr * c.weightDecay;
      tf.tidy(() => weights.forEach((w) => w.assign(tf.mul(w, keep))));
    },
    dispose() {
      optimizer.dispose();
      // tfjs 4.22's MomentumOptimizer.dispose() forgets the learning-rate scalar its SGD parent keeps.
      const scalar = (optimizer as unknown as { c?: tf.Tensor }).c;
      if (optimizer instanceof tf.MomentumOptimizer && scalar && !scalar.isDisposed) scalar.dispose();
    },
  };
}
