// Aggregate training throughput of N workers training at once (each its own SimpleCNN), the way a
// study runs: the sum of the workers' steady-state images/s over the same wall-clock window.
import type { WorkerFactory } from '../src/orchestrator/workerPool';
import type {
  BackendName,
  DatasetTransfer,
  InitRequest,
  ThroughputRequest,
  ThroughputResult,
} from '../workers/protocol';

export interface BenchRow {
  runtime: 'node' | 'chromium' | 'pytorch';
  backend: string;
  channels: number;
  batchSize: number;
  workers: number;
  imagesPerSecond: number;
  error?: string;
  /** webgpu: dispatches, uploads and readbacks of one training step (the first worker's). */
  gpuWorkPerStep?: ThroughputResult['gpuWorkPerStep'];
  /** The backend as the first worker describes it (e.g. the WebGPU adapter). */
  detail?: string;
}

export async function poolThroughput(
  runtime: BenchRow['runtime'],
  factory: WorkerFactory,
  dataset: DatasetTransfer,
  backend: BackendName,
  req: ThroughputRequest,
  workers: number,
  extra: Partial<InitRequest> = {},
): Promise<BenchRow> {
  const row = { runtime, backend, channels: req.channels, batchSize: req.batchSize, workers };
  const handles = Array.from({ length: workers }, () => factory());
  try {
    const inits = await Promise.all(handles.map((h) => h.api.init({ ...extra, dataset, forcedBackend: backend })));
    const failed = inits.find((o) => !o.ok);
    if (failed && !failed.ok) return { ...row, imagesPerSecond: 0, error: failed.error.message };
    const results = await Promise.all(handles.map((h, i) => h.api.measureThroughput({ ...req, seed: i + 1 })));
    const bad = results.find((o) => !o.ok);
    if (bad && !bad.ok) return { ...row, imagesPerSecond: 0, error: bad.error.message };
    const ips = results.reduce((sum, o) => sum + (o.ok ? o.value.imagesPerSecond : 0), 0);
    const work = results[0].ok ? results[0].value.gpuWorkPerStep : undefined;
    const detail = inits[0].ok ? inits[0].value.detail : undefined;
    return {
      ...row,
      imagesPerSecond: Math.round(ips * 10) / 10,
      ...(detail ? { detail } : {}),
      ...(work ? { gpuWorkPerStep: work } : {}),
    };
  } finally {
    handles.forEach((h) => h.terminate());
  }
}
