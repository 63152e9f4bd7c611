// Drives the pure study machine with scripted scores, no workers and no tfjs: every queued trial
// starts and finishes with the score `scoreOf` gives it, until the study ends or waits (a complete
// rung under the meta-model rule waits for its promotion scores).
import { initStudy, queuedTrials, studyReducer, type StudyState, type TrialRecord } from '../core/study/studyMachine';
import type { StudyDefinition } from '../core/study/studyDefinition';

/** A trial's scripted end: the fields of its trialFinished event. */
export interface ScriptedFinish {
  status: 'completed' | 'diverged';
  valAccuracy: number | null;
  valLoss: number | null;
  durationMs?: number;
  imagesPerSecond?: number;
  backend?: string;
}

/** An accuracy (completed, validation loss 1), null (diverged), or the whole finish. */
export type ScoreOf = (trial: TrialRecord, state: StudyState) => number | null | ScriptedFinish;

function finishOf(score: number | null | ScriptedFinish): ScriptedFinish {
  if (score === null) return { status: 'diverged', valAccuracy: null, valLoss: 1 };
  if (typeof score === 'number') return { status: 'completed', valAccuracy: score, valLoss: 1 };
  return score;
}

/**
 * Runs the queued trials in queue order, as they are queued, until none is left; with `once`, only
 * the trials queued now (the next rung waits for another call).
 */
export function driveStudy(
  start: StudyDefinition | StudyState,
  scoreOf: ScoreOf,
  options: { once?: boolean } = {},
): StudyState {
  let state = 'phase' in start ? start : initStudy(start);
  for (
    let queued = queuedTrials(state);
    state.phase === 'running' && queued.length > 0;
    queued = options.once ? [] : queuedTrials(state)
  ) {
    for (const t of queued) {
      const f = finishOf(scoreOf(t, state));
      state = studyReducer(state, { type: 'trialStarted', trialId: t.trialId });
      state = studyReducer(state, {
        type: 'trialFinished',
        trialId: t.trialId,
        status: f.status,
        valAccuracy: f.valAccuracy,
        valLoss: f.valLoss,
        durationMs: f.durationMs ?? 1,
        imagesPerSecond: f.imagesPerSecond ?? 1,
        backend: f.backend ?? 'cpu',
      });
    }
  }
  return state;
}
