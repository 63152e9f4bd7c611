// Training throughput of seed 001's SimpleCNN (c=32, 1,147,466 parameters) on tfjs wasm in Node,
// batch 64, Adam, random data: with the stock Conv2DBackpropInput and with the forward-conv one.
// Run: npx tsx bench/wasmConvGrad.ts [steps=20] [rounds=2]
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerWasmTrainingKernels } from '../src/training/wasmKernels/register';

const BATCH = 64;
const WARMUP_STEPS = 3;
const STEPS = Number(process.argv[2] ?? 20);
const ROUNDS = Number(process.argv[3] ?? 2);
const CHANNELS = 32;

function simpleCnn(c: number): tf.Sequential {
  const model = tf.sequential();
  [c, 2 * c, 4 * c].forEach((filters, i) => {
    model.add(tf.layers.conv2d({
      filters, kernelSize: 3, padding: 'same', activation: 'relu',
      ...(i === 0 ? { inputShape: [32, 32, 3] } : {}),
    }));
    model.add(tf.layers.maxPooling2d({ poolSize: 2, strides: 2 }));
  });
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 512, activation: 'relu' }));
  model.add(tf.layers.dropout({ rate: 0.2 }));
  model.add(tf.layers.dense({ units: 10 }));
  return model;
}

/** Images per second over `steps` optimizer steps, after WARMUP_STEPS untimed ones. */
function measure(model: tf.Sequential, optimizer: tf.Optimizer, x: tf.Tensor, y: tf.Tensor, steps: number): number {
  const step = () => {
    const loss = optimizer.minimize(() => {
      const logits = model.apply(x, { training: true }) as tf.Tensor;
      return tf.losses.softmaxCrossEntropy(y, logits) as tf.Scalar;
    }, true);
    loss!.dataSync();
    loss!.dispose();
  };
  for (let i = 0; i < WARMUP_STEPS; i++) step();
  const start = performance.now();
  for (let i = 0; i < steps; i++) step();
  return (steps * BATCH) / ((performance.now() - start) / 1000);
}

async function main(): Promise<void> {
  // Keep the stock kernel to switch back to; the wasm module registers it on import.
  const stockInput = tf.getKernel('Conv2DBackpropInput', 'wasm')!;
  registerWasmTrainingKernels();
  const forwardInput = tf.getKernel('Conv2DBackpropInput', 'wasm')!;
  const useInputKernel = (config: tf.KernelConfig) => {
    tf.unregisterKernel('Conv2DBackpropInput', 'wasm');
    tf.registerKernel(config);
  };

  const wasmFile = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm');
  setWasmPaths(dirname(wasmFile) + '/');
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  if (!(await tf.setBackend('wasm'))) throw new Error('wasm backend did not start');
  await tf.ready();

  const model = simpleCnn(CHANNELS);
  console.log(`SimpleCNN c=${CHANNELS}: ${model.countParams()} parameters; batch ${BATCH}, ${STEPS} timed steps`);
  const optimizer = tf.train.adam(1e-3);
  const x = tf.randomNormal([BATCH, 32, 32, 3]);
  const y = tf.oneHot(tf.randomUniform([BATCH], 0, 10, 'int32') as tf.Tensor1D, 10);

  // Alternate the two variants so drift from other load on the machine hits both.
  const results: Record<string, number[]> = { stock: [], forwardConv: [] };
  let tensorsAfterFirstRound = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, config] of [['stock', stockInput], ['forwardConv', forwardInput]] as const) {
      useInputKernel(config);
      const ips = measure(model, optimizer, x, y, STEPS);
      results[name].push(ips);
      console.log(`round ${round + 1} Conv2DBackpropInput=${name}: ${ips.toFixed(1)} img/s`);
    }
    // Adam makes its moment variables on the first step; after that the count must not move.
    if (round === 0) tensorsAfterFirstRound = tf.memory().numTensors;
  }
  const best = (v: number[]) => Math.max(...v).toFixed(1);
  console.log(`best img/s: stock input grad ${best(results.stock)}, forward-conv input grad ${best(results.forwardConv)}`);
  console.log(`tensors gained after round 1: ${tf.memory().numTensors - tensorsAfterFirstRound}`);
  const heap = (tf.backend() as unknown as { wasm: { HEAPU8: Uint8Array } }).wasm.HEAPU8.length;
  console.log(`wasm heap: ${(heap / 2 ** 20).toFixed(0)} MiB`);
}

await main();
