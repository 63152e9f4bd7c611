// Promotion scoring against an oracle world (src/testing/promotionOracle) in which full-fidelity
// accuracy falls as low-fidelity accuracy rises. With enough examples the rule must promote the
// configurations the oracle prefers; with too few, or a closed CV gate, it must fall back to
// accuracy and say why.
import { describe, expect, it } from 'vitest';
import { initStudy, pendingPromotions, queuedTrials, studyReducer } from '../study/studyMachine';
import type { StudyDefinition } from '../study/studyDefinition';
import { scorePromotion } from './promotionScoring';
import { def, example, finishRung, fullAccuracy, lowAccuracy, noSignals } from '../../testing/promotionOracle';

describe('meta-model promotion rule', () => {
  it('promotes what the learned model predicts, against raw accuracy', () => {
    const state = finishRung(initStudy(def));
    const [pending] = pendingPromotions(state);
    const record = scorePromotion(
      { state, signals: noSignals, examples: Array.from({ length: 20 }, (_, i) => example(i)), now: 100 },
      pending,
    );
    expect(record.rule).toBe('metaModel');
    const next = studyReducer(state, { type: 'promotionScored', ...record });
    // Oracle: the three lowest low-fidelity accuracies have the highest full accuracies.
    expect(
      queuedTrials(next)
        .map((t) => t.configId)
        .sort(),
    ).toEqual([0, 1, 2]);
    const p = record.predictions![0];
    expect(p.lower).toBeLessThanOrEqual(p.mean);
    expect(p.mean).toBeCloseTo(fullAccuracy(lowAccuracy(0)), 1);
    expect(record.note).toMatch(/20 example\(s\) from earlier studies/);
    expect(record.note).toMatch(
      /on 20 earlier configurations at this rung's resource, the meta-model's out-of-fold ranking \(Spearman [\d.]+\) against their own accuracy's \(-1\.00\) won 100% of 400 bootstrap resamples/,
    );
  });

  it('leaves a rung to accuracy when too few examples were seen at its resource', () => {
    // Every example was observed at 1/9 only; rung 1 trains at 1/3 (bench:promotion showed the
    // model extrapolating across resources ranks worse there than the rung's own accuracy).
    let state = finishRung(initStudy(def));
    const examples = Array.from({ length: 20 }, (_, i) => example(i));
    const [first] = pendingPromotions(state);
    state = studyReducer(state, {
      type: 'promotionScored',
      ...scorePromotion({ state, signals: noSignals, examples, now: 100 }, first),
    });
    state = finishRung(state);
    const [second] = pendingPromotions(state);
    expect(second.rung).toBe(1);
    const record = scorePromotion({ state, signals: noSignals, examples, now: 100 }, second);
    expect(record).toMatchObject({ rule: 'accuracy', scores: null });
    expect(record.note).toMatch(/0 example\(s\) seen at this rung's resource \(33\.3% of full fidelity\)/);
    const unguarded = {
      ...state,
      definition: {
        ...state.definition,
        scheduler: { ...state.definition.scheduler, promotionGuard: 'none' as const },
      },
    };
    expect(scorePromotion({ state: unguarded, signals: noSignals, examples, now: 100 }, second).rule).toBe('metaModel');
  });

  it('lets accuracy decide when, on earlier studies, the model cannot out-rank it (the CV gate)', () => {
    // An oracle world where low-fidelity accuracy already orders full accuracy perfectly: nothing to beat.
    const faithful = Array.from({ length: 12 }, (_, i) => ({ ...example(i), fullAccuracy: 0.2 + 0.02 * i }));
    const state = finishRung(initStudy(def));
    const [pending] = pendingPromotions(state);
    const record = scorePromotion({ state, signals: noSignals, examples: faithful, now: 100 }, pending);
    expect(record).toMatchObject({ rule: 'accuracy', scores: null });
    expect(record.note).toMatch(
      /on 12 earlier configurations at this rung's resource, the meta-model's out-of-fold ranking \(Spearman [-\d.]+\) against their own accuracy's \(1\.00\) won 0% of 400 bootstrap resamples, fewer than the 80% needed/,
    );
    // Without the gate the same model would have decided.
    const counted = {
      ...state,
      definition: {
        ...state.definition,
        scheduler: { ...state.definition.scheduler, promotionGuard: 'count' as const },
      },
    };
    expect(scorePromotion({ state: counted, signals: noSignals, examples: faithful, now: 100 }, pending).rule).toBe(
      'metaModel',
    );
  });

  it('adds kappa standard deviations under the UCB option', () => {
    const ucbDef: StudyDefinition = { ...def, scheduler: { ...def.scheduler, ucbKappa: 2 } };
    const state = finishRung(initStudy(ucbDef));
    const [pending] = pendingPromotions(state);
    const record = scorePromotion(
      { state, signals: noSignals, examples: Array.from({ length: 12 }, (_, i) => example(i)), now: 100 },
      pending,
    );
    expect(record.note).toMatch(/\+ 2 sd \(UCB\)/);
    for (const id of pending.configIds) {
      const p = record.predictions![id];
      const sd = (p.upper - p.mean) / 1.645;
      expect(record.scores![id]).toBeCloseTo(p.mean + 2 * sd, 10);
    }
  });

  it('falls back to plain successive halving with too few matching examples, and says why', () => {
    const state = finishRung(initStudy(def));
    const [pending] = pendingPromotions(state);
    const otherFidelity = { ...example(0), fidelity: { dataset: 'cifar10' as const, trainImages: 123, epochs: 1 } };
    const record = scorePromotion(
      { state, signals: noSignals, examples: [example(1), example(2), otherFidelity], now: 100 },
      pending,
    );
    expect(record).toMatchObject({ rule: 'accuracy', scores: null });
    expect(record.note).toMatch(/2 example\(s\) at full fidelity 4500 images x 1 epoch, fewer than the 8/);
    const next = studyReducer(state, { type: 'promotionScored', ...record });
    expect(
      queuedTrials(next)
        .map((t) => t.configId)
        .sort(),
    ).toEqual([6, 7, 8]);
  });
});
