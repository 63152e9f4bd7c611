// Landscape slices and interpolations as jobs on the trainer pool's workers, between trials or
// after a study: the row callback is proxied back to the page, and a slice can be cancelled.
import * as Comlink from 'comlink';
import type {
  InterpolationRequest,
  InterpolationResult,
  Outcome,
  SliceRequest,
  SliceResult,
  SliceRowUpdate,
  TrainerApi,
} from '../../workers/protocol';
import type { TrainerPool } from './workerPool';

export interface SliceJob {
  done: Promise<Outcome<SliceResult>>;
  /** Stops the slice at its next row; `done` then resolves with CANCELLED. */
  cancel(): void;
}

export function startSlice(pool: TrainerPool, request: SliceRequest, onRow: (row: SliceRowUpdate) => void): SliceJob {
  let api: Comlink.Remote<TrainerApi> | null = null;
  let cancelled = false;
  const done = pool.withWorker<SliceResult>(async (worker) => {
    if (cancelled)
      return { ok: false, error: { code: 'CANCELLED', message: 'the slice was cancelled before it started' } };
    api = worker;
    return worker.computeSlice(request, Comlink.proxy(onRow));
  });
  return {
    done,
    cancel() {
      cancelled = true;
      void api?.cancelProbe();
    },
  };
}

export function interpolateOnPool(
  pool: TrainerPool,
  request: InterpolationRequest,
): Promise<Outcome<InterpolationResult>> {
  return pool.withWorker((worker) => worker.interpolate(request));
}
