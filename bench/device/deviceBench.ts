// The GPU machine's benchmark, bundled by pack.ts and started by run.sh: SimpleCNN training
// images/s on webgpu (Dawn in Node worker threads, the trainer the page runs) for each
// configuration and pool size, on synthetic data, beside the PyTorch CUDA rows run.sh measured
// first; prints one JSON line per row, then a table with the ratios. Stops starting rows once
// --budget-s is spent, so the whole run stays inside its time limit.
import { appendFileSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { parseBackendFlag } from '../../src/cli/backendFlag';
import { createRng } from '../../src/core/rng';
import type { WorkerFactory } from '../../src/orchestrator/workerPool';
import type { TrainerApi } from '../../workers/protocol';
import { poolThroughput, type BenchRow } from '../poolThroughput';

const { values } = parseArgs({
  options: {
    configs: { type: 'string', default: '32x64,32x128,64x64,64x128' },
    pools: { type: 'string', default: '1,2,4' },
    steps: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    images: { type: 'string', default: '1024' },
    'budget-s': { type: 'string', default: '200' },
    pytorch: { type: 'string' },
    out: { type: 'string' },
  },
});

const positive = (name: string, v: string | undefined) => {
  const n = Number(v);
  if (!(Number.isInteger(n) && n >= 1)) throw new Error(`Expected --${name} to be a positive integer, but got ${v}`);
  return n;
};
const configs = values.configs!.split(',').map((s) => {
  const m = /^(\d+)x(\d+)$/.exec(s.trim());
  if (!m) throw new Error(`Expected --configs as channelsxbatch pairs, e.g. 32x64,64x128, but got "${s}"`);
  return { channels: Number(m[1]), batchSize: Number(m[2]) };
});
const pools = values.pools!.split(',').map((p) => positive('pools', p));
const [steps, warmupSteps, count, budgetS] = [
  positive('steps', values.steps),
  positive('warmup', values.warmup),
  positive('images', values.images),
  positive('budget-s', values['budget-s']),
];

const emit = (row: object) => {
  const line = JSON.stringify(row);
  console.log(line);
  if (values.out) appendFileSync(values.out, line + '\n');
};

// CIFAR-shaped random bytes and balanced labels: throughput does not depend on the pixels.
const rng = createRng(2026);
const images = new Uint8Array(new SharedArrayBuffer(count * 3072));
for (let i = 0; i < images.length; i++) images[i] = rng.nextInt(256);
const dataset = { images, labels: Uint8Array.from({ length: count }, (_, i) => i % 10), numClasses: 10 };

// The bundled trainer beside this file (pack.ts builds both from the repo's sources).
const factory: WorkerFactory = () => {
  const worker = new Worker(new URL('./trainer.mjs', import.meta.url));
  const crashed = new Promise<string>((resolve) => {
    worker.on('error', (e) => resolve(`worker error: ${e.message}`));
    worker.on('exit', (code) => resolve(`worker exited with code ${code}`));
  });
  return { api: Comlink.wrap<TrainerApi>(nodeEndpoint(worker)), crashed, terminate: () => void worker.terminate() };
};

const torch: BenchRow[] = values.pytorch
  ? readFileSync(values.pytorch, 'utf8')
      .split('\n')
      .filter((l) => l.trim().startsWith('{'))
      .map((l) => JSON.parse(l) as BenchRow)
  : [];
torch.forEach(emit);

parseBackendFlag('webgpu', (line) => console.error(line));
const t0 = performance.now();
const rows: BenchRow[] = [];
for (const workers of pools) {
  for (const c of configs) {
    const started = performance.now();
    if ((started - t0) / 1000 > budgetS) {
      emit({ runtime: 'node', backend: 'webgpu', ...c, workers, skipped: `time budget of ${budgetS} s spent` });
      continue;
    }
    const row = await poolThroughput('node', factory, dataset, 'webgpu', { ...c, warmupSteps, steps }, workers);
    rows.push(row);
    emit({ ...row, seconds: Math.round((performance.now() - started) / 100) / 10 });
    if (row.error && /adapter|Dawn|Vulkan/i.test(row.error)) {
      console.error(`webgpu could not start: ${row.error}`);
      process.exit(1);
    }
  }
}

// Ratios to PyTorch CUDA, measured in this run on the same machine.
console.log(`\nwebgpu: ${rows.find((r) => r.detail)?.detail ?? 'no adapter'}`);
console.log(
  'channels  batch  pytorch img/s  ' +
    pools.map((p) => `webgpu x${p}`.padStart(11)).join('  ') +
    '  best/pytorch  dispatches/step',
);
for (const c of configs) {
  const ref = torch.find((r) => r.channels === c.channels && r.batchSize === c.batchSize);
  const mine = pools.map((p) =>
    rows.find((r) => r.workers === p && r.channels === c.channels && r.batchSize === c.batchSize),
  );
  const best = Math.max(0, ...mine.map((r) => r?.imagesPerSecond ?? 0));
  const dispatches = mine.find((r) => r?.gpuWorkPerStep)?.gpuWorkPerStep?.dispatches;
  console.log(
    `${String(c.channels).padStart(8)}  ${String(c.batchSize).padStart(5)}  ${(ref ? ref.imagesPerSecond.toFixed(1) : '—').padStart(13)}  ` +
      mine.map((r) => (r ? r.imagesPerSecond.toFixed(1) : '—').padStart(11)).join('  ') +
      `  ${(ref && best ? (best / ref.imagesPerSecond).toFixed(3) : '—').padStart(12)}  ${dispatches ?? '—'}`,
  );
}
process.exit(rows.some((r) => r.error) ? 1 : 0);
