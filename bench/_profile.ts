import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerWasmTrainingKernels } from '../src/training/wasmKernels/register';
registerWasmTrainingKernels();
const times = new Map<string, number>();
let depth = 0;
for (const k of tf.getKernelsForBackend('wasm')) {
  const f = k.kernelFunc;
  const name = k.kernelName;
  tf.unregisterKernel(name, 'wasm');
  tf.registerKernel({ ...k, kernelFunc: ((a: never) => { depth++; const t = performance.now(); try { return f(a); } finally { depth--; if (depth === 0 || true) times.set(name + (depth ? '(inner)' : ''), (times.get(name + (depth ? '(inner)' : '')) ?? 0) + performance.now() - t); } }) as tf.KernelFunc });
}
setWasmPaths(dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + '/');
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
await tf.setBackend('wasm');
const c = 32; const model = tf.sequential();
[c, 2 * c, 4 * c].forEach((filters, i) => { model.add(tf.layers.conv2d({ filters, kernelSize: 3, padding: 'same', activation: 'relu', ...(i === 0 ? { inputShape: [32, 32, 3] } : {}) })); model.add(tf.layers.maxPooling2d({ poolSize: 2, strides: 2 })); });
model.add(tf.layers.flatten()); model.add(tf.layers.dense({ units: 512, activation: 'relu' })); model.add(tf.layers.dropout({ rate: 0.2 })); model.add(tf.layers.dense({ units: 10 }));
const opt = tf.train.adam(1e-3);
const x = tf.randomNormal([64, 32, 32, 3]); const y = tf.oneHot(tf.randomUniform([64], 0, 10, 'int32') as tf.Tensor1D, 10);
const step = () => { const l = opt.minimize(() => tf.losses.softmaxCrossEntropy(y, model.apply(x, { training: true }) as tf.Tensor) as tf.Scalar, true); l!.dataSync(); l!.dispose(); };
for (let i = 0; i < 3; i++) step();
times.clear();
const N = 10; const t0 = performance.now(); for (let i = 0; i < N; i++) step(); const total = performance.now() - t0;
console.log('ms/step', (total / N).toFixed(1), 'img/s', (N * 64 / total * 1000).toFixed(1));
[...times.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25).forEach(([k, v]) => console.log(k.padEnd(32), (v / N).toFixed(1)));
