// The fused webgpu Adam against tfjs's own AdamOptimizer on the same backend (the oracle), and
// its cost: 3 dispatches per weight, no uploads (tfjs's: 14 dispatches and 6 scalar uploads).
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countGpuWork } from './gpuWorkCounter';
import { initNodeBackend } from './nodeBackend';
import { WebGpuAdamOptimizer } from './webgpuAdam';

const shapes = [[3, 3, 3, 8], [8], [40, 30]];
const size = (s: number[]) => s.reduce((a, b) => a * b, 1);
const wave = (n: number, f: number, phase: number) =>
  Float32Array.from({ length: n }, (_, i) => Math.sin(i * f + phase));

describe('WebGpuAdamOptimizer', () => {
  beforeAll(async () => {
    expect((await initNodeBackend('webgpu')).backend).toBe('webgpu');
  });
  afterAll(() => {
    tf.removeBackend('webgpu');
  });

  it("updates weights as tfjs's AdamOptimizer does, over 6 steps with a learning-rate change, in 3 dispatches per weight", async () => {
    const weights = (prefix: string) =>
      shapes.map((s, k) => tf.variable(tf.tensor(wave(size(s), 0.37, k), s), true, `${prefix}${k}`));
    const [stockWeights, fusedWeights] = [weights('stock'), weights('fused')];
    const stock = tf.train.adam(0.01);
    const fused = new WebGpuAdamOptimizer(0.01);
    const work = [];
    for (let step = 0; step < 6; step++) {
      if (step === 3) for (const o of [stock, fused]) (o as unknown as { learningRate: number }).learningRate = 0.003;
      // Gradients of both signs and several magnitudes, different at every step.
      const grads = shapes.map((s, k) =>
        tf.tensor(
          wave(size(s), 0.11 * (step + 1), k).map((g, i) => g * (1 + (i % 7))),
          s,
        ),
      );
      stock.applyGradients(
        Object.fromEntries(stockWeights.map((v, k) => [v.name, grads[k]])) as Parameters<
          typeof stock.applyGradients
        >[0],
      );
      const counter = countGpuWork();
      fused.applyGradients(Object.fromEntries(fusedWeights.map((v, k) => [v.name, grads[k]])));
      work.push(counter.read());
      counter.stop();
      tf.dispose(grads);
    }
    for (let k = 0; k < shapes.length; k++) {
      const [want, got] = [await stockWeights[k].data(), await fusedWeights[k].data()];
      expect(Math.max(...got.map((x, i) => Math.abs(x - want[i])))).toBeLessThan(2e-6);
      expect(Math.max(...got.map((x, i) => Math.abs(x - wave(got.length, 0.37, k)[i])))).toBeGreaterThan(0.01); // it moved
    }
    // After the first step (which creates the moments), only the fused update runs.
    expect(work[5]).toMatchObject({ dispatches: 3 * shapes.length, uploads: 0, readbacks: 0 });
    tf.dispose([...stockWeights, ...fusedWeights]);
    stock.dispose();
    fused.dispose();
  });
});
