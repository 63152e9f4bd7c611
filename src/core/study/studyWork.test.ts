// The study's work measure against hand-computed plans and against the trials a run actually creates.
import { describe, expect, it } from 'vitest';
import { PRESETS } from './presets';
import { summarisePlan } from '../schedulers/schedule';
import { initStudy, queuedTrials, studyReducer, type StudyState } from './studyMachine';
import type { StudyDefinition } from './studyDefinition';
import { plannedWork, studyWork } from './studyWork';

const tiny = PRESETS.find((p) => p.id === 'tiny')!.study;
// Epoch resources: rungs at 1, 2 and 4 epochs on all the data, each promoted trial continuing its weights.
const byEpochs: StudyDefinition = {
  ...tiny,
  fixed: { ...tiny.fixed, epochs: 4 },
  scheduler: { ...tiny.scheduler, resource: 'epochs' },
};

function finishNext(state: StudyState, accuracy: number): StudyState {
  const [next] = queuedTrials(state);
  state = studyReducer(state, { type: 'trialStarted', trialId: next.trialId });
  return studyReducer(state, {
    type: 'trialFinished',
    trialId: next.trialId,
    status: 'completed',
    valAccuracy: accuracy,
    valLoss: 1,
    durationMs: 1,
    imagesPerSecond: 1,
    backend: 'cpu',
  });
}

describe('study work', () => {
  it('plans dataFraction × epochs over every rung (hand-computed)', () => {
    expect(plannedWork(tiny)).toBeCloseTo(4 * 0.25 + 2 * 0.5 + 1 * 1, 12); // 3
    expect(plannedWork(byEpochs)).toBeCloseTo(4 * 1 + 2 * (2 - 1) + 1 * (4 - 2), 12); // 8: continued trials pay the extra epochs
    // The same plan as summarisePlan's compute, which is in units of configurations trained fully.
    for (const def of [tiny, byEpochs]) {
      const s = summarisePlan(def);
      expect(plannedWork(def)).toBeCloseTo(s.computeFraction * s.configurations * (def.fixed.epochs ?? 1), 12);
    }
  });

  it('counts settled trials in full and running ones by their steps', () => {
    let state = initStudy(tiny);
    expect(studyWork(state, {})).toEqual({ done: 0, planned: 3 });
    state = finishNext(state, 0.3);
    state = studyReducer(state, { type: 'trialStarted', trialId: 1 });
    expect(studyWork(state, { 1: { stepsDone: 2, stepsTotal: 8 } }).done).toBeCloseTo(0.25 + (0.25 * 2) / 8, 12);
    expect(studyWork(state, {}).done).toBeCloseTo(0.25, 12); // no report yet from the running trial
    state = studyReducer(state, { type: 'trialFailed', trialId: 1, code: 'WORKER_CRASHED', message: 'x' }); // retried: queued again
    expect(studyWork(state, { 1: { stepsDone: 2, stepsTotal: 8 } }).done).toBeCloseTo(0.25, 12);
  });

  it('reaches the plan exactly when a run ends, and never goes back (the trials created are the plan)', () => {
    for (const def of [tiny, byEpochs]) {
      let state = initStudy(def);
      let last = 0;
      for (let i = 0; state.phase === 'running' && i < 100; i++) {
        state = finishNext(state, 0.1 + 0.01 * ((i * 7) % 5));
        const { done, planned } = studyWork(state, {});
        expect(done).toBeGreaterThanOrEqual(last);
        expect(planned).toBeCloseTo(plannedWork(def), 12);
        last = done;
      }
      expect(state.phase).toBe('finished');
      expect(last).toBeCloseTo(plannedWork(def), 12);
      const settled = state.trials.reduce((n, t) => n + t.dataFraction * (t.epochs - t.startEpochs), 0);
      expect(settled).toBeCloseTo(plannedWork(def), 12);
    }
  });
});
