// Drives a study: asks the pure study machine which trials to run, hands them to the worker pool,
// and feeds results back. The page and the Node CLI both run studies through this function.
import { queuedTrials, studyReducer, initStudy, trialSeed, type StudyEvent, type StudyState } from '../core/studyMachine';
import type { StudyDefinition } from '../core/studyDefinition';
import type { TrialProgress } from '../../workers/protocol';
import type { TrainerPool } from './workerPool';
import { studySplits } from './studySplits';

export interface StudyListener {
  onState?(state: StudyState, event: StudyEvent | null): void;
  onProgress?(progress: TrialProgress): void;
}

export interface StudyRun {
  /** Resolves with the final state, finished or stopped; never rejects for a failing trial. */
  done: Promise<StudyState>;
  stop(): void;
}

export function runStudy(definition: StudyDefinition, pool: TrainerPool, trainLabels: Uint8Array, listener: StudyListener = {}): StudyRun {
  let state = initStudy(definition);
  const splits = studySplits(definition, trainLabels);
  const running = new Map<number, Promise<void>>();
  let wake: () => void = () => {};

  const dispatch = (event: StudyEvent) => {
    state = studyReducer(state, event);
    listener.onState?.(state, event);
  };

  const start = (trialId: number) => {
    const trial = state.trials[trialId];
    dispatch({ type: 'trialStarted', trialId });
    const input = {
      trialId, seed: trialSeed(state, trial), config: state.configs[trial.configId], numClasses: 10,
      trainIndices: splits.trainIndicesAt(trial.dataFraction), evalIndices: splits.evalIndices, readEvery: definition.readEvery,
    };
    const job = pool.run(input, (p) => listener.onProgress?.(p)).then((outcome) => {
      if (outcome.ok) {
        const r = outcome.value;
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
      for (const t of queuedTrials(state)) {
        if (running.size >= pool.size) break;
        if (!running.has(t.trialId)) start(t.trialId);
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
