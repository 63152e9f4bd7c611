// One way in: the page, `npm run study` and bench:search launch a study here. It holds the launch
// recipe (probe settings from the study's splits, runStudy, the save cadence, the recommendation,
// remembering the study's examples); callers supply the pool and the hooks for their own I/O.
import type { StudyEvent, StudyState } from '../core/study/studyMachine';
import type { MetaExample, TrialSignals } from '../core/metaModel/memory';
import type { StudyDefinition } from '../core/study/studyDefinition';
import type { TrainerPool } from './workerPool';
import { trialProbeRequest } from './probeSettings';
import { runStudy, type PromotionAdvisor, type StudyListener, type StudyRun, type WeightStore } from './runStudy';
import { studySplits } from './studySplits';

export interface StudySessionOptions<R> {
  definition: StudyDefinition;
  pool: TrainerPool;
  trainLabels: Uint8Array;
  /** Tier-2 probes after every trial, on the study's evaluation images. */
  probes: boolean;
  /** Every trial returns its weights (the page keeps them for the landscape panel). */
  returnWeights?: boolean;
  listener?: StudyListener;
  resumeFrom?: StudyState;
  weights?: WeightStore;
  memory?: () => Promise<readonly MetaExample[]>;
  advisor?: PromotionAdvisor;
  /** Called after every change of a trial's fate, in order, and once with the final state. */
  save?: (state: StudyState) => Promise<void>;
  /** The final recommendation; runs after the last save. */
  recommend?: (final: StudyState, signals: ReadonlyMap<number, TrialSignals>) => Promise<R>;
  /** Remembers the study's examples for the next meta-model; runs after the recommendation, which
   *  must come from the memory as it was before this study. */
  remember?: (final: StudyState, signals: ReadonlyMap<number, TrialSignals>) => Promise<void>;
}

export interface StudySession<R> {
  run: StudyRun;
  /** The final state and the recommendation (undefined without a `recommend` hook). */
  done: Promise<{ state: StudyState; recommendation: R | undefined }>;
}

export function startStudySession<R = never>(options: StudySessionOptions<R>): StudySession<R> {
  const { definition, pool, trainLabels, listener = {}, save } = options;
  const probes = options.probes
    ? trialProbeRequest(definition, studySplits(definition, trainLabels).evalIndices)
    : undefined;
  const extra = { ...(probes ? { probes } : {}), ...(options.returnWeights ? { returnWeights: true } : {}) };
  let saving = Promise.resolve();
  const onState = (state: StudyState, event: StudyEvent | null) => {
    listener.onState?.(state, event);
    // Saved after every change of a trial's fate, so a reload loses at most the running trials.
    if (save && (event === null || event.type !== 'trialStarted')) saving = saving.then(() => save(state));
  };
  const run = runStudy(
    definition,
    pool,
    trainLabels,
    { ...listener, onState },
    {
      extraInput: () => extra,
      resumeFrom: options.resumeFrom,
      weights: options.weights,
      memory: options.memory,
      advisor: options.advisor,
    },
  );
  const done = (async () => {
    const state = await run.done;
    await saving;
    await save?.(state);
    const recommendation = await options.recommend?.(state, run.signals);
    await options.remember?.(state, run.signals);
    return { state, recommendation };
  })();
  return { run, done };
}
