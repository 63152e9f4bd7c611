// A test fixture for the audit's tests: a successive-halving study run by the reducer alone with
// scripted accuracies (no tfjs), and a fake trainer pool whose full-fidelity runs follow the same truth.
import { initStudy, queuedTrials, studyReducer, type StudyState } from '../core/studyMachine';
import type { StudyDefinition } from '../core/studyDefinition';
import { SEED001_SPACE, type TrialConfig } from '../core/searchSpace';
import type { Outcome, TrainTrialInput, TrialResult } from '../../workers/protocol';
import type { TrainerPool } from './workerPool';

export const scriptedDefinition: StudyDefinition = {
  v: 2, name: 'scripted', seed: 11, space: SEED001_SPACE, sampler: 'random', fixed: { batchSize: 64, epochs: 1 }, readEvery: 4,
  scheduler: { kind: 'successiveHalving', resource: 'dataFraction', numConfigs: 8, reductionFactor: 2, minResource: 0.25, maxResource: 1 },
  data: { dataset: 'cifar10', validationSize: 1000, maxTrainImages: 2000, evalImages: 200 },
};
export const scriptedLabels = Uint8Array.from({ length: 50000 }, (_, i) => i % 10);
export const FULL_ID = 1_000_000; // audit.ts's FULL_TRIAL_ID_BASE

/** Full-fidelity accuracy: rises with log learning rate, with a wiggle so rankings are not perfect. */
export const truth = (c: TrialConfig) => 0.3 + 0.1 * Math.log10(c.learningRate / 5e-4) + 0.05 * Math.sin(c.channels);

export const scriptedResult = (trialId: number, accuracy: number, status: TrialResult['status'] = 'completed'): TrialResult => ({
  trialId, status, valAccuracy: accuracy, valLoss: 2 - accuracy, steps: 10, imagesTrained: 640, durationMs: 1, imagesPerSecond: 1, backend: 'fake',
  lossCurve: Array.from({ length: 6 }, (_, i) => ({ step: i + 1, epoch: 0, loss: 2.3 - 0.1 * i * accuracy, accuracy })),
});

export function scriptedStudy(definition = scriptedDefinition): { state: StudyState; results: Map<number, TrialResult> } {
  let state = initStudy(definition);
  const results = new Map<number, TrialResult>();
  for (let t = queuedTrials(state)[0]; state.phase === 'running' && t; t = queuedTrials(state)[0]) {
    const accuracy = truth(state.configs[t.configId]) * (0.6 + 0.4 * t.resource);
    results.set(t.trialId, scriptedResult(t.trialId, accuracy));
    state = studyReducer(state, { type: 'trialStarted', trialId: t.trialId });
    state = studyReducer(state, { type: 'trialFinished', trialId: t.trialId, status: 'completed', valAccuracy: accuracy, valLoss: 1, durationMs: 1, imagesPerSecond: 1, backend: 'fake' });
  }
  return { state, results };
}

/** Configurations the study did not train at full fidelity: the ones an audit trains. */
export const notAtFullFidelity = (state: StudyState) => state.configs.map((_, id) => id).filter((id) => !state.trials.some((t) => t.configId === id && t.resource === 1));

/** A pool that answers every run with `outcome` (default: the truth), recording inputs and cancels. */
export function fakePool(outcome: (input: TrainTrialInput) => Outcome<TrialResult> | Promise<Outcome<TrialResult>> = (input) => ({ ok: true, value: scriptedResult(input.trialId, truth(input.config)) }),
  calls: { runs: TrainTrialInput[]; cancels: number[] } = { runs: [], cancels: [] }): TrainerPool {
  return {
    size: 2, backend: { backend: 'cpu', detail: 'fake' } as TrainerPool['backend'],
    async run(input) { calls.runs.push(input); return outcome(input); },
    cancel(trialId) { calls.cancels.push(trialId); },
    withWorker: async () => ({ ok: false, error: { code: 'TRAINING_ERROR', message: 'unused' } }),
    dispose() {},
  };
}
