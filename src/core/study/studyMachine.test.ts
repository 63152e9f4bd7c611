// The study state machine driven by scripted events: the trials it creates must follow the
// successive-halving plan, promote the best by validation accuracy, and survive failures.
import { describe, expect, it } from 'vitest';
import { PRESETS } from './presets';
import { initStudy, queuedTrials, requestTrials, resumeStudy, studyReducer, type StudyState } from './studyMachine';
import { rankConfigs } from './studyRanking';
import type { StudyDefinition } from './studyDefinition';

const smoke = PRESETS.find((p) => p.id === 'smoke')!.study;
const def = (over: Partial<StudyDefinition['scheduler']> = {}): StudyDefinition => ({
  ...smoke,
  scheduler: { ...smoke.scheduler, ...over },
});

// Accuracy as a known function of the configuration, so the oracle knows who should survive.
const accuracyOf = (_: StudyState, configId: number, rung: number) => 0.1 + 0.01 * ((configId * 7) % 9) + 0.05 * rung;

function runToEnd(
  state: StudyState,
  outcome: (s: StudyState, trialId: number) => 'ok' | 'diverge' | 'crash' = () => 'ok',
): StudyState {
  for (let guard = 0; state.phase === 'running' && guard < 1000; guard++) {
    const [next] = queuedTrials(state);
    if (!next) break;
    state = studyReducer(state, { type: 'trialStarted', trialId: next.trialId });
    const kind = outcome(state, next.trialId);
    if (kind === 'crash')
      state = studyReducer(state, {
        type: 'trialFailed',
        trialId: next.trialId,
        code: 'WORKER_CRASHED',
        message: 'boom',
      });
    else
      state = studyReducer(state, {
        type: 'trialFinished',
        trialId: next.trialId,
        status: kind === 'ok' ? 'completed' : 'diverged',
        valAccuracy: kind === 'ok' ? accuracyOf(state, next.configId, next.rung) : null,
        valLoss: 1,
        durationMs: 1,
        imagesPerSecond: 1,
        backend: 'cpu',
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
    const top3 = [...Array(9).keys()]
      .sort((a, b) => accuracyOf(end, b, 0) - accuracyOf(end, a, 0) || a - b)
      .slice(0, 3);
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
    s = studyReducer(s, {
      type: 'trialFinished',
      trialId: 0,
      status: 'completed',
      valAccuracy: 0.3,
      valLoss: 1,
      durationMs: 1,
      imagesPerSecond: 1,
      backend: 'cpu',
    });
    s = studyReducer(s, { type: 'trialStarted', trialId: 1 });
    s = studyReducer(s, { type: 'stop' });
    expect(s.phase).toBe('stopped');
    expect(s.trials[0].state).toBe('completed');
    expect(s.trials.slice(1).every((t) => t.state === 'cancelled')).toBe(true);
    expect(queuedTrials(s)).toEqual([]);
  });
});

describe('study machine: other schedulers', () => {
  const withScheduler = (over: Partial<StudyDefinition['scheduler']>): StudyDefinition => ({
    ...smoke,
    scheduler: { ...smoke.scheduler, ...over },
  });

  it('Hyperband runs every bracket of Li et al. side by side (R=9, η=3: 9@1/9→3→1, 5@1/3→1, 3@1)', () => {
    const end = runToEnd(initStudy(withScheduler({ kind: 'hyperband', minResource: 1 / 9 })));
    expect(end.phase).toBe('finished');
    const count = (bracket: number, rung: number) =>
      end.trials.filter((t) => t.bracket === bracket && t.rung === rung).length;
    expect([count(0, 0), count(0, 1), count(0, 2), count(1, 0), count(1, 1), count(2, 0)]).toEqual([9, 3, 1, 5, 1, 3]);
    expect(end.configs).toHaveLength(9 + 5 + 3);
    expect(new Set(end.trials.filter((t) => t.rung === 0).map((t) => t.configId)).size).toBe(17);
  });

  it('two-step search trains all on the small subset, then the top K on the full split', () => {
    const end = runToEnd(initStudy(withScheduler({ kind: 'twoStep', numConfigs: 6, minResource: 0.1, topK: 2 })));
    expect(end.trials.filter((t) => t.rung === 0).map((t) => t.dataFraction)).toEqual(Array(6).fill(0.1));
    expect(end.trials.filter((t) => t.rung === 1).map((t) => t.dataFraction)).toEqual([1, 1]);
  });

  it('ASHA creates work on demand, promotes the top 1/η of each rung, and finishes', () => {
    let s = initStudy(withScheduler({ kind: 'asha', numConfigs: 9, reductionFactor: 3, minResource: 1 / 9 }));
    expect(s.trials).toHaveLength(0);
    s = requestTrials(s, 2);
    expect(s.trials.map((t) => t.rung)).toEqual([0, 0]);
    for (let guard = 0; s.phase === 'running' && guard < 200; guard++) {
      s = requestTrials(s, 1);
      const [t] = queuedTrials(s);
      if (!t) break;
      s = studyReducer(s, { type: 'trialStarted', trialId: t.trialId });
      s = studyReducer(s, {
        type: 'trialFinished',
        trialId: t.trialId,
        status: 'completed',
        valAccuracy: accuracyOf(s, t.configId, t.rung),
        valLoss: 1,
        durationMs: 1,
        imagesPerSecond: 1,
        backend: 'cpu',
      });
    }
    expect(s.phase).toBe('finished');
    expect(s.trials.filter((t) => t.rung === 0)).toHaveLength(9);
    expect(s.trials.filter((t) => t.rung === 2).length).toBeGreaterThanOrEqual(1);
  });

  it('with epochs as the resource, a promoted trial continues its earlier trial and trains only the extra epochs', () => {
    const def = {
      ...withScheduler({ resource: 'epochs', numConfigs: 9, reductionFactor: 3, minResource: 1 / 9 }),
      fixed: { ...smoke.fixed, epochs: 9 },
    };
    const end = runToEnd(initStudy(def));
    const promoted = end.trials.filter((t) => t.rung > 0);
    expect(promoted.length).toBe(4);
    for (const t of promoted) {
      const from = end.trials[t.resumeFrom!];
      expect(from).toMatchObject({ configId: t.configId, rung: t.rung - 1 });
      expect(t.startEpochs).toBe(from.epochs);
    }
    expect(end.trials.filter((t) => t.rung === 0).every((t) => t.epochs === 1 && t.dataFraction === 1)).toBe(true);
    expect(end.trials.filter((t) => t.rung === 2).map((t) => t.epochs)).toEqual([9]);
  });

  it('resumes a saved study: running trials are requeued, completed ones kept', () => {
    let s = initStudy(def());
    s = studyReducer(s, { type: 'trialStarted', trialId: 0 });
    s = studyReducer(s, {
      type: 'trialFinished',
      trialId: 0,
      status: 'completed',
      valAccuracy: 0.3,
      valLoss: 1,
      durationMs: 1,
      imagesPerSecond: 1,
      backend: 'cpu',
    });
    s = studyReducer(s, { type: 'trialStarted', trialId: 1 });
    const resumed = resumeStudy(JSON.parse(JSON.stringify(s)) as StudyState);
    expect(resumed.trials[0]).toMatchObject({ state: 'completed', valAccuracy: 0.3 });
    expect(resumed.trials[1]).toMatchObject({ state: 'queued', attempts: 0 });
    const end = runToEnd(resumed);
    expect(end.phase).toBe('finished');
    expect(end.trials[0].valAccuracy).toBe(0.3); // not recomputed
  });
});
