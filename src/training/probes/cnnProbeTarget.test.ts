// The probes on the wasm backend: the least-squares oracle still holds there, SimpleCNN's probe-set
// loss matches evaluate(), and runProbes on a tiny SimpleCNN (channels 4, a few random images)
// returns finite numbers and restores everything.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../core/rng';
import { IMAGE_BYTES, type LabelledImages } from '../batches';
import { evaluate } from '../evaluate';
import { initNodeBackend } from '../nodeBackend';
import { createSimpleCnn } from '../simpleCnn';
import { initialWeights, type SimpleCnnSpec } from '../simpleCnnSpec';
import { buildProbeSet, simpleCnnProbeTarget } from './cnnProbeTarget';
import { runProbes } from './index';
import {
  dotParams,
  gradientAt,
  gramMatrix,
  hessianTimes,
  jacobiEigenvalues,
  leastSquaresTarget,
  paramsOf,
  randomProblem,
} from '../../testing/leastSquaresOracle';
import { lossAndAccuracy } from './probeTarget';

const spec: SimpleCnnSpec = { channels: 4, numClasses: 10, dropout: 0.2, imageSize: 32 };
const count = 12;
let data: LabelledImages;
const indices = Int32Array.from({ length: count }, (_, i) => i);

beforeAll(async () => {
  await initNodeBackend('wasm');
  const rng = createRng(5);
  data = {
    images: Uint8Array.from({ length: count * IMAGE_BYTES }, () => rng.nextInt(256)),
    labels: Uint8Array.from({ length: count }, () => rng.nextInt(10)),
  };
});

describe('simpleCnnProbeTarget (wasm)', () => {
  it('gives the same mean loss and accuracy as evaluate() over uneven chunks', async () => {
    const model = createSimpleCnn(spec, initialWeights(spec, 1));
    const probeSet = buildProbeSet(data, indices, spec.numClasses, 5); // chunks of 5, 5, 2
    const { loss, accuracy } = lossAndAccuracy(simpleCnnProbeTarget(model, probeSet));
    const [l, a] = [(await loss.data())[0], (await accuracy!.data())[0]];
    const reference = await evaluate(model, data, indices);
    expect(Math.abs(l - reference.loss)).toBeLessThan(1e-5);
    expect(a).toBeCloseTo(reference.accuracy, 6);
    tf.dispose([loss, accuracy!]);
    probeSet.dispose();
    model.dispose();
  });

  it.each([false, true])(
    'runProbes returns finite numbers, weights bit-identical, numTensors at baseline (batchNorm %s)',
    async (batchNorm) => {
      const s = { ...spec, batchNorm };
      const model = createSimpleCnn(s, initialWeights(s, 2));
      const probeSet = buildProbeSet(data, indices, spec.numClasses, 8);
      const target = simpleCnnProbeTarget(model, probeSet);
      const before = model.weights.map((w) => Float32Array.from(w.dataSync()));
      const baseline = tf.memory().numTensors;
      const r = await runProbes(target, {
        seed: 7,
        eigenvalue: { maxIterations: 3, tolerance: 1e-3 },
        trace: { samples: 2 },
        sharpness: { directions: 2, rho: 0.05, normalization: 'filter', twoSided: false },
        slice: { resolution: 3, range: 0.5 },
      });
      for (const v of [
        r.loss,
        r.accuracy,
        r.gradientNorm,
        r.sharpness?.mean,
        r.sharpness?.max,
        r.sam?.sharpness,
        r.topEigenvalue?.eigenvalue,
        r.trace?.trace,
        ...r.slice!.losses,
        ...r.slice!.accuracies!,
      ]) {
        expect(Number.isFinite(v)).toBe(true);
      }
      expect(r.accuracy).toBeGreaterThanOrEqual(0);
      expect(r.accuracy).toBeLessThanOrEqual(1);
      expect(r.slice!.losses[4]).toBe(r.loss);
      expect(model.weights.map((w) => Float32Array.from(w.dataSync()))).toEqual(before);
      expect(tf.memory().numTensors).toBe(baseline);
      probeSet.dispose();
      model.dispose();
    },
  );
});

describe('least-squares oracle on wasm', () => {
  it('top eigenvalue within 1% of XᵀX/n and SAM sharpness within 1% of its closed form', async () => {
    const { problem, solution } = randomProblem(1, 128, [3, 2, 1, 0.5], 2, 0.3);
    const target = leastSquaresTarget(problem, [solution[0].map((v) => Math.fround(v + 0.3)), solution[1]], 2);
    const [largest] = jacobiEigenvalues(gramMatrix(problem), problem.d + 1);
    const g = gradientAt(problem, paramsOf(target));
    const g2 = dotParams(g, g);
    const rho = 0.05;
    const samWant = rho * Math.sqrt(g2) + (rho * rho * dotParams(g, hessianTimes(problem, g))) / (2 * g2);
    const r = await runProbes(target, {
      seed: 1,
      sam: { rho },
      eigenvalue: { maxIterations: 60, tolerance: 1e-5 },
      trace: false,
      sharpness: false,
      gradientNorm: false,
    });
    expect(Math.abs(r.topEigenvalue!.eigenvalue - largest) / largest).toBeLessThan(0.01);
    expect(Math.abs(r.sam!.sharpness - samWant) / samWant).toBeLessThan(0.01);
    target.dispose();
  });
});
