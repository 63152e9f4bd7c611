// A pool of trainer workers. Each worker receives the dataset once at start; trials queue for an
// idle worker. A worker that dies or loses its backend is replaced and the error returned with a code.
import * as Comlink from 'comlink';
import type { BackendReport, InitRequest, Outcome, TrainerApi, TrainTrialInput, TrialProgress, TrialResult } from '../../workers/protocol';

export interface WorkerHandle {
  api: Comlink.Remote<TrainerApi>;
  /** Resolves with a message if the worker dies (uncaught error, terminated by the runtime). */
  crashed: Promise<string>;
  terminate(): void;
}

export type WorkerFactory = () => WorkerHandle;

export interface TrainerPool {
  readonly size: number;
  readonly backend: BackendReport;
  run(input: TrainTrialInput, onProgress: (p: TrialProgress) => void): Promise<Outcome<TrialResult>>;
  cancel(trialId: number): void;
  /** Runs a job other than a trial (e.g. a landscape slice) on the next idle worker. */
  withWorker<T>(job: (api: Comlink.Remote<TrainerApi>) => Promise<Outcome<T>>): Promise<Outcome<T>>;
  dispose(): void;
}

interface Slot { handle: WorkerHandle; busyWith: number | null }

async function startWorker(factory: WorkerFactory, init: InitRequest): Promise<{ handle: WorkerHandle; report: BackendReport }> {
  const handle = factory();
  const outcome = await Promise.race([
    handle.api.init(init),
    handle.crashed.then((message): Outcome<BackendReport> => ({ ok: false, error: { code: 'WORKER_CRASHED', message } })),
  ]);
  if (!outcome.ok) {
    handle.terminate();
    throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  }
  return { handle, report: outcome.value };
}

export async function createPool(factory: WorkerFactory, size: number, init: InitRequest): Promise<TrainerPool> {
  if (!(Number.isInteger(size) && size >= 1)) throw new Error(`Expected pool size to be a positive integer, but got ${size}`);
  const started = await Promise.all(Array.from({ length: size }, () => startWorker(factory, init)));
  const slots: Slot[] = started.map(({ handle }) => ({ handle, busyWith: null }));
  const waiting: (() => void)[] = [];

  // Claims the slot synchronously when it finds it: two runs starting in the same tick must not
  // both see the same idle worker.
  const acquire = async (trialId: number): Promise<Slot> => {
    for (;;) {
      const idle = slots.find((s) => s.busyWith === null);
      if (idle) { idle.busyWith = trialId; return idle; }
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  };
  const release = (slot: Slot) => { slot.busyWith = null; waiting.shift()?.(); };
  let nextJobId = -1; // jobs other than trials hold negative ids, which no trial cancel matches

  return {
    size,
    backend: started[0].report,
    async run(input, onProgress) {
      const slot = await acquire(input.trialId);
      try {
        const outcome = await Promise.race([
          slot.handle.api.runTrial(input, Comlink.proxy(onProgress)),
          slot.handle.crashed.then((message): Outcome<TrialResult> => ({ ok: false, error: { code: 'WORKER_CRASHED', message } })),
        ]);
        if (!outcome.ok && (outcome.error.code === 'WORKER_CRASHED' || outcome.error.code === 'BACKEND_FAILED')) {
          // Replace the worker so the retry (decided by the study) runs on a fresh one.
          slot.handle.terminate();
          slot.handle = (await startWorker(factory, init)).handle;
        }
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
      try {
        return await Promise.race([
          job(slot.handle.api),
          slot.handle.crashed.then((message) => ({ ok: false as const, error: { code: 'WORKER_CRASHED' as const, message } })),
        ]);
      } finally {
        release(slot);
      }
    },
    dispose() { slots.forEach((s) => s.handle.terminate()); },
  };
}
