// The meta-model promotion rule inside the study machine: a complete rung waits for scores, then
// promotes by them (or by accuracy when the record says so); a diverged trial stays last whatever
// its score; stale or repeated scores change nothing.
import { describe, expect, it } from 'vitest';
import { PRESETS } from './presets';
import { initStudy, pendingPromotions, queuedTrials, resumeStudy, studyReducer, type StudyState } from './studyMachine';
import type { StudyDefinition } from './studyDefinition';
import { driveStudy } from '../../testing/driveStudy';

const smoke = PRESETS.find((p) => p.id === 'smoke')!.study;
const def: StudyDefinition = { ...smoke, scheduler: { ...smoke.scheduler, promotion: 'metaModel' } };

/** Runs every queued trial; config c scores 0.1 + 0.01 c (so accuracy prefers high ids), config 4 diverges. */
const finishQueued = (state: StudyState): StudyState =>
  driveStudy(state, (t) => (t.configId === 4 ? null : 0.1 + 0.01 * t.configId), { once: true });

describe('meta-model promotion in the study machine', () => {
  it('waits for scores after a complete rung, then promotes by them, not by accuracy', () => {
    let state = finishQueued(initStudy(def));
    expect(queuedTrials(state)).toHaveLength(0);
    const [pending] = pendingPromotions(state);
    expect(pending).toMatchObject({ bracket: 0, rung: 0, configIds: [0, 1, 2, 3, 4, 5, 6, 7, 8] });
    // Scores reverse the accuracy order; config 4 diverged, so its top score must not promote it.
    const scores = Object.fromEntries(pending.configIds.map((id) => [id, 1 - 0.01 * id])) as Record<number, number>;
    scores[4] = 10;
    state = studyReducer(state, {
      type: 'promotionScored',
      bracket: 0,
      rung: 0,
      rule: 'metaModel',
      scores,
      predictions: null,
      note: 'test',
    });
    expect(
      queuedTrials(state)
        .map((t) => t.configId)
        .sort(),
    ).toEqual([0, 1, 2]);
    expect(state.promotions).toHaveLength(1);
    // A repeated record for the same rung is ignored.
    const again = studyReducer(state, {
      type: 'promotionScored',
      bracket: 0,
      rung: 0,
      rule: 'metaModel',
      scores: { 8: 5 },
      predictions: null,
      note: 'late',
    });
    expect(again).toBe(state);
  });

  it('falls back to accuracy when the record carries no scores', () => {
    let state = finishQueued(initStudy(def));
    state = studyReducer(state, {
      type: 'promotionScored',
      bracket: 0,
      rung: 0,
      rule: 'accuracy',
      scores: null,
      predictions: null,
      note: 'too few examples',
    });
    expect(
      queuedTrials(state)
        .map((t) => t.configId)
        .sort(),
    ).toEqual([6, 7, 8]);
  });

  it('finishes the study once every rung was scored', () => {
    let state = initStudy(def);
    for (let guard = 0; state.phase === 'running' && guard < 10; guard++) {
      state = finishQueued(state);
      for (const p of pendingPromotions(state))
        state = studyReducer(state, {
          type: 'promotionScored',
          bracket: p.bracket,
          rung: p.rung,
          rule: 'accuracy',
          scores: null,
          predictions: null,
          note: '',
        });
    }
    expect(state.phase).toBe('finished');
    expect(state.trials.map((t) => t.rung)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 2]);
    expect(state.promotions!.map((p) => p.rung)).toEqual([0, 1]);
  });

  it('drops scores that arrive after Stop, and asks again once resumed', () => {
    let state = finishQueued(initStudy(def));
    state = studyReducer(state, { type: 'stop' });
    const late = studyReducer(state, {
      type: 'promotionScored',
      bracket: 0,
      rung: 0,
      rule: 'accuracy',
      scores: null,
      predictions: null,
      note: '',
    });
    expect(late).toBe(state);
    const resumed = resumeStudy(state);
    expect(pendingPromotions(resumed)).toHaveLength(1);
    const next = studyReducer(resumed, {
      type: 'promotionScored',
      bracket: 0,
      rung: 0,
      rule: 'accuracy',
      scores: null,
      predictions: null,
      note: '',
    });
    expect(queuedTrials(next)).toHaveLength(3);
  });

  it('scores each Hyperband bracket separately and finishes them all', () => {
    const hb: StudyDefinition = { ...def, scheduler: { ...def.scheduler, kind: 'hyperband' } };
    let state = initStudy(hb);
    const asked: string[] = [];
    for (let guard = 0; state.phase === 'running' && guard < 20; guard++) {
      state = finishQueued(state);
      for (const p of pendingPromotions(state)) {
        asked.push(`${p.bracket}:${p.rung}`);
        state = studyReducer(state, {
          type: 'promotionScored',
          bracket: p.bracket,
          rung: p.rung,
          rule: 'accuracy',
          scores: null,
          predictions: null,
          note: '',
        });
      }
    }
    expect(state.phase).toBe('finished');
    // Every rung transition of every bracket was asked for exactly once (the last bracket has none).
    const transitions = state.brackets.flatMap((b) => b.plan.slice(0, -1).map((r) => `${b.bracket}:${r.rung}`));
    expect(asked.sort()).toEqual(transitions.sort());
  });

  it('never waits under the default rule', () => {
    const plain = finishQueued(initStudy(smoke));
    expect(pendingPromotions(plain)).toEqual([]);
    expect(queuedTrials(plain)).toHaveLength(3);
  });
});
