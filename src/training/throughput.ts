// Steady-state training throughput of SimpleCNN on the current backend: warm-up steps first
// (kernel compilation, shader compilation, buffer pools), then timed steps with one readback at
// the end, exactly the work a trial's inner loop does (batch upload, forward, backward, update).
import * as tf from '@tensorflow/tfjs';
import { deriveSeed } from '../core/rng';
import { DEFAULT_FIXED, type TrialConfig } from '../core/searchSpace/searchSpace';
import { makeBatch, type LabelledImages } from './batches';
import { createOptimizer } from './optimizers';
import { createSimpleCnn } from './simpleCnn';
import { initialWeights } from './simpleCnnSpec';
import { countGpuWork, gpuWorkPerStep, type GpuWork } from './gpuWorkCounter';

export interface ThroughputRequest {
  channels: number;
  batchSize: number;
  warmupSteps: number;
  steps: number;
  seed?: number;
}
export interface ThroughputResult {
  backend: string;
  channels: number;
  batchSize: number;
  steps: number;
  ms: number;
  imagesPerSecond: number;
  /** On webgpu: the GPU work of one timed step (the closing readback not included). */
  gpuWorkPerStep?: GpuWork;
}

export async function measureTrainingThroughput(
  data: LabelledImages,
  req: ThroughputRequest,
): Promise<ThroughputResult> {
  const config: TrialConfig = { ...DEFAULT_FIXED, channels: req.channels, batchSize: req.batchSize };
  const spec = { channels: req.channels, numClasses: 10, dropout: config.dropout, imageSize: 32 };
  const model = createSimpleCnn(spec, initialWeights(spec, deriveSeed(req.seed ?? 1, 'bench')));
  const opt = createOptimizer(config);
  const available = Math.floor(data.labels.length / req.batchSize);
  const indices = Int32Array.from({ length: available * req.batchSize }, (_, i) => i);
  const step = (i: number) => {
    const { x, y } = makeBatch(data, indices, (i % available) * req.batchSize, req.batchSize, 10);
    const cost = opt.optimizer.minimize(
      () => {
        const ce = tf.losses.softmaxCrossEntropy(y, model.apply(x, true, i));
        return tf.add(
          ce,
          tf.mul(config.weightDecay / 2, tf.addN(model.weights.map((w) => tf.sum(tf.square(w))))),
        ) as tf.Scalar;
      },
      true,
      model.weights,
    )!;
    tf.dispose([x, y]);
    return cost;
  };
  try {
    for (let i = 0; i < req.warmupSteps; i++) {
      const cost = step(i);
      await cost.data(); // forces compilation and execution of every kernel before timing
      cost.dispose();
    }
    const counter = tf.getBackend() === 'webgpu' ? countGpuWork() : null;
    const t0 = performance.now();
    const costs: tf.Scalar[] = [];
    for (let i = 0; i < req.steps; i++) costs.push(step(req.warmupSteps + i));
    const work = counter?.read();
    counter?.stop();
    const last = tf.stack(costs);
    await last.data();
    const ms = performance.now() - t0;
    tf.dispose([last, ...costs]);
    return {
      backend: tf.getBackend(),
      channels: req.channels,
      batchSize: req.batchSize,
      steps: req.steps,
      ms,
      imagesPerSecond: (req.steps * req.batchSize * 1000) / ms,
      ...(work ? { gpuWorkPerStep: gpuWorkPerStep(work, req.steps) } : {}),
    };
  } finally {
    opt.dispose();
    model.dispose();
  }
}
