// Cost of the tier-2 probes on SimpleCNN c=32 (1,147,466 parameters), wasm backend in Node, real
// CIFAR-10, compared with training the same model on the same backend in the same run.
// Run: npx tsx bench/probes.ts [--json] [--probe-size 256] [--grid 21]
import * as tf from '@tensorflow/tfjs';
import { loadCifar10 } from '../src/cli/nodeDataset';
import { makeBatch, type LabelledImages } from '../src/training/batches';
import { initNodeBackend } from '../src/training/nodeBackend';
import { createSimpleCnn } from '../src/training/simpleCnn';
import { initialWeights, parameterCount, type SimpleCnnSpec } from '../src/training/simpleCnnSpec';
import { buildProbeSet, simpleCnnProbeTarget } from '../src/training/probes/cnnProbeTarget';
import { drawGaussianDirections } from '../src/training/probes/filterNormalization';
import { gradientNorm } from '../src/training/probes/gradientNorm';
import { hessianTrace, topHessianEigenvalue } from '../src/training/probes/hessian';
import { landscapeSlice } from '../src/training/probes/landscapeSlice';
import { lossAndGradient, type ProbeTarget } from '../src/training/probes/probeTarget';
import { samSharpness } from '../src/training/probes/samSharpness';
import { randomDirectionSharpness } from '../src/training/probes/sharpness';
import { shapesOf } from '../src/training/probes/weightSpace';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`Expected ${name} to be a positive integer, but got ${args[i + 1]}`);
  return value;
};
const JSON_OUTPUT = args.includes('--json');
// 1,000 images and a 21x21 grid take ~8 minutes for the slice alone on 2 cores; 256 keeps the run near 4.
const PROBE_SIZE = option('--probe-size', 256);
const GRID = option('--grid', 21);
const TRAIN_BATCH = 64;
const TRAIN_STEPS = 10;
const WARMUP_STEPS = 2;
const K = 5;
const EIGEN_ITERATIONS = 20;
const TRACE_SAMPLES = 10;
const PROBE_OFFSET = 45_000; // probe images come from the end of the training split, away from the training batches

const log = (line: string) => {
  if (!JSON_OUTPUT) console.log(line);
};

async function trainSteps(
  model: ReturnType<typeof createSimpleCnn>,
  data: LabelledImages,
  order: Int32Array,
): Promise<number> {
  const optimizer = tf.train.adam(1e-3);
  const step = (i: number) => {
    const { x, y } = makeBatch(data, order, i * TRAIN_BATCH, TRAIN_BATCH, 10);
    const cost = optimizer.minimize(
      () => tf.losses.softmaxCrossEntropy(y, model.apply(x, true, i)) as tf.Scalar,
      true,
      model.weights,
    );
    tf.dispose([x, y]);
    return cost!;
  };
  for (let i = 0; i < WARMUP_STEPS; i++) {
    const c = step(i);
    await c.data();
    c.dispose();
  }
  const started = performance.now();
  const costs = Array.from({ length: TRAIN_STEPS }, (_, i) => step(WARMUP_STEPS + i));
  const last = costs[costs.length - 1];
  await last.data();
  const ms = performance.now() - started;
  tf.dispose(costs);
  optimizer.dispose();
  return (TRAIN_STEPS * TRAIN_BATCH) / (ms / 1000);
}

interface Row {
  probe: string;
  ms: number;
  passes: number;
  note: string;
}

async function time<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await run();
  return { ms: performance.now() - started, result };
}

async function main(): Promise<void> {
  const report = await initNodeBackend('wasm');
  const train = loadCifar10('train');
  const data: LabelledImages = { images: train.images, labels: train.labels };
  const spec: SimpleCnnSpec = { channels: 32, numClasses: 10, dropout: 0.2, imageSize: 32 };
  const model = createSimpleCnn(spec, initialWeights(spec, 1));
  log(`backend ${report.backend}; SimpleCNN c=32, ${parameterCount(spec).toLocaleString('en')} parameters`);

  // 1. Training throughput, same model and backend: 10 timed Adam steps at batch 64 after 2 untimed.
  const trainImagesPerSecond = await trainSteps(
    model,
    data,
    Int32Array.from({ length: (WARMUP_STEPS + TRAIN_STEPS) * TRAIN_BATCH }, (_, i) => i),
  );
  const epochMs = (PROBE_SIZE / trainImagesPerSecond) * 1000;
  log(
    `training: ${trainImagesPerSecond.toFixed(1)} images/s (${TRAIN_STEPS} steps at batch ${TRAIN_BATCH}); one epoch over ${PROBE_SIZE} images ≈ ${epochMs.toFixed(0)} ms (extrapolated), over 50,000 ≈ ${(50_000 / trainImagesPerSecond / 60).toFixed(1)} min`,
  );
  log(`weights: after those ${WARMUP_STEPS + TRAIN_STEPS} Adam steps (lr 1e-3), i.e. barely trained`);

  // 2. The fixed probe set, on the device once; the study's directions, drawn once.
  const probeSet = buildProbeSet(
    data,
    Int32Array.from({ length: PROBE_SIZE }, (_, i) => PROBE_OFFSET + i),
    10,
    128,
  );
  const target: ProbeTarget = simpleCnnProbeTarget(model, probeSet);
  const draw = await time(async () => drawGaussianDirections(shapesOf(model.weights), K, 1));
  const directions = draw.result;
  log(
    `probe set: ${PROBE_SIZE} images in ${probeSet.batches.length} batches; ${K} directions drawn in ${draw.ms.toFixed(0)} ms (once per study)`,
  );
  const warm = lossAndGradient(target); // first-use allocations stay out of the timings
  tf.dispose([warm.loss, ...warm.grads]);

  const rows: Row[] = [];
  const g = await time(() => gradientNorm(target));
  rows.push({
    probe: 'gradientNorm',
    ms: g.ms,
    passes: 1,
    note: `|g| = ${g.result.gradientNorm.toFixed(4)}, loss ${g.result.loss.toFixed(4)}`,
  });
  const sh = await time(() => randomDirectionSharpness(target, { directions, rho: 0.05, normalization: 'filter' }));
  rows.push({
    probe: 'sharpness',
    ms: sh.ms,
    passes: K + 1,
    note: `K=${K}, rho 0.05: mean ${sh.result.mean.toFixed(4)}, max ${sh.result.max.toFixed(4)}`,
  });
  const sam = await time(() => samSharpness(target, 0.05));
  rows.push({ probe: 'sam', ms: sam.ms, passes: 2, note: `rho 0.05: ${sam.result.sharpness.toFixed(4)}` });
  const eig = await time(() =>
    topHessianEigenvalue(target, { seed: 1, maxIterations: EIGEN_ITERATIONS, tolerance: 1e-3 }),
  );
  rows.push({
    probe: 'eigenvalue',
    ms: eig.ms,
    passes: 2 * eig.result.iterations,
    note: `λmax ${eig.result.eigenvalue.toFixed(3)} after ${eig.result.iterations} iterations${eig.result.converged ? '' : ' (not converged)'}`,
  });
  const tr = await time(() => hessianTrace(target, { seed: 1, samples: TRACE_SAMPLES }));
  rows.push({
    probe: 'trace',
    ms: tr.ms,
    passes: 2 * TRACE_SAMPLES,
    note: `${tr.result.trace.toFixed(1)} ± ${tr.result.standardError.toFixed(1)} (${TRACE_SAMPLES} samples)`,
  });
  const sl = await time(() =>
    landscapeSlice(target, {
      directions: [directions[0], directions[1]],
      resolution: GRID,
      range: 1,
      onRow: (r) => {
        if (!JSON_OUTPUT) process.stdout.write(`\rslice row ${r.row + 1}/${GRID}`);
      },
    }),
  );
  log('');
  const centre = sl.result.losses[(GRID * GRID - 1) / 2];
  rows.push({
    probe: `slice${GRID}`,
    ms: sl.ms,
    passes: GRID * GRID,
    note: `${GRID}x${GRID} over [-1, 1]², loss ${Math.min(...sl.result.losses).toFixed(3)}..${Math.max(...sl.result.losses).toFixed(3)}, centre ${centre.toFixed(4)}`,
  });

  // "passes" are passes over the probe set; a gradient counts as one (its forward and backward).
  if (JSON_OUTPUT) {
    for (const r of rows) {
      console.log(
        JSON.stringify({
          probe: r.probe,
          backend: report.backend,
          ms: Math.round(r.ms),
          epochMs: Math.round(epochMs),
          ratioToEpoch: Number((r.ms / epochMs).toFixed(3)),
          imagesPerSecond: Math.round((r.passes * PROBE_SIZE) / (r.ms / 1000)),
          trainImagesPerSecond: Math.round(trainImagesPerSecond),
          probeSize: PROBE_SIZE,
          passes: r.passes,
        }),
      );
    }
  } else {
    console.log(
      `\n${'probe'.padEnd(13)}${'ms'.padStart(9)}${'passes'.padStart(8)}${'img/s'.padStart(8)}${'x epoch'.padStart(9)}  result`,
    );
    for (const r of rows) {
      console.log(
        `${r.probe.padEnd(13)}${r.ms.toFixed(0).padStart(9)}${String(r.passes).padStart(8)}${((r.passes * PROBE_SIZE) / (r.ms / 1000)).toFixed(0).padStart(8)}${(r.ms / epochMs).toFixed(2).padStart(9)}  ${r.note}`,
      );
    }
    console.log(
      `\nx epoch = probe time / time to train one epoch of ${PROBE_SIZE} images (${epochMs.toFixed(0)} ms, extrapolated from ${TRAIN_STEPS} steps). img/s counts images through the network; a gradient pass counts once.`,
    );
  }
  probeSet.dispose();
  model.dispose();
}

await main();
