// The recommendation in the promotion oracle world (src/testing/promotionOracle): it must pick the
// best confirmed configuration and forecast it without its own label.
import { describe, expect, it } from 'vitest';
import { initStudy, pendingPromotions, studyReducer } from '../study/studyMachine';
import { scorePromotion } from './promotionScoring';
import { recommend } from './recommendation';
import { def, example, finishRung, fullAccuracy, lowAccuracy, noSignals } from '../../testing/promotionOracle';

describe('recommend', () => {
  it('recommends the best confirmed configuration with a forecast made without its own result', () => {
    let state = initStudy(def);
    const examples = Array.from({ length: 20 }, (_, i) => example(i));
    for (let guard = 0; state.phase === 'running' && guard < 10; guard++) {
      state = finishRung(state);
      for (const p of pendingPromotions(state))
        state = studyReducer(state, {
          type: 'promotionScored',
          ...scorePromotion({ state, signals: noSignals, examples, now: 100 }, p),
        });
    }
    expect(state.phase).toBe('finished');
    const rec = recommend({ state, signals: noSignals, examples, now: 200 })!;
    const finalist = state.trials.find((t) => t.resource === 1)!;
    expect(rec.configId).toBe(finalist.configId);
    expect(rec.confirmedAccuracy).toBeCloseTo(fullAccuracy(lowAccuracy(finalist.configId)), 10);
    expect(rec.predicted).not.toBeNull();
    expect(Math.abs(rec.predicted!.mean - rec.confirmedAccuracy!)).toBeLessThan(0.05);
    expect(rec.note).toMatch(/without this configuration's own full-fidelity result/);
  });
});
