// Gradient oracles: autodiff against central finite differences on a small SimpleCNN, and the wasm
// backend (on each build of our kernels, and on XNNPACK) against the cpu backend for fixed weights and one batch.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { loadCifar10 } from '../cli/nodeDataset';
import { createRng } from '../core/rng';
import type { LabelledImages } from './batches';
import { lossAndGradients } from './lossAndGradients';
import { initNodeBackend } from './nodeBackend';
import { loadFmaKernelsNode } from './fmaKernels/nodeLoad';
import { initialWeights, type SimpleCnnSpec } from './simpleCnnSpec';

let data: LabelledImages;
const indices = Int32Array.from({ length: 8 }, (_, i) => 7 * i);
const relErr = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let num = 0,
    den = 0;
  for (let i = 0; i < a.length; i++) {
    num += (a[i] - b[i]) ** 2;
    den += b[i] ** 2;
  }
  return Math.sqrt(num / (den || 1));
};

beforeAll(() => {
  const train = loadCifar10('train');
  data = { images: train.images, labels: train.labels };
});

describe.each(['cpu', 'wasm'] as const)('gradients on %s', (backend) => {
  beforeAll(async () => {
    await initNodeBackend(backend);
  });

  it('match central finite differences on a small SimpleCNN', async () => {
    const spec: SimpleCnnSpec = { channels: 4, numClasses: 10, dropout: 0, imageSize: 32 };
    const weights = initialWeights(spec, 3);
    const { loss, gradients } = await lossAndGradients(spec, weights, data, indices);
    expect(Number.isFinite(loss)).toBe(true);
    const rng = createRng(11);
    const eps = 1e-2;
    // Probe coordinates in every conv kernel and bias (the kernels we wrote) and the dense layers.
    for (let layer = 0; layer < weights.length; layer++) {
      for (let k = 0; k < 2; k++) {
        const j = rng.nextInt(weights[layer].length);
        const at = async (delta: number) => {
          const w = weights.map((a) => a.slice());
          w[layer][j] += delta;
          return (await lossAndGradients(spec, w, data, indices)).loss;
        };
        const fd = ((await at(eps)) - (await at(-eps))) / (2 * eps);
        const g = gradients[layer][j];
        // float32 losses: absolute slack for tiny gradients, 5% relative otherwise.
        expect(Math.abs(fd - g), `layer ${layer} index ${j}: fd ${fd} vs autodiff ${g}`).toBeLessThan(
          2e-3 + 0.05 * Math.abs(g),
        );
      }
    }
  });
});

// Our kernels in both builds, and the stock XNNPACK paths they replace.
describe.each(['relaxed', 'simd', 'xnnpack'] as const)(
  'wasm (%s kernels) agrees with cpu for fixed weights and one batch',
  (kernels) => {
    it('loss and every gradient to 1e-3 relative (SimpleCNN c=32)', async () => {
      const spec: SimpleCnnSpec = { channels: 32, numClasses: 10, dropout: 0, imageSize: 32 };
      const weights = initialWeights(spec, 5);
      await initNodeBackend('cpu');
      const cpu = await lossAndGradients(spec, weights, data, indices);
      await initNodeBackend('wasm');
      const installed = await loadFmaKernelsNode(kernels);
      expect(installed?.build ?? 'xnnpack').toBe(kernels);
      const wasm = await lossAndGradients(spec, weights, data, indices);
      expect(wasm.backend).toBe('wasm');
      expect(Math.abs(wasm.loss - cpu.loss) / Math.abs(cpu.loss)).toBeLessThan(1e-3);
      cpu.gradients.forEach((g, i) => expect(relErr(wasm.gradients[i], g), `weight ${i}`).toBeLessThan(1e-3));
      expect(tf.getBackend()).toBe('wasm');
      await loadFmaKernelsNode('auto');
    });
  },
);
