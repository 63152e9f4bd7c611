// What a study's meta-model learns from: earlier studies' examples from memory at the study's full
// fidelity, less any that would leak its own answers, plus the study's own full-fidelity runs so far.
// Shared by promotion scoring (./promotionScoring) and the recommendation (./recommendation).
import type { StudyState } from '../study/studyMachine';
import {
  exampleIdentity,
  examplesFromStudy,
  fidelityKey,
  fidelityOf,
  type MetaExample,
  type TrialSignals,
} from './memory';

export interface MetaModelInputs {
  state: StudyState;
  signals: ReadonlyMap<number, TrialSignals>;
  /** Examples from earlier studies (any fidelity; the matching ones are used). */
  examples: readonly MetaExample[];
  /** Timestamps the study's own examples (newest rows are kept first). */
  now: number;
}

/**
 * Earlier studies' examples at this study's full fidelity, less any with the identity of one of this
 * study's configurations (configuration, fidelity, split seed): another study with the same seed can
 * draw the same configurations, and its label would be this study's answer.
 */
export function matchingExamples(state: StudyState, examples: readonly MetaExample[]): MetaExample[] {
  const fidelity = fidelityOf(state.definition);
  const key = fidelityKey(fidelity);
  const seed = state.definition.seed;
  const own = new Set(state.configs.map((c) => exampleIdentity(fidelity, seed, c)));
  return examples.filter(
    (e) => fidelityKey(e.fidelity) === key && !own.has(exampleIdentity(e.fidelity, e.source.seed, e.config)),
  );
}

/** Every example the study's meta-model may learn from now: matching memory plus its own full runs so far. */
export function trainingExamples({ state, signals, examples, now }: MetaModelInputs): {
  all: MetaExample[];
  fromMemory: number;
} {
  const memory = matchingExamples(state, examples);
  return { all: [...memory, ...examplesFromStudy(state, signals, now)], fromMemory: memory.length };
}
