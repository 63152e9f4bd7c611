// A pool of trainer workers. Each worker receives the dataset once at start; trials queue for an
// idle worker. A worker that dies or loses its backend or GPU device is replaced and the error
// returned with a code (the study retries the trial once); a GPU that cannot start again falls back to wasm.
import * as Comlink from 'comlink';
import type {
  BackendName,
  BackendReport,
  InitRequest,
  Outcome,
  TrainerApi,
  TrainCheckpoint,
  TrainTrialInput,
  TrialProgress,
  TrialResult,
  WorkerError,
  WorkerErrorCode,
} from '../../workers/protocol';
import { createKernelShare } from '../training/fmaKernels/kernelShare';

export interface WorkerHandle {
  api: Comlink.Remote<TrainerApi>;
  /** Resolves with a message if the worker dies (uncaught error, terminated by the runtime). */
  crashed: Promise<string>;
  terminate(): void;
}

export type WorkerFactory = () => WorkerHandle;

export interface TrainerPool {
  readonly size: number;
  /** The backend of the workers now training: after a fallback, the one the pool moved to. */
  readonly backend: BackendReport;
  run(
    input: TrainTrialInput,
    onProgress: (p: TrialProgress) => void,
    onCheckpoint?: (checkpoint: TrainCheckpoint) => Promise<void>,
  ): Promise<Outcome<TrialResult>>;
  cancel(trialId: number): void;
  /** Runs a job other than a trial (e.g. a landscape slice) on the next idle worker. */
  withWorker<T>(job: (api: Comlink.Remote<TrainerApi>) => Promise<Outcome<T>>): Promise<Outcome<T>>;
  dispose(): void;
}

/** A worker that failed and what took its place. */
export interface WorkerReplacement {
  error: WorkerError;
  /** The new worker's backend; null when none could start (the pool has one worker fewer). */
  backend: BackendReport | null;
  /** Set when the old backend could not start again and the new worker runs on wasm instead. */
  fallback: { from: BackendName; reason: string } | null;
}

export interface PoolOptions {
  onWorkerReplaced?(replacement: WorkerReplacement): void;
  /** Cores the pool may keep busy (default: its size); a trial running alone uses the idle ones. */
  cores?: number;
}

/** Errors after which the worker is not trusted again (its runtime or device is gone). */
const REPLACED_ON: readonly WorkerErrorCode[] = ['WORKER_CRASHED', 'BACKEND_FAILED', 'DEVICE_LOST'];
const GPU_BACKENDS: readonly BackendName[] = ['webgpu', 'webgl'];
const FALLBACK_BACKEND: BackendName = 'wasm';

interface Slot {
  handle: WorkerHandle;
  busyWith: number | null;
}

async function startWorker(
  factory: WorkerFactory,
  init: InitRequest,
): Promise<{ handle: WorkerHandle; report: BackendReport }> {
  const handle = factory();
  const outcome = await Promise.race([
    handle.api.init(init),
    handle.crashed.then((message): Outcome<BackendReport> => ({
      ok: false,
      error: { code: 'WORKER_CRASHED', message },
    })),
  ]);
  if (!outcome.ok) {
    handle.terminate();
    throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  }
  return { handle, report: outcome.value };
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function createPool(
  factory: WorkerFactory,
  size: number,
  firstInit: InitRequest,
  options: PoolOptions = {},
): Promise<TrainerPool> {
  if (!(Number.isInteger(size) && size >= 1))
    throw new Error(`Expected pool size to be a positive integer, but got ${size}`);
  let init: InitRequest = { ...firstInit, kernelShare: createKernelShare(options.cores ?? size) };
  const started = await Promise.all(Array.from({ length: size }, () => startWorker(factory, init)));
  let backend = started[0].report;
  const slots: Slot[] = started.map(({ handle }) => ({ handle, busyWith: null }));
  const waiting: (() => void)[] = [];

  // Claims the slot synchronously when it finds it: two runs starting in the same tick must not
  // both see the same idle worker. Null once no worker is left, so nothing waits forever.
  const acquire = async (trialId: number): Promise<Slot | null> => {
    for (;;) {
      if (slots.length === 0) return null;
      const idle = slots.find((s) => s.busyWith === null);
      if (idle) {
        idle.busyWith = trialId;
        return idle;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  };
  const release = (slot: Slot) => {
    slot.busyWith = null;
    waiting.shift()?.();
  };
  const noWorker: WorkerError = {
    code: 'BACKEND_FAILED',
    message: 'no trainer worker could be started again after earlier failures',
  };
  let nextJobId = -1; // jobs other than trials hold negative ids, which no trial cancel matches

  // A fresh worker in place of a failed one, so the retry (decided by the study) runs on it. A GPU
  // backend that cannot start again (its device gone for good) gives way to wasm for the rest of
  // the pool's life; a worker that cannot start at all leaves the pool.
  const replace = async (slot: Slot, error: WorkerError): Promise<void> => {
    slot.handle.terminate();
    let fallback: WorkerReplacement['fallback'] = null;
    let report: BackendReport | null = null;
    try {
      const fresh = await startWorker(factory, init);
      slot.handle = fresh.handle;
      report = fresh.report;
    } catch (e) {
      const from = init.forcedBackend ?? backend.backend;
      if (GPU_BACKENDS.includes(from)) {
        fallback = { from, reason: messageOf(e) };
        const wasmInit: InitRequest = { ...init, forcedBackend: FALLBACK_BACKEND };
        try {
          const fresh = await startWorker(factory, wasmInit);
          slot.handle = fresh.handle;
          report = fresh.report;
          init = wasmInit;
        } catch {
          /* reported below as no backend */
        }
      }
    }
    if (report) backend = report;
    else {
      slots.splice(slots.indexOf(slot), 1);
      waiting.splice(0).forEach((wake) => wake()); // they see the smaller (perhaps empty) pool
    }
    options.onWorkerReplaced?.({ error, backend: report, fallback });
  };

  return {
    size,
    get backend() {
      return backend;
    },
    async run(input, onProgress, onCheckpoint) {
      const slot = await acquire(input.trialId);
      if (!slot) return { ok: false, error: noWorker };
      try {
        const outcome = await Promise.race([
          slot.handle.api.runTrial(
            input,
            Comlink.proxy(onProgress),
            onCheckpoint ? Comlink.proxy(onCheckpoint) : undefined,
          ),
          slot.handle.crashed.then((message): Outcome<TrialResult> => ({
            ok: false,
            error: { code: 'WORKER_CRASHED', message },
          })),
        ]);
        if (!outcome.ok && REPLACED_ON.includes(outcome.error.code)) await replace(slot, outcome.error);
        return outcome;
      } finally {
        release(slot);
      }
    },
    cancel(trialId) {
      for (const s of slots) if (s.busyWith === trialId) void s.handle.api.cancel(trialId);
    },
    async withWorker(job) {
      const slot = await acquire(nextJobId--);
      if (!slot) return { ok: false, error: noWorker };
      try {
        const outcome = await Promise.race([
          job(slot.handle.api),
          slot.handle.crashed.then((message) => ({
            ok: false as const,
            error: { code: 'WORKER_CRASHED' as const, message },
          })),
        ]);
        if (!outcome.ok && REPLACED_ON.includes(outcome.error.code)) await replace(slot, outcome.error);
        return outcome;
      } finally {
        release(slot);
      }
    },
    dispose() {
      slots.forEach((s) => s.handle.terminate());
    },
  };
}
