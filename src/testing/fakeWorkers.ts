// A WorkerFactory without workers, for the real pool's tests: each fake worker answers init and
// runTrial from a script (a GPU that cannot start again, a device lost mid-trial), and every
// start and terminate is recorded.
import type * as Comlink from 'comlink';
import type {
  BackendName,
  BackendReport,
  InitRequest,
  Outcome,
  TrainerApi,
  TrainTrialInput,
  TrialResult,
} from '../../workers/protocol';
import type { WorkerFactory, WorkerHandle } from '../orchestrator/workerPool';

export interface WorkerScript {
  /** The backend a worker starts on (what init reports), or a failure. `worker` counts from 0. */
  init(request: InitRequest, worker: number): Outcome<BackendReport>;
  /** The answer to one trial on that worker. */
  run(input: TrainTrialInput, worker: number, backend: BackendName): Outcome<TrialResult>;
  /** Images/s a throughput measurement reports on that backend, after `delayMs`; absent: never answers. */
  throughput?(backend: BackendName): { imagesPerSecond: number; delayMs: number } | null;
}

export interface FakeWorkers {
  factory: WorkerFactory;
  /** The init request of every worker started, in order. */
  inits: InitRequest[];
  /** Workers (by index) that the pool terminated. */
  terminated: number[];
}

export const backendReport = (backend: BackendName): BackendReport => ({
  backend,
  skipped: [],
  detail: `${backend} (fake)`,
});

/** A GPU available to the first `gpuStarts` workers only; wasm always starts. */
export const gpuLostFor =
  (gpuStarts: number) =>
  (request: InitRequest, worker: number): Outcome<BackendReport> =>
    request.forcedBackend !== 'webgpu' || worker < gpuStarts
      ? { ok: true, value: backendReport(request.forcedBackend ?? 'wasm') }
      : {
          ok: false,
          error: {
            code: 'BACKEND_FAILED',
            message:
              'Backend webgpu is not available here (webgpu: navigator.gpu.requestAdapter() returned no adapter)',
          },
        };

export function fakeWorkers(script: WorkerScript): FakeWorkers {
  let created = 0;
  const out: FakeWorkers = { inits: [], terminated: [], factory: () => handle(created++) };
  const handle = (worker: number): WorkerHandle => {
    let backend: BackendName = 'cpu';
    const api: Partial<TrainerApi> = {
      async init(request) {
        out.inits.push(request);
        const outcome = script.init(request, worker);
        if (outcome.ok) backend = outcome.value.backend;
        return outcome;
      },
      async runTrial(input) {
        return script.run(input, worker, backend);
      },
      cancel() {},
      measureThroughput(request) {
        const answer = script.throughput?.(backend);
        if (!answer) return new Promise(() => {}); // a step that never finishes in time
        const value = { backend, ...request, ms: answer.delayMs, imagesPerSecond: answer.imagesPerSecond };
        return new Promise((resolve) => setTimeout(() => resolve({ ok: true, value }), answer.delayMs));
      },
    };
    return {
      api: api as unknown as Comlink.Remote<TrainerApi>,
      crashed: new Promise<string>(() => {}), // these workers die only by their scripted answers
      terminate: () => {
        out.terminated.push(worker);
      },
    };
  };
  return out;
}
