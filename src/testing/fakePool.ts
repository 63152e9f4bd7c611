// A TrainerPool without workers: every run answers with `outcome`, and runs and cancels are recorded.
// Tests override single methods ({ ...fakePool(), run }) for queues, failures or stops.
import type { Outcome, TrainTrialInput, TrialResult } from '../../workers/protocol';
import type { TrainerPool } from '../orchestrator/workerPool';

export interface FakePoolCalls {
  runs: TrainTrialInput[];
  cancels: number[];
}

export function fakePool(
  outcome: (input: TrainTrialInput) => Outcome<TrialResult> | Promise<Outcome<TrialResult>>,
  calls: FakePoolCalls = { runs: [], cancels: [] },
  size = 2,
): TrainerPool {
  return {
    size,
    backend: { backend: 'cpu', detail: 'fake' } as TrainerPool['backend'],
    async run(input) {
      calls.runs.push(input);
      return outcome(input);
    },
    cancel(trialId) {
      calls.cancels.push(trialId);
    },
    withWorker: async () => ({ ok: false, error: { code: 'TRAINING_ERROR', message: 'unused' } }),
    dispose() {},
  };
}
