import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
setWasmPaths(dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + '/');
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
await tf.setBackend('wasm');
function time(f: () => tf.Tensor[], n = 10) { for (let i = 0; i < 2; i++) tf.dispose(f());
  const t = performance.now(); for (let i = 0; i < n; i++) tf.dispose(f()); return ((performance.now() - t) / n).toFixed(2); }
const x = tf.randomNormal([64, 2048]); const w = tf.randomNormal([2048, 512]); const dy = tf.randomNormal([64, 512]);
console.log('x@w cached', time(() => [tf.matMul(x, w)]));
console.log('x@w fresh w', time(() => { const f = tf.add(w, 0); return [f, tf.matMul(x, f)]; }), 'add', time(() => [tf.add(w, 0)]));
console.log('x@w fresh x', time(() => { const f = tf.add(x, 0); return [f, tf.matMul(f, w)]; }));
console.log('dy@wT: transpose w then matmul', time(() => { const f = tf.transpose(w); return [f, tf.matMul(dy, f)]; }));
console.log('dy@wT: (w@dyT)T', time(() => { const f = tf.transpose(dy); const r = tf.matMul(w, f); return [f, r, tf.transpose(r)]; }));
console.log('xT@dy: transpose x then matmul (fresh dy)', time(() => { const d = tf.add(dy, 0); const f = tf.transpose(x); return [d, f, tf.matMul(f, d)]; }));
console.log('xT@dy: (dyT@x)T', time(() => { const d = tf.add(dy, 0); const f = tf.transpose(d); const r = tf.matMul(f, x); return [d, f, r, tf.transpose(r)]; }));
// big-K matmul like im2col filter grad: [288, 16384] @ [16384, 64]
const A = tf.randomNormal([288, 16384]); const B = tf.randomNormal([16384, 64]);
console.log('im2colT@dy 288x16384x64 fresh B', time(() => { const f = tf.add(B, 0); return [f, tf.matMul(A, f)]; }));
console.log('dyT@im2col 64x16384x288 fresh B', time(() => { const f = tf.add(A, 0).reshape([16384, 288]); return [f, tf.matMul(B.reshape([64, 16384]), f)]; }));
