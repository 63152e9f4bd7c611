// Promotion regret against hand-computed cases: the study's promoted set and the top-n-by-accuracy
// set are each judged by the best full-fidelity accuracy they kept.
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../study/presets';
import { initStudy, pendingPromotions, studyReducer, type StudyState } from '../study/studyMachine';
import type { StudyDefinition } from '../study/studyDefinition';
import { checkPromotions } from './promotionAudit';
import { driveStudy } from '../../testing/driveStudy';

const smoke = PRESETS.find((p) => p.id === 'smoke')!.study;
const def: StudyDefinition = { ...smoke, scheduler: { ...smoke.scheduler, promotion: 'metaModel' } };

const finishQueued = (state: StudyState): StudyState =>
  driveStudy(state, (t) => 0.1 + 0.01 * t.configId, { once: true });

describe('promotion regret', () => {
  it('scores the promoted set and the accuracy rule on the same candidates', () => {
    let state = finishQueued(initStudy(def));
    // The meta-model promotes 0, 1, 2; accuracy would promote 6, 7, 8.
    state = studyReducer(state, {
      type: 'promotionScored',
      bracket: 0,
      rung: 0,
      rule: 'metaModel',
      scores: { 0: 0.9, 1: 0.8, 2: 0.7 },
      predictions: null,
      note: '',
    });
    state = finishQueued(state);
    // Full fidelity: config 1 is best (0.6); among 6, 7, 8 the best is 7 (0.45).
    const full = new Map([
      [0, 0.3],
      [1, 0.6],
      [2, 0.2],
      [3, 0.1],
      [4, 0.1],
      [5, 0.1],
      [6, 0.4],
      [7, 0.45],
      [8, 0.35],
    ]);
    const [first] = checkPromotions(state, full);
    expect(first).toMatchObject({ rung: 0, rule: 'metaModel', promoted: [0, 1, 2], byAccuracy: [8, 7, 6] });
    expect(first.regretPts).toBeCloseTo(0, 10);
    expect(first.accuracyRegretPts).toBeCloseTo(15, 10);
    expect(pendingPromotions(state)).toHaveLength(1); // rung 1 waits for its own scores
  });
});
