import { describe, expect, it } from 'vitest';
import committed from './promotionEvidence.json';
import { beatsAccuracy, promotionEvidenceText, type PromotionEvidence, type RuleEvidence } from './promotionEvidence';

const rule = (regretDiffPts: number, ci95: [number, number], over: Partial<RuleEvidence> = {}): RuleEvidence => ({
  rule: 'metaModelMemory',
  scheduler: 'successiveHalving',
  poolSize: 9,
  studies: 200,
  regretDiffPts,
  ci95,
  decidedShare: 0.6,
  ...over,
});
const table = (rules: RuleEvidence[], tableConfigurations = 32): PromotionEvidence => ({
  tableConfigurations,
  tableTarget: 32,
  fullFidelity: '45000 images x 4 epochs',
  rules,
});

describe('promotion evidence', () => {
  it('counts a rule as beating accuracy only when its whole regret CI is below 0', () => {
    expect(beatsAccuracy(rule(-0.5, [-0.9, -0.1]))).toBe(true);
    expect(beatsAccuracy(rule(-0.5, [-0.9, 0.2]))).toBe(false);
    expect(beatsAccuracy(rule(0.4, [0.1, 0.7]))).toBe(false);
  });

  it('keeps accuracy the default and quotes the figures when no CI excludes 0', () => {
    const text = promotionEvidenceText(table([rule(-0.31, [-0.9, 0.2])]));
    expect(text).toMatch(/^Default: promote by accuracy\. The meta-model does not beat it/);
    expect(text).toContain('regret -0.31 pts vs accuracy, 95% CI [-0.90, +0.20]');
    expect(text).toContain('full = 45000 images x 4 epochs');
  });

  it('names a rule that does beat accuracy', () => {
    expect(promotionEvidenceText(table([rule(-0.5, [-0.9, -0.1])]))).toMatch(
      /beat accuracy where its CI excludes 0 \(metaModelMemory\/successiveHalving\)/,
    );
  });

  it('says the meta-model cannot be judged where it never decided, whatever its (accuracy-equal) CI', () => {
    const text = promotionEvidenceText(
      table([rule(0, [0, 0], { decidedShare: 0 }), rule(0, [0, 0], { rule: 'metaModel', decidedShare: 0 })], 10),
    );
    expect(text).toMatch(/^Default: promote by accuracy\. On the ground-truth table \(10 configurations/);
    expect(text).toContain('cannot be judged yet');
    expect(text).not.toContain('does not beat it');
    expect(text).toContain('"full" = 6,750 images x 2 epochs');
  });

  it('quotes only the rules that decided, with the share they decided', () => {
    const text = promotionEvidenceText(
      table([rule(-0.2, [-0.5, 0.1]), rule(0, [0, 0], { rule: 'metaModel', decidedShare: 0 })]),
    );
    expect(text).toContain('metaModelMemory under successiveHalving (pool 9, decided 60% of promotions)');
    expect(text).not.toContain('metaModel under');
  });

  it('falls back to the labelled saved-run figures while the table is too small', () => {
    const text = promotionEvidenceText(table([], 3));
    expect(text).toContain('holds 3 of 32 configurations so far');
    expect(text).toContain('"full" = 6,750 images x 2 epochs');
  });

  it('reads the committed evidence file', () => {
    const text = promotionEvidenceText(committed as PromotionEvidence);
    expect(text).toMatch(/^(Default: promote by accuracy|The meta-model beat accuracy)/);
  });
});
