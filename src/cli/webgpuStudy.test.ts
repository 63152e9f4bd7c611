// The micro study headless on webgpu, as `npm run study -- --preset micro --backend webgpu
// --epochs 10` runs it: Dawn in a Node worker thread (SwiftShader Vulkan where there is no GPU),
// the page's orchestrator, real CIFAR-10. Oracle: the network overfits its training images (the
// preset's 4 epochs only start to; 10 memorise them, as wasm does with the same numbers).
import { describe, expect, it } from 'vitest';
import { findPreset } from '../core/study/presets';
import { createPool } from '../orchestrator/workerPool';
import { runStudy } from '../orchestrator/runStudy';
import type { TrialResult } from '../../workers/protocol';
import { parseBackendFlag } from './backendFlag';
import { loadCifar10 } from './nodeDataset';
import { nodeWorkerFactory } from './nodeWorkers';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('micro study on webgpu in Node', () => {
  it('trains on webgpu (Dawn) and overfits its training images: the loss falls and batch accuracy rises', async () => {
    const micro = findPreset('micro')!.study;
    const definition = { ...micro, fixed: { ...micro.fixed, epochs: 10 } };
    const train = loadCifar10('train');
    const pool = await createPool(nodeWorkerFactory, 1, {
      dataset: { images: train.images, labels: train.labels, numClasses: 10 },
      forcedBackend: parseBackendFlag('webgpu', () => {}),
    });
    try {
      expect(pool.backend.backend).toBe('webgpu');
      const results: TrialResult[] = [];
      const final = await runStudy(definition, pool, train.labels, { onTrialResult: (_, r) => results.push(r) }).done;
      expect(final.phase).toBe('finished');
      expect(results).toHaveLength(1);
      const [r] = results;
      expect(r).toMatchObject({ status: 'completed', backend: 'webgpu' });
      const epoch = (e: number) => r.lossCurve.filter((p) => p.epoch === e);
      const [first, last] = [epoch(0), epoch(definition.fixed.epochs! - 1)];
      console.log(
        `webgpu micro (${pool.backend.detail}): loss ${mean(first.map((p) => p.loss)).toFixed(3)} -> ${mean(last.map((p) => p.loss)).toFixed(3)}, ` +
          `batch accuracy ${mean(first.map((p) => p.accuracy)).toFixed(2)} -> ${mean(last.map((p) => p.accuracy)).toFixed(2)}`,
      );
      // Chance is ln(10) = 2.30 and 0.1; memorising 24 images takes the last epoch far below and above.
      expect(mean(first.map((p) => p.loss))).toBeGreaterThan(1.8);
      expect(mean(last.map((p) => p.loss))).toBeLessThan(0.5 * mean(first.map((p) => p.loss)));
      expect(mean(last.map((p) => p.accuracy))).toBeGreaterThanOrEqual(mean(first.map((p) => p.accuracy)) + 0.4);
    } finally {
      pool.dispose();
    }
  }, 600_000);
});
