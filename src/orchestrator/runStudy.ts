// Drives a study: asks the pure study machine which trials to run, hands them to the worker pool,
// and feeds results back. The page and the Node CLI both run studies through this function.
import { queuedTrials, requestTrials, studyReducer, initStudy, trialSeed, type StudyEvent, type StudyState, type TrialRecord } from '../core/studyMachine';
import { continuesFromWeights } from '../core/schedule';
import type { StudyDefinition } from '../core/studyDefinition';
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
  return { get: async (id) => map.get(id), put: async (id, w) => { map.set(id, w); } };
}

export interface StudyRunOptions {
  /** Continue this saved state instead of starting the definition afresh. */
  resumeFrom?: StudyState;
  weights?: WeightStore;
  /** Extra fields for every trial input (e.g. probe settings). */
  extraInput?: (trial: TrialRecord) => Partial<TrainTrialInput>;
}

export interface StudyRun {
  /** Resolves with the final state, finished or stopped; never rejects for a failing trial. */
  done: Promise<StudyState>;
  stop(): void;
}

export function runStudy(definition: StudyDefinition, pool: TrainerPool, trainLabels: Uint8Array, listener: StudyListener = {}, options: StudyRunOptions = {}): StudyRun {
  let state = options.resumeFrom ?? initStudy(definition);
  const splits = studySplits(definition, trainLabels);
  const weights = options.weights ?? memoryWeightStore();
  const keepWeights = continuesFromWeights(definition);
  const running = new Map<number, Promise<void>>();
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
      trialId: trial.trialId, seed: trialSeed(state, trial), config: { ...config, epochs }, numClasses: 10,
      trainIndices: splits.trainIndicesAt(trial.dataFraction), evalIndices: splits.evalIndices, readEvery: definition.readEvery,
      initialWeights, returnWeights: keepWeights, ...options.extraInput?.(trial),
    };
  };

  const start = (trial: TrialRecord) => {
    const { trialId } = trial;
    dispatch({ type: 'trialStarted', trialId });
    const job = trialInput(trial).then((input) => pool.run(input, (p) => listener.onProgress?.(p))).then(async (outcome) => {
      if (outcome.ok) {
        const r = outcome.value;
        if (r.weights && keepWeights) await weights.put(trialId, r.weights);
        listener.onTrialResult?.(trialId, r);
        dispatch({ type: 'trialFinished', trialId, status: r.status, valAccuracy: r.valAccuracy, valLoss: r.valLoss, durationMs: r.durationMs, imagesPerSecond: r.imagesPerSecond, backend: r.backend });
      } else {
        dispatch({ type: 'trialFailed', trialId, code: outcome.error.code, message: outcome.error.message });
      }
    }).catch((e: unknown) => {
      dispatch({ type: 'trialFailed', trialId, code: 'WORKER_CRASHED', message: e instanceof Error ? e.message : String(e) });
    }).finally(() => {
      running.delete(trialId);
      wake();
    });
    running.set(trialId, job);
  };

  const loop = async (): Promise<StudyState> => {
    listener.onState?.(state, null);
    while (state.phase === 'running') {
      state = requestTrials(state, pool.size - running.size);
      for (const t of queuedTrials(state)) {
        if (running.size >= pool.size) break;
        if (!running.has(t.trialId)) start(t);
      }
      if (running.size === 0) break;
      await new Promise<void>((resolve) => { wake = resolve; });
    }
    await Promise.all(running.values());
    return state;
  };

  return {
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
