// Stopping an audit (AuditOptions.signal): in-flight full-fidelity runs are cancelled, runs still
// queued for a worker are cancelled as soon as they start, nothing is retried, and auditStudy rejects
// with AuditStopped counting the results reported before the stop.
import { describe, expect, it } from 'vitest';
import type { Outcome, TrialResult, TrialProgress } from '../../workers/protocol';
import { AuditStopped, auditStudy, FULL_TRIAL_ID_BASE } from './audit';
import { fakePool } from '../testing/fakePool';
import { notAtFullFidelity, scriptedLabels, scriptedStudy, truthOutcome } from '../testing/scriptedStudy';
import type { TrainerPool } from './workerPool';

/** One worker, like the real pool: runs queue for it, and cancel reaches only the run it is busy with. */
function oneWorkerPool(finishFirst: number) {
  const log = { started: [] as number[], cancelled: [] as number[] };
  let busy: { trialId: number; cancel: () => void } | null = null;
  let queue = Promise.resolve();
  const pool: TrainerPool = {
    ...fakePool(truthOutcome, undefined, 1),
    run(input, onProgress: (p: TrialProgress) => void) {
      const job = queue
        .then(
          () =>
            new Promise<Outcome<TrialResult>>((resolve) => {
              log.started.push(input.trialId);
              if (log.started.length <= finishFirst) return resolve(truthOutcome(input));
              busy = {
                trialId: input.trialId,
                cancel: () => resolve({ ok: false, error: { code: 'CANCELLED', message: 'cancelled' } }),
              };
              onProgress({
                trialId: input.trialId,
                stepsDone: 1,
                stepsTotal: 10,
                points: [],
                imagesPerSecond: 1,
              } as unknown as TrialProgress);
            }),
        )
        .finally(() => {
          busy = null;
        });
      queue = job.then(() => undefined);
      return job;
    },
    cancel(trialId) {
      if (busy?.trialId !== trialId) return;
      log.cancelled.push(trialId);
      busy.cancel();
    },
  };
  return { pool, log };
}

describe('auditStudy with a stop signal', () => {
  it('cancels the running and the queued runs, retries none, and reports what was done', async () => {
    const { state, results } = scriptedStudy();
    const toTrain = notAtFullFidelity(state);
    const reused = state.configs.length - toTrain.length;
    const { pool, log } = oneWorkerPool(1);
    const controller = new AbortController();
    const events: number[] = [];
    const audit = auditStudy(state, results, pool, scriptedLabels, {
      signal: controller.signal,
      onFullFidelityTrial: (e) => {
        events.push(e.configId);
        // Stop once the first trained run is in: the second is running, the rest are queued.
        if (!e.reused) setTimeout(() => controller.abort(), 0);
      },
    });
    const error = await audit.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuditStopped);
    expect(error).toMatchObject({ done: reused + 1, total: state.configs.length });
    expect(events).toHaveLength(reused + 1);
    // Every trained configuration started once (the queued ones too, then cancelled at once): no retry.
    expect(log.started.sort((a, b) => a - b)).toEqual(toTrain.map((id) => FULL_TRIAL_ID_BASE + id));
    expect(log.cancelled.sort((a, b) => a - b)).toEqual(log.started.slice(1).sort((a, b) => a - b));
  });

  it('trains nothing when the signal is already aborted', async () => {
    const { state, results } = scriptedStudy();
    const { pool, log } = oneWorkerPool(100);
    const controller = new AbortController();
    controller.abort();
    await expect(
      auditStudy(state, results, pool, scriptedLabels, { signal: controller.signal }),
    ).rejects.toBeInstanceOf(AuditStopped);
    expect(log.started).toEqual([]);
  });

  it('finishes normally when the signal never fires', async () => {
    const { state, results } = scriptedStudy();
    const { pool } = oneWorkerPool(100);
    const report = await auditStudy(state, results, pool, scriptedLabels, { signal: new AbortController().signal });
    expect(report.scored).toBe(state.configs.length);
  });
});
