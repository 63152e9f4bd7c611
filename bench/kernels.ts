// `npm run bench:kernels [-- --json] [--channels 64] [--batch 128]`: GFLOP/s of each kernel a
// SimpleCNN training step spends its time in, on our kernels (relaxed-SIMD and plain-SIMD builds)
// and on the stock XNNPACK paths, against this machine's multiply-add ceiling (bench/kernels/peak.c).
// Times are CPU time of this thread (process.cpuUsage), so another process on the cores skews
// them less than wall time would; quote ratios from one run. wasm kernels run synchronously, so
// a kernel has finished when its op returns (no readback is timed).
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { initNodeBackend } from '../src/training/nodeBackend';
import { loadFmaKernelsNode, type KernelChoice } from '../src/training/fmaKernels/nodeLoad';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    channels: { type: 'string', default: '64' },
    batch: { type: 'string', default: '128' },
  },
});
const c = Number(values.channels);
const batch = Number(values.batch);

function cpuMs(f: () => void, repeats: number): number {
  // V8 compiles wasm with Liftoff first and swaps in TurboFan code between calls (no OSR): warm up.
  for (let i = 0; i < 3; i++) f();
  const start = process.cpuUsage();
  for (let i = 0; i < repeats; i++) f();
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000 / repeats;
}

/** The multiply-add ceiling: twelve independent FMA (or mul+add) chains per iteration. */
async function ceiling(build: 'relaxed' | 'simd'): Promise<number> {
  setFlagsFromString('--experimental-wasm-relaxed-simd');
  const bytes = readFileSync(new URL(`./kernels/peak-${build}.wasm`, import.meta.url));
  const { instance } = await WebAssembly.instantiate(bytes, {});
  const peak = instance.exports.peak as (n: number, s: number) => number;
  const n = 2e7;
  return (n * 12 * 8) / cpuMs(() => peak(n, 1), 2) / 1e6;
}

interface Op {
  name: string;
  flops: number;
  run: () => void;
}

function ops(): Op[] {
  const conv = (h: number, ci: number, co: number): Op[] => {
    const x = tf.randomNormal([batch, h, h, ci]) as tf.Tensor4D;
    const w = tf.randomNormal([3, 3, ci, co]) as tf.Tensor4D;
    const dy = tf.randomNormal([batch, h, h, co]) as tf.Tensor4D;
    const flops = 2 * batch * h * h * 9 * ci * co;
    const shape = `${h}x${h}x${ci}->${co}`;
    const list: Op[] = [
      { name: `Conv2D ${shape}`, flops, run: () => tf.tidy(() => tf.conv2d(x, w, 1, 'same')) },
      {
        name: `Conv2DBackpropFilter ${shape}`,
        flops,
        run: () => tf.tidy(() => filterGrad(x, dy, ci, co)),
      },
    ];
    if (ci > 3) {
      list.push({
        name: `Conv2DBackpropInput ${shape}`,
        flops,
        run: () => tf.tidy(() => tf.conv2dTranspose(dy, w, [batch, h, h, ci], 1, 'same')),
      });
    }
    return list;
  };
  const flat = 16 * 4 * c;
  const h = tf.randomNormal([batch, flat]) as tf.Tensor2D;
  const w1 = tf.randomNormal([flat, 512]) as tf.Tensor2D;
  const g = tf.randomNormal([batch, 512]) as tf.Tensor2D;
  const dense = 2 * batch * flat * 512;
  return [
    ...conv(32, 3, c),
    ...conv(16, c, 2 * c),
    ...conv(8, 2 * c, 4 * c),
    { name: `MatMul fc1 ${batch}x${flat}x512`, flops: dense, run: () => tf.tidy(() => tf.matMul(h, w1)) },
    {
      name: `MatMul fc1 dx (B^T)`,
      flops: dense,
      run: () => tf.tidy(() => tf.matMul(g, w1, false, true)),
    },
    {
      name: `MatMul fc1 dW (A^T)`,
      flops: dense,
      run: () => tf.tidy(() => tf.matMul(h, g, true, false)),
    },
  ];
}

function filterGrad(x: tf.Tensor4D, dy: tf.Tensor4D, ci: number, co: number): tf.Tensor {
  const attrs = { strides: [1, 1], pad: 'same', dataFormat: 'NHWC', filterShape: [3, 3, ci, co] };
  return tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor;
}

await initNodeBackend('wasm');
const ceilings = { relaxed: await ceiling('relaxed'), simd: await ceiling('simd') };
const choices: KernelChoice[] = ['relaxed', 'simd', 'xnnpack'];
const list = ops();
const table: Record<string, Record<string, number>> = {};
for (const choice of choices) {
  await loadFmaKernelsNode(choice, 1); // per-kernel figures on one thread: the ceiling is per core
  for (const op of list) {
    const ms = cpuMs(op.run, 3);
    (table[op.name] ??= {})[choice] = op.flops / ms / 1e6;
  }
}
await loadFmaKernelsNode('auto', 1);

if (values.json) {
  console.log(JSON.stringify({ channels: c, batch, ceilingGflops: ceilings, gflops: table }));
} else {
  console.log(
    `Multiply-add ceiling of one core: ${ceilings.relaxed.toFixed(1)} GFLOP/s with FMA (relaxed), ` +
      `${ceilings.simd.toFixed(1)} with mul+add (plain SIMD). c=${c}, batch ${batch}; GFLOP/s (share of the FMA ceiling):`,
  );
  console.log(
    `${'kernel'.padEnd(36)} ${'ours relaxed'.padStart(14)} ${'ours plain'.padStart(14)} ${'XNNPACK'.padStart(14)}`,
  );
  const cell = (v: number) => `${v.toFixed(1)} (${((100 * v) / ceilings.relaxed).toFixed(0)}%)`.padStart(14);
  for (const [name, row] of Object.entries(table)) {
    console.log(`${name.padEnd(36)} ${cell(row.relaxed)} ${cell(row.simd)} ${cell(row.xnnpack)}`);
  }
}
