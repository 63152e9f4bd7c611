import { describe, expect, it } from 'vitest';
import committed from './promotionEvidence.json';
import type { ProbeConfirmation, ProbeLead } from './probeConfirmation';
import type { ProbeSignal } from './probeSignal';
import {
  beatsAccuracy,
  probeEvidence,
  promotionEvidence,
  promotionEvidenceText,
  type PromotionEvidence,
  type RuleEvidence,
} from './promotionEvidence';

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
    const { verdict, figures } = promotionEvidence(table([rule(-0.31, [-0.9, 0.2])]));
    expect(verdict).toBe(
      'Default: promote by accuracy. The meta-model does not beat it: no regret CI lies wholly below 0.',
    );
    expect(figures).toMatch(
      /^Replayed on the ground-truth table \(32 configurations, full = 45000 images x 4 epochs\): /,
    );
  });

  it('names the cells where the meta-model is worse than accuracy', () => {
    const text = promotionEvidenceText(
      table([rule(0.81, [0.53, 1.19]), rule(0.13, [-0.01, 0.3], { scheduler: 'hyperband' })]),
    );
    expect(text).toContain(
      'does not beat it: no regret CI lies wholly below 0; it is worse where the CI lies wholly above 0 (metaModelMemory/successiveHalving).',
    );
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

  it('counts the probe-rung pairs whose intervals exclude 0, one at a time and all at once, and the confirmed leads', () => {
    const signal = (partialSpearman: number, ci95: [number, number], ci95Simultaneous: [number, number]) =>
      ({ partialSpearman, ci95, ci95Simultaneous }) as ProbeSignal;
    const lead = (confirmed: boolean) => ({ confirmed }) as ProbeLead;
    const e = probeEvidence(
      [
        signal(0.6, [0.2, 0.8], [0.05, 0.9]),
        signal(0.5, [0.1, 0.8], [-0.2, 0.9]),
        signal(-0.5, [-0.8, -0.1], [-0.9, 0.2]),
        signal(0.1, [-0.3, 0.5], [-0.6, 0.7]),
        signal(NaN, [NaN, NaN], [NaN, NaN]),
      ],
      { exploreConfigs: [], confirmConfigs: [], leads: [lead(false), lead(true), lead(false)] } as ProbeConfirmation,
    );
    expect(e).toEqual({ tests: 4, excludingSingle: 3, excludingSimultaneous: 1, leads: 3, confirmed: 1 });
  });

  it('says the probes do not steer promotion when nothing survives the correction or the held-out half', () => {
    const text = promotionEvidenceText({
      ...table([rule(-0.31, [-0.9, 0.2])]),
      probes: { tests: 36, excludingSingle: 6, excludingSimultaneous: 0, leads: 2, confirmed: 0 },
    });
    expect(text).toContain(
      '6 of 36 probe-rung correlations with full accuracy exclude 0 one at a time (chance gives about 1.8), 0 when all must hold at once',
    );
    expect(text).toContain('2 leads chosen on half the table');
    expect(text).toContain('none held on the other half');
    expect(
      promotionEvidence({
        ...table([rule(-0.31, [-0.9, 0.2])]),
        probes: { tests: 36, excludingSingle: 6, excludingSimultaneous: 0, leads: 2, confirmed: 0 },
      }).verdict,
    ).toMatch(/Tier-2 probes are off unless asked for and never steer promotion: no probe signal survives/);
    const held = promotionEvidenceText({
      ...table([rule(-0.31, [-0.9, 0.2])]),
      probes: { tests: 36, excludingSingle: 6, excludingSimultaneous: 1, leads: 2, confirmed: 1 },
    });
    expect(held).toContain('1 of them held on the other half');
    expect(held).toContain('Some tier-2 probe signal held up');
    expect(promotionEvidenceText(table([rule(-0.31, [-0.9, 0.2])]))).not.toContain('Tier-2');
  });

  it('reads the committed evidence file', () => {
    const text = promotionEvidenceText(committed as PromotionEvidence);
    expect(text).toMatch(/^(Default: promote by accuracy|The meta-model beat accuracy)/);
  });
});
