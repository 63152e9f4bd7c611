// An oracle world for the meta-model promotion rule, in which full-fidelity accuracy is known: it
// falls as low-fidelity accuracy rises (a fast learner that overfits), which plain successive
// halving cannot see.
import { PRESETS } from '../core/study/presets';
import { SEED001_SPACE, type TrialConfig } from '../core/searchSpace/searchSpace';
import { initStudy, type StudyState } from '../core/study/studyMachine';
import type { StudyDefinition } from '../core/study/studyDefinition';
import { fidelityOf, type MetaExample, type TrialSignals } from '../core/metaModel/memory';
import { driveStudy } from './driveStudy';

const smoke = PRESETS.find((p) => p.id === 'smoke')!.study;
/** The smoke preset, promoting by the meta-model over SEED001_SPACE. */
export const def: StudyDefinition = {
  ...smoke,
  space: SEED001_SPACE,
  scheduler: { ...smoke.scheduler, promotion: 'metaModel', minExamples: 8 },
};
/** Each configuration's low-fidelity accuracy in the oracle world. */
export const lowAccuracy = (configId: number) => 0.2 + 0.02 * configId;
/** The oracle: full-fidelity accuracy falls as low-fidelity accuracy rises. */
export const fullAccuracy = (low: number) => 0.7 - low;

/** An earlier study's example in the oracle world, observed at resource 1/9. */
export function example(i: number): MetaExample {
  const low = 0.2 + 0.01 * i;
  const config: TrialConfig = { ...initStudy(def).configs[0], learningRate: 1e-3 };
  return {
    v: 1,
    fidelity: fidelityOf(def),
    config,
    fullAccuracy: fullAccuracy(low),
    createdAt: i,
    observations: [
      {
        rung: 0,
        resource: 1 / 9,
        valAccuracy: low,
        valLoss: 2 - low,
        lossCurve: [],
        curveSummary: { trainLoss: 2 - low, trainAccuracy: low, lossSlope: -0.1, lastEpochGain: 0.01 },
        probes: null,
      },
    ],
    source: { study: 'earlier', seed: i, configId: 0, kind: 'audit' },
  };
}

/** Completes every queued trial of the next rung with the oracle's accuracies. */
export function finishRung(state: StudyState): StudyState {
  return driveStudy(
    state,
    (t) => {
      const acc = t.resource === 1 ? fullAccuracy(lowAccuracy(t.configId)) : lowAccuracy(t.configId);
      return { status: 'completed', valAccuracy: acc, valLoss: 2 - acc };
    },
    { once: true },
  );
}
export const noSignals = new Map<number, TrialSignals>();
