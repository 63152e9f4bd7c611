// Training throughput of the seed project's SimpleCNN (c=32, 1,147,466 parameters) on tfjs wasm in Node,
// batch 64, Adam, random data, for each step of the kernel set registerWasmTrainingKernels adds.
// Run: npx tsx bench/wasmConvGrad.ts [steps=20] [rounds=2]
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { KernelArgs } from '../src/training/wasmKernels/callWasmKernel';
import { conv2dBackpropFilterWasm, type FilterGradFormulation } from '../src/training/wasmKernels/conv2dBackpropFilter';
import { registerWasmTrainingKernels } from '../src/training/wasmKernels/register';

const BATCH = 64;
const WARMUP_STEPS = 3;
const STEPS = Number(process.argv[2] ?? 20);
const ROUNDS = Number(process.argv[3] ?? 2);
const CHANNELS = 32;

function simpleCnn(c: number): tf.Sequential {
  const model = tf.sequential();
  [c, 2 * c, 4 * c].forEach((filters, i) => {
    model.add(
      tf.layers.conv2d({
        filters,
        kernelSize: 3,
        padding: 'same',
        activation: 'relu',
        ...(i === 0 ? { inputShape: [32, 32, 3] } : {}),
      }),
    );
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

interface Variant {
  name: string;
  filterGrad: FilterGradFormulation;
  forwardConvInputGrad: boolean;
  plainMatMul: boolean;
  scatterMaxPoolGrad: boolean;
}
const VARIANTS: Variant[] = [
  {
    name: 'filter grad (dy as filter) only',
    filterGrad: 'dyAsFilter',
    forwardConvInputGrad: false,
    plainMatMul: false,
    scatterMaxPoolGrad: false,
  },
  {
    name: 'filter grad (auto)',
    filterGrad: 'auto',
    forwardConvInputGrad: false,
    plainMatMul: false,
    scatterMaxPoolGrad: false,
  },
  {
    name: '+ forward-conv input grad',
    filterGrad: 'auto',
    forwardConvInputGrad: true,
    plainMatMul: false,
    scatterMaxPoolGrad: false,
  },
  {
    name: '+ plain BatchMatMul',
    filterGrad: 'auto',
    forwardConvInputGrad: true,
    plainMatMul: true,
    scatterMaxPoolGrad: false,
  },
  {
    name: '+ scatter MaxPoolGrad (= registerWasmTrainingKernels)',
    filterGrad: 'auto',
    forwardConvInputGrad: true,
    plainMatMul: true,
    scatterMaxPoolGrad: true,
  },
];

function replaceKernel(config: tf.KernelConfig): void {
  tf.unregisterKernel(config.kernelName, config.backendName);
  tf.registerKernel(config);
}

async function main(): Promise<void> {
  // The stock kernels, to switch back to; the wasm module registered them on import.
  const kernels = () => ({
    input: tf.getKernel('Conv2DBackpropInput', 'wasm')!,
    matMul: tf.getKernel('BatchMatMul', 'wasm')!,
    maxPoolGrad: tf.getKernel('MaxPoolGrad', 'wasm')!,
  });
  const stock = kernels();
  registerWasmTrainingKernels();
  const ours = kernels();
  const useVariant = (v: Variant) => {
    replaceKernel({
      kernelName: 'Conv2DBackpropFilter',
      backendName: 'wasm',
      kernelFunc: ((args: KernelArgs) => conv2dBackpropFilterWasm(args, v.filterGrad)) as tf.KernelFunc,
    });
    replaceKernel(v.forwardConvInputGrad ? ours.input : stock.input);
    replaceKernel(v.plainMatMul ? ours.matMul : stock.matMul);
    replaceKernel(v.scatterMaxPoolGrad ? ours.maxPoolGrad : stock.maxPoolGrad);
  };

  const wasmFile = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm');
  setWasmPaths(dirname(wasmFile) + '/');
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  if (!(await tf.setBackend('wasm'))) throw new Error('wasm backend did not start');
  await tf.ready();

  const model = simpleCnn(CHANNELS);
  console.log(
    `SimpleCNN c=${CHANNELS}: ${model.countParams()} parameters; batch ${BATCH}, ${STEPS} timed steps, ${ROUNDS} rounds`,
  );
  const optimizer = tf.train.adam(1e-3);
  const x = tf.randomNormal([BATCH, 32, 32, 3]);
  const y = tf.oneHot(tf.randomUniform([BATCH], 0, 10, 'int32') as tf.Tensor1D, 10);

  // Rounds cycle through the variants so drift from other load on the machine hits all of them.
  const results = VARIANTS.map(() => [] as number[]);
  let tensorsAfterFirstRound = 0;
  for (let round = 0; round < ROUNDS; round++) {
    VARIANTS.forEach((v, i) => {
      useVariant(v);
      const ips = measure(model, optimizer, x, y, STEPS);
      results[i].push(ips);
      console.log(`round ${round + 1} ${v.name}: ${ips.toFixed(1)} img/s`);
    });
    // Adam makes its moment variables on the first step; after that the count must not move.
    if (round === 0) tensorsAfterFirstRound = tf.memory().numTensors;
  }
  console.log('best of rounds, images/s:');
  VARIANTS.forEach((v, i) =>
    console.log(
      `  ${Math.max(...results[i])
        .toFixed(1)
        .padStart(6)}  ${v.name}`,
    ),
  );
  console.log(`tensors gained after round 1: ${tf.memory().numTensors - tensorsAfterFirstRound}`);
  const heap = (tf.backend() as unknown as { wasm: { HEAPU8: Uint8Array } }).wasm.HEAPU8.length;
  console.log(`wasm heap: ${(heap / 2 ** 20).toFixed(0)} MiB`);
}

await main();
