import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
setWasmPaths(dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + '/');
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
await tf.setBackend('wasm');
const x = tf.randomNormal([64, 2048]); const w = tf.randomNormal([2048, 512]); const dy = tf.randomNormal([64, 512]);
const xt = x.transpose(); const wt = w.transpose(); 
const cases: [string, () => tf.Tensor][] = [
  ['fwd x@w', () => tf.matMul(x, w)],
  ['dx dy@w^T (tB)', () => tf.matMul(dy, w, false, true)],
  ['dx dy@wt (explicit)', () => tf.matMul(dy, wt)],
  ['dW x^T@dy (tA)', () => tf.matMul(x, dy, true, false)],
  ['dW xt@dy (explicit)', () => tf.matMul(xt, dy)],
  ['transpose x', () => x.transpose()],
];
for (const [n, f] of cases) {
  for (let i = 0; i < 3; i++) f().dispose();
  const t = performance.now(); for (let i = 0; i < 10; i++) { const r = f(); r.dataSync(); r.dispose(); }
  console.log(n.padEnd(24), ((performance.now() - t) / 10).toFixed(2), 'ms');
}
