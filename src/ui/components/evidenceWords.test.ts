import { describe, expect, it } from 'vitest';
import evidence from '../../core/groundTruth/promotionEvidence.json';
import { promotionEvidence, type PromotionEvidence } from '../../core/groundTruth/promotionEvidence';
import { schedulerEvidenceText, type SchedulerEvidence } from '../../core/groundTruth/schedulerEvidence';
import { CODE_IDENTIFIER } from '../../testing/codeIdentifier';
import { plainNames, promotionVerdict, schedulerVerdict } from './evidenceWords';

const shipped = evidence as PromotionEvidence;
const row = (scheduler: string, ci: [number, number]): SchedulerEvidence => ({
  scheduler,
  poolSize: 9,
  computeFraction: 0.5,
  regretDiffPts: (ci[0] + ci[1]) / 2,
  tableCi95: ci,
});

describe('evidence in plain words', () => {
  it('writes the shipped figures with no code identifiers', () => {
    const { figures } = promotionEvidence(shipped);
    expect(figures).toMatch(CODE_IDENTIFIER); // the core's own text names rules by code
    expect(plainNames(figures)).not.toMatch(CODE_IDENTIFIER);
    expect(plainNames('(metaModelMemory/successiveHalving, metaModelMemory/twoStep)')).toBe(
      '(the meta-model (with earlier studies as memory) under successive halving, the meta-model (with earlier studies as memory) under two-step)',
    );
    const schedulers = schedulerEvidenceText(
      shipped.schedulers ?? [],
      shipped.tableConfigurations,
      shipped.fullFidelity,
    );
    expect(plainNames(schedulers)).not.toMatch(CODE_IDENTIFIER);
  });
  it('sorts schedulers by whether their interval lies below 0, holds 0, or lies above it', () => {
    const text = schedulerVerdict([
      row('successiveHalving', [-9.8, -1.7]),
      row('hyperband', [-3.2, 0]),
      row('twoStep', [0.5, 2]),
      { ...row('successiveHalving', [-1, 1]), poolSize: 27 },
    ]);
    expect(text).toBe(
      'Measured on real training runs: successive halving found better configurations than random search given the same compute; Hyperband did not clearly differ from it; two-step did worse.',
    );
  });
  it('says the meta-model never beat accuracy, and where it was worse, on the shipped evidence', () => {
    const text = promotionVerdict(shipped);
    expect(text).toMatch(/^Default: promote by validation accuracy\./);
    const worse = shipped.rules.filter((r) => r.rule === 'metaModelMemory' && r.ci95[0] > 0);
    if (worse.length > 0) expect(text).toContain('picked slightly worse');
    expect(text).not.toMatch(CODE_IDENTIFIER);
    expect(text).not.toMatch(/CI|regret/);
  });
});
