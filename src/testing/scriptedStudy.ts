// A test fixture for the audit's tests: a successive-halving study run by the reducer alone with
// scripted accuracies (no tfjs), and full-fidelity outcomes (for ./fakePool) that follow the same truth.
import type { StudyState } from '../core/study/studyMachine';
import type { StudyDefinition } from '../core/study/studyDefinition';
import { SEED001_SPACE, type TrialConfig } from '../core/searchSpace/searchSpace';
import type { Outcome, TrainTrialInput, TrialResult } from '../../workers/protocol';
import { chunkLabels } from './chunkLabels';
import { driveStudy } from './driveStudy';

export const scriptedDefinition: StudyDefinition = {
  v: 2,
  name: 'scripted',
  seed: 11,
  space: SEED001_SPACE,
  sampler: 'random',
  fixed: { batchSize: 64, epochs: 1 },
  readEvery: 4,
  scheduler: {
    kind: 'successiveHalving',
    resource: 'dataFraction',
    numConfigs: 8,
    reductionFactor: 2,
    minResource: 0.25,
    maxResource: 1,
  },
  data: { dataset: 'cifar10', validationSize: 1000, maxTrainImages: 2000, evalImages: 200 },
};
export const scriptedLabels = chunkLabels();

/** Full-fidelity accuracy: rises with log learning rate, with a wiggle so rankings are not perfect. */
export const truth = (c: TrialConfig) => 0.3 + 0.1 * Math.log10(c.learningRate / 5e-4) + 0.05 * Math.sin(c.channels);

export const scriptedResult = (
  trialId: number,
  accuracy: number,
  status: TrialResult['status'] = 'completed',
): TrialResult => ({
  trialId,
  status,
  valAccuracy: accuracy,
  valLoss: 2 - accuracy,
  steps: 10,
  imagesTrained: 640,
  durationMs: 1,
  imagesPerSecond: 1,
  backend: 'fake',
  lossCurve: Array.from({ length: 6 }, (_, i) => ({ step: i + 1, epoch: 0, loss: 2.3 - 0.1 * i * accuracy, accuracy })),
});

export function scriptedStudy(definition = scriptedDefinition): {
  state: StudyState;
  results: Map<number, TrialResult>;
} {
  const results = new Map<number, TrialResult>();
  const state = driveStudy(definition, (t, s) => {
    const accuracy = truth(s.configs[t.configId]) * (0.6 + 0.4 * t.resource);
    results.set(t.trialId, scriptedResult(t.trialId, accuracy));
    return { status: 'completed', valAccuracy: accuracy, valLoss: 1, backend: 'fake' };
  });
  return { state, results };
}

/** Configurations the study did not train at full fidelity: the ones an audit trains. */
export const notAtFullFidelity = (state: StudyState) =>
  state.configs.map((_, id) => id).filter((id) => !state.trials.some((t) => t.configId === id && t.resource === 1));

/** A full-fidelity run that follows the truth, for fakePool. */
export const truthOutcome = (input: TrainTrialInput): Outcome<TrialResult> => ({
  ok: true,
  value: scriptedResult(input.trialId, truth(input.config)),
});
