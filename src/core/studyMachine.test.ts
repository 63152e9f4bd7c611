// The study state machine driven by scripted events: the trials it creates must follow the
// successive-halving plan, promote the best by validation accuracy, and survive failures.
import { describe, expect, it } from 'vitest';
import { PRESETS } from './presets';
import { initStudy, queuedTrials, rankConfigs, studyReducer, type StudyState } from './studyMachine';
import type { StudyDefinition } from './studyDefinition';

const smoke = PRESETS.find((p) => p.id === 'smoke')!.study;
const def = (over: Partial<StudyDefinition['scheduler']> = {}): StudyDefinition => ({ ...smoke, scheduler: { ...smoke.scheduler, ...over } });

// Accuracy as a known function of the configuration, so the oracle knows who should survive.
const accuracyOf = (_: StudyState, configId: number, rung: number) => 0.1 + 0.01 * ((configId * 7) % 9) + 0.05 * rung;

function runToEnd(state: StudyState, outcome: (s: StudyState, trialId: number) => 'ok' | 'diverge' | 'crash' = () => 'ok'): StudyState {
  for (let guard = 0; state.phase === 'running' && guard < 1000; guard++) {
    const [next] = queuedTrials(state);
    if (!next) break;
    state = studyReducer(state, { type: 'trialStarted', trialId: next.trialId });
    const kind = outcome(state, next.trialId);
    if (kind === 'crash') state = studyReducer(state, { type: 'trialFailed', trialId: next.trialId, code: 'WORKER_CRASHED', message: 'boom' });
    else state = studyReducer(state, {
      type: 'trialFinished', trialId: next.trialId, status: kind === 'ok' ? 'completed' : 'diverged',
      valAccuracy: kind === 'ok' ? accuracyOf(state, next.configId, next.rung) : null, valLoss: 1, durationMs: 1, imagesPerSecond: 1, backend: 'cpu',
    });
  }
  return state;
}

describe('study machine (successive halving)', () => {
  it('creates 9, 3, 1 trials on the smoke plan and promotes the best by validation accuracy', () => {
    const end = runToEnd(initStudy(def()));
    expect(end.phase).toBe('finished');
    const perRung = [0, 1, 2].map((r) => end.trials.filter((t) => t.rung === r));
    expect(perRung.map((t) => t.length)).toEqual([9, 3, 1]);
    // Oracle: the top 3 of rung 0 by the known accuracy function, then the top 1 of those.
    const top3 = [...Array(9).keys()].sort((a, b) => accuracyOf(end, b, 0) - accuracyOf(end, a, 0) || a - b).slice(0, 3);
    expect(perRung[1].map((t) => t.configId).sort()).toEqual([...top3].sort());
    expect(perRung[2][0].configId).toBe(top3[0]);
    expect(rankConfigs(end)[0].configId).toBe(top3[0]);
    expect(rankConfigs(end)).toHaveLength(9);
  });

  it('samples the same configurations for the same seed and different ones for another', () => {
    expect(initStudy(def()).configs).toEqual(initStudy(def()).configs);
    expect(initStudy({ ...def(), seed: 7 }).configs).not.toEqual(initStudy(def()).configs);
  });

  it('never promotes a diverged trial and ranks it last', () => {
    const end = runToEnd(initStudy(def()), (s, id) => (s.trials[id].configId === 0 ? 'diverge' : 'ok'));
    expect(end.trials.filter((t) => t.configId === 0)).toHaveLength(1);
    const ranking = rankConfigs(end);
    expect(ranking[ranking.length - 1]).toMatchObject({ configId: 0, state: 'diverged' });
  });

  it('retries a crashed trial once, then marks it failed, and still finishes', () => {
    const end = runToEnd(initStudy(def()), (s, id) => (s.trials[id].configId === 4 ? 'crash' : 'ok'));
    const t = end.trials.find((x) => x.configId === 4)!;
    expect(t).toMatchObject({ state: 'failed', attempts: 2, error: { code: 'WORKER_CRASHED' } });
    expect(end.phase).toBe('finished');
  });

  it('stops: running and queued trials are cancelled, completed results are kept', () => {
    let s = initStudy(def());
    s = studyReducer(s, { type: 'trialStarted', trialId: 0 });
    s = studyReducer(s, { type: 'trialFinished', trialId: 0, status: 'completed', valAccuracy: 0.3, valLoss: 1, durationMs: 1, imagesPerSecond: 1, backend: 'cpu' });
    s = studyReducer(s, { type: 'trialStarted', trialId: 1 });
    s = studyReducer(s, { type: 'stop' });
    expect(s.phase).toBe('stopped');
    expect(s.trials[0].state).toBe('completed');
    expect(s.trials.slice(1).every((t) => t.state === 'cancelled')).toBe(true);
    expect(queuedTrials(s)).toEqual([]);
  });
});
