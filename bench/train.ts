// `npm run bench:train [-- --json] [--quick] [--no-browser] [--no-pytorch] [--backend webgpu]`:
// steady-state SimpleCNN training images/s on every backend this machine runs — Node (wasm, cpu;
// webgpu through Dawn with --backend webgpu) and headless Chromium (webgpu, webgl, wasm) — single
// worker and as a pool, plus PyTorch on the same model in the same run, and the ratio of the best
// browser backend to PyTorch. On webgpu each row also gives one step's dispatches, uploads and readbacks.
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { loadCifar10 } from '../src/cli/nodeDataset';
import { nodeWorkerFactory } from '../src/cli/nodeWorkers';
import { backendFlagOrExit } from '../src/cli/backendFlag';
import { hasGpuDeviceNode } from '../src/training/nodeWebGpu';
import type { BackendName, ThroughputRequest } from '../workers/protocol';
import { runBrowserBench } from './browserBench';
import { poolThroughput, type BenchRow } from './poolThroughput';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    'no-pytorch': { type: 'boolean', default: false },
    'no-node': { type: 'boolean', default: false },
    cpu: { type: 'boolean', default: false },
    backend: { type: 'string' },
  },
});
const nodeBackend = backendFlagOrExit(values.backend) ?? 'wasm';
// SwiftShader runs a c=32 step in tens of seconds: few steps, one worker. The per-step counts are
// exact all the same; its images/s say nothing about a GPU.
const softwareGpu = nodeBackend === 'webgpu' && !hasGpuDeviceNode();

const rows: BenchRow[] = [];
const emit = (row: BenchRow) => {
  rows.push(row);
  if (values.json) console.log(JSON.stringify(row));
  else {
    console.error(
      `  ${row.runtime.padEnd(8)} ${row.backend.padEnd(12)} c=${row.channels} b=${String(row.batchSize).padEnd(3)} workers=${row.workers}  ${row.imagesPerSecond.toFixed(1)} img/s${row.detail ? `  [${row.detail}]` : ''}${row.error ? `  (${row.error})` : ''}`,
    );
    const w = row.gpuWorkPerStep;
    if (w) {
      const top = Object.entries(w.byProgram)
        .slice(0, 6)
        .map(([k, v]) => `${k.replace(/Program$/, '')} ${v}`)
        .join(', ');
      console.error(
        `           per step: ${w.dispatches} dispatches, ${w.uploads} uploads (${(w.uploadBytes / 1024).toFixed(0)} KiB), ${w.readbacks} readbacks, ${w.submits} submits; ${top}`,
      );
    }
  }
};

const configs: [number, number][] = values.quick
  ? [[32, 64]]
  : [
      [32, 64],
      [32, 128],
      [64, 64],
      [64, 128],
    ];
const cores = availableParallelism();
const steps = values.quick ? 8 : 16;

// 1. PyTorch first, on a quiet machine: the reference every ratio is taken against.
if (!values['no-pytorch']) {
  try {
    const out = execFileSync(
      '/usr/bin/python3',
      [
        'bench/pytorch_simplecnn.py',
        '--threads',
        String(cores),
        '--steps',
        String(steps),
        '--configs',
        configs.map(([c, b]) => `${c}x${b}`).join(','),
      ],
      { encoding: 'utf8', timeout: 600_000 },
    );
    out
      .trim()
      .split('\n')
      .forEach((line) => emit(JSON.parse(line) as BenchRow));
  } catch (e) {
    console.error(
      `PyTorch reference skipped (${e instanceof Error ? e.message.split('\n')[0] : e}); install it with apt-get install -y python3-torch`,
    );
  }
}

// 2. Node: wasm (and cpu, which is ~100x slower: one configuration, few steps) in worker_threads.
if (!values['no-node']) {
  const train = loadCifar10('train');
  const dataset = {
    images: new Uint8Array(train.images.buffer, 0, 4096 * 3072).slice(),
    labels: train.labels.slice(0, 4096),
    numClasses: 10,
  };
  const plan: { backend: BackendName; req: ThroughputRequest }[] = [
    ...configs.map(([channels, batchSize]) => ({
      backend: nodeBackend,
      req: softwareGpu
        ? { channels, batchSize, warmupSteps: 1, steps: 2 }
        : { channels, batchSize, warmupSteps: 3, steps },
    })),
    // tfjs's cpu backend trains at about 1 image/s: a few minutes for one step, so only on request.
    ...(values.cpu
      ? [{ backend: 'cpu' as const, req: { channels: 32, batchSize: 64, warmupSteps: 1, steps: 2 } }]
      : []),
  ];
  for (const { backend, req } of plan) emit(await poolThroughput('node', nodeWorkerFactory, dataset, backend, req, 1));
  // The pool, all training at once as in a study: one wasm worker per core; on a GPU, up to 4 workers share it.
  const poolSize = nodeBackend === 'webgpu' ? Math.min(cores, 4) : cores;
  for (const [channels, batchSize] of softwareGpu ? [] : configs.slice(0, 1)) {
    emit(
      await poolThroughput(
        'node',
        nodeWorkerFactory,
        dataset,
        nodeBackend,
        { channels, batchSize, warmupSteps: 3, steps },
        poolSize,
      ),
    );
  }
}

// 3. Chromium: the same worker code in Web Workers, every backend the browser has.
if (!values['no-browser']) await runBrowserBench({ configs, steps, cores, quick: values.quick }, emit);

// 4. Ratios to PyTorch for the same model and batch, measured in this run.
const torch = rows.filter((r) => r.runtime === 'pytorch');
const browser = rows.filter((r) => r.runtime === 'chromium');
const summary = configs.map(([c, b]) => {
  const ref = torch.find((r) => r.channels === c && r.batchSize === b);
  const best = browser
    .filter((r) => r.channels === c && r.batchSize === b)
    .sort((x, y) => y.imagesPerSecond - x.imagesPerSecond)[0];
  return {
    channels: c,
    batchSize: b,
    pytorch: ref?.imagesPerSecond ?? null,
    bestBrowser: best ? `${best.backend} x${best.workers}` : null,
    bestBrowserImagesPerSecond: best?.imagesPerSecond ?? null,
    ratio: ref && best ? best.imagesPerSecond / ref.imagesPerSecond : null,
  };
});
if (values.json) summary.forEach((s) => console.log(JSON.stringify({ summary: true, ...s })));
else {
  console.log('\nchannels  batch  pytorch img/s  best browser        img/s    ratio');
  for (const s of summary)
    console.log(
      `${String(s.channels).padStart(8)}  ${String(s.batchSize).padStart(5)}  ${(s.pytorch?.toFixed(1) ?? '—').padStart(13)}  ${(s.bestBrowser ?? '—').padEnd(18)}  ${(s.bestBrowserImagesPerSecond?.toFixed(1) ?? '—').padStart(6)}  ${s.ratio?.toFixed(2) ?? '—'}`,
    );
}
process.exit(0);
