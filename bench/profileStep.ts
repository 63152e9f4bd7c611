// Per-kernel time of one SimpleCNN training step (Adam + L2, as trainTrial runs it) on tfjs wasm in
// Node, from tf.profile: where a step's time goes at a given width.
// Run: npx tsx bench/profileStep.ts [channels=64] [batch=128] [steps=3]; LLP_KERNELS=xnnpack for the
// stock kernels, LLP_KERNELS=simd for our plain-SIMD build.
import * as tf from '@tensorflow/tfjs';
import { initNodeBackend } from '../src/training/nodeBackend';
import { createSimpleCnn } from '../src/training/simpleCnn';
import { initialWeights, type SimpleCnnSpec } from '../src/training/simpleCnnSpec';

const channels = Number(process.argv[2] ?? 64);
const batch = Number(process.argv[3] ?? 128);
const steps = Number(process.argv[4] ?? 3);

const report = await initNodeBackend('wasm');
const spec: SimpleCnnSpec = { channels, numClasses: 10, dropout: 0.2, imageSize: 32 };
const model = createSimpleCnn(spec, initialWeights(spec, 1));
const optimizer = tf.train.adam(1e-3);
const x = tf.randomNormal([batch, 32, 32, 3]) as tf.Tensor4D;
const y = tf.oneHot(tf.randomUniform([batch], 0, 10, 'int32') as tf.Tensor1D, 10);
const step = () =>
  optimizer
    .minimize(
      () => {
        const ce = tf.losses.softmaxCrossEntropy(y, model.apply(x, true, 7));
        const l2 = tf.addN(model.weights.map((w) => tf.sum(tf.square(w))));
        return tf.add(ce, tf.mul(2.5e-4, l2)) as tf.Scalar;
      },
      true,
      model.weights,
    )
    ?.dispose();
for (let i = 0; i < 3; i++) step();
// CPU time of unprofiled steps: steadier than wall time when other work shares the cores.
const cpu0 = process.cpuUsage();
for (let i = 0; i < steps; i++) step();
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000 / steps;
const t0 = performance.now();
const info = await tf.profile(() => {
  for (let i = 0; i < steps; i++) step();
});
const wallMs = (performance.now() - t0) / steps;
const byKernel = new Map<string, { ms: number; calls: number }>();
for (const k of info.kernels) {
  const key = `${k.name} ${JSON.stringify(k.inputShapes)}`;
  const e = byKernel.get(key) ?? { ms: 0, calls: 0 };
  e.ms += (k.kernelTimeMs as number) / steps;
  e.calls += 1 / steps;
  byKernel.set(key, e);
}
const total = [...byKernel.values()].reduce((a, e) => a + e.ms, 0);
console.log(
  `c=${channels} b=${batch}, ${report.detail}: ${cpuMs.toFixed(0)} ms/step CPU time (${((batch / cpuMs) * 1000).toFixed(0)} img/s); ` +
    `profiled: ${wallMs.toFixed(0)} ms/step wall, kernels ${total.toFixed(0)} ms`,
);
for (const [k, e] of [...byKernel].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25)) {
  console.log(
    `${e.ms.toFixed(1).padStart(7)} ms ${((100 * e.ms) / total).toFixed(1).padStart(5)}%  x${e.calls.toFixed(0)}  ${k}`,
  );
}
