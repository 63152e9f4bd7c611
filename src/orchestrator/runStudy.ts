// Drives a study: asks the pure study machine which trials to run, hands them to the worker pool,
// and feeds results back. The page and the Node CLI both run studies through this function.
import {
  pendingPromotions,
  queuedTrials,
  requestTrials,
  studyReducer,
  initStudy,
  trialSeed,
  type PromotionRecord,
  type StudyEvent,
  type StudyState,
  type TrialRecord,
} from '../core/study/studyMachine';
import type { MetaExample, TrialSignals } from '../core/metaModel/memory';
import type { MetaModelInputs } from '../core/metaModel/metaModelInputs';
import { scorePromotion, type PendingPromotion } from '../core/metaModel/promotionScoring';
import { probeSignalsOf } from './audit';
import { continuesFromWeights } from '../core/schedulers/schedule';
import type { StudyDefinition } from '../core/study/studyDefinition';
import type { TrainTrialInput, TrialProgress, TrialResult } from '../../workers/protocol';
import type { TrainerPool } from './workerPool';
import { studySplits } from './studySplits';

export interface StudyListener {
  onState?(state: StudyState, event: StudyEvent | null): void;
  onProgress?(progress: TrialProgress): void;
  /** Every successful trial's full result (loss curve, probes, weights if asked for). */
  onTrialResult?(trialId: number, result: TrialResult): void;
}

/** Where trained weights wait for the trial that continues them (memory, IndexedDB, …). */
export interface WeightStore {
  get(trialId: number): Promise<Float32Array[] | undefined>;
  put(trialId: number, weights: Float32Array[]): Promise<void>;
}

export function memoryWeightStore(): WeightStore {
  const map = new Map<number, Float32Array[]>();
  return {
    get: async (id) => map.get(id),
    put: async (id, w) => {
      map.set(id, w);
    },
  };
}

export interface StudyRunOptions {
  /** Continue this saved state instead of starting the definition afresh. */
  resumeFrom?: StudyState;
  weights?: WeightStore;
  /** Extra fields for every trial input (e.g. probe settings). */
  extraInput?: (trial: TrialRecord) => Partial<TrainTrialInput>;
  /** Examples from earlier studies for the meta-model promotion rule (read once, when first needed). */
  memory?: () => Promise<readonly MetaExample[]>;
  /** Where the meta-model runs: in this thread by default, in a worker in the page. */
  advisor?: PromotionAdvisor;
}

/** Fits the meta-model and scores a complete rung (pure work, so it can run in a worker). */
export type PromotionAdvisor = (inputs: MetaModelInputs, pending: PendingPromotion) => Promise<PromotionRecord>;

export const inThreadAdvisor: PromotionAdvisor = async (inputs, pending) => scorePromotion(inputs, pending);

export interface StudyRun {
  /** Resolves with the final state, finished or stopped; never rejects for a failing trial. */
  done: Promise<StudyState>;
  stop(): void;
  /** Loss curves and probes of the trials this run finished, for the meta-model and the audit. */
  signals: ReadonlyMap<number, TrialSignals>;
}

export function runStudy(
  definition: StudyDefinition,
  pool: TrainerPool,
  trainLabels: Uint8Array,
  listener: StudyListener = {},
  options: StudyRunOptions = {},
): StudyRun {
  let state = options.resumeFrom ?? initStudy(definition);
  const splits = studySplits(definition, trainLabels);
  const weights = options.weights ?? memoryWeightStore();
  const keepWeights = continuesFromWeights(definition);
  const running = new Map<number, Promise<void>>();
  const signals = new Map<number, TrialSignals>();
  let memory: readonly MetaExample[] | null = null;
  const advisor = options.advisor ?? inThreadAdvisor;
  const scoring = new Map<string, Promise<void>>();

  const score = async (pending: PendingPromotion): Promise<void> => {
    memory ??= await (options.memory?.() ?? Promise.resolve([])).catch(() => []);
    const record = await advisor({ state, signals, examples: memory, now: Date.now() }, pending).catch(
      (e: unknown): PromotionRecord => ({
        ...pending,
        rule: 'accuracy',
        scores: null,
        predictions: null,
        note: `the meta-model could not run (${e instanceof Error ? e.message : String(e)}): promoted by validation accuracy`,
      }),
    );
    dispatch({ type: 'promotionScored', ...record, bracket: pending.bracket, rung: pending.rung });
  };
  let wake: () => void = () => {};

  const dispatch = (event: StudyEvent) => {
    state = studyReducer(state, event);
    listener.onState?.(state, event);
  };

  const trialInput = async (trial: TrialRecord): Promise<TrainTrialInput> => {
    const config = state.configs[trial.configId];
    const initialWeights = trial.resumeFrom !== null ? await weights.get(trial.resumeFrom) : undefined;
    // Without the earlier weights (e.g. lost with the tab) the trial trains its full epochs from scratch.
    const epochs = initialWeights ? trial.epochs - trial.startEpochs : trial.epochs;
    return {
      trialId: trial.trialId,
      seed: trialSeed(state, trial),
      config: { ...config, epochs },
      numClasses: 10,
      trainIndices: splits.trainIndicesAt(trial.dataFraction),
      evalIndices: splits.evalIndices,
      readEvery: definition.readEvery,
      initialWeights,
      returnWeights: keepWeights,
      ...options.extraInput?.(trial),
    };
  };

  const start = (trial: TrialRecord) => {
    const { trialId } = trial;
    dispatch({ type: 'trialStarted', trialId });
    const job = trialInput(trial)
      .then((input) => pool.run(input, (p) => listener.onProgress?.(p)))
      .then(async (outcome) => {
        if (outcome.ok) {
          const r = outcome.value;
          if (r.weights && keepWeights) await weights.put(trialId, r.weights);
          signals.set(trialId, { lossCurve: r.lossCurve, probes: probeSignalsOf(r) });
          listener.onTrialResult?.(trialId, r);
          dispatch({
            type: 'trialFinished',
            trialId,
            status: r.status,
            valAccuracy: r.valAccuracy,
            valLoss: r.valLoss,
            durationMs: r.durationMs,
            imagesPerSecond: r.imagesPerSecond,
            backend: r.backend,
          });
        } else {
          dispatch({ type: 'trialFailed', trialId, code: outcome.error.code, message: outcome.error.message });
        }
      })
      .catch((e: unknown) => {
        dispatch({
          type: 'trialFailed',
          trialId,
          code: 'WORKER_CRASHED',
          message: e instanceof Error ? e.message : String(e),
        });
      })
      .finally(() => {
        running.delete(trialId);
        wake();
      });
    running.set(trialId, job);
  };

  const loop = async (): Promise<StudyState> => {
    listener.onState?.(state, null);
    while (state.phase === 'running') {
      // A complete rung under the meta-model rule waits for its scores, fitted concurrently: the
      // other brackets' trials keep their workers meanwhile. Any failure promotes by accuracy.
      for (const pending of pendingPromotions(state)) {
        const key = `${pending.bracket}:${pending.rung}`;
        if (!scoring.has(key))
          scoring.set(
            key,
            score(pending).finally(() => {
              scoring.delete(key);
              wake();
            }),
          );
      }
      state = requestTrials(state, pool.size - running.size);
      for (const t of queuedTrials(state)) {
        if (running.size >= pool.size) break;
        if (!running.has(t.trialId)) start(t);
      }
      if (running.size === 0 && scoring.size === 0) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
    await Promise.all([...running.values(), ...scoring.values()]);
    return state;
  };

  return {
    signals,
    done: loop(),
    stop() {
      if (state.phase !== 'running') return;
      const inFlight = [...running.keys()];
      dispatch({ type: 'stop' });
      inFlight.forEach((id) => pool.cancel(id));
      wake();
    },
  };
}
