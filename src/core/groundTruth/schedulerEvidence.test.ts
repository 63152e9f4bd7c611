// The scheduler sentence the page shows, against hand-built evidence: the smallest pool only, the
// verdict read from the interval over resampled tables, nothing where there are no figures.
import { describe, expect, it } from 'vitest';
import { P_BEST_DEFINITION } from './poolBest';
import { COMPUTE_UNIT, COMPUTE_UNIT_BRIEF } from './replayCost';
import evidence from './promotionEvidence.json';
import type { PromotionEvidence } from './promotionEvidence';
import { KEEPS_SHARE, schedulerEvidenceText, schedulerVerdicts, type SchedulerEvidence } from './schedulerEvidence';

const row = (scheduler: string, poolSize: number, diff: number, ci: [number, number] | null): SchedulerEvidence => ({
  scheduler,
  poolSize,
  computeFraction: 0.43,
  regretDiffPts: diff,
  tableCi95: ci,
});

describe('schedulerEvidenceText', () => {
  it('states each scheduler of the smallest pool with its interval and what the interval says', () => {
    const text = schedulerEvidenceText(
      [
        row('successiveHalving', 9, -5.12, [-12.03, -1.7]),
        row('hyperband', 9, -1.12, [-4.23, 0.08]),
        row('twoStep', 9, 0.9, [0.2, 1.5]),
        row('successiveHalving', 27, -2.13, [-8.25, 1.88]),
      ],
      27,
      '45000 images x 4 epochs',
    );
    expect(text).toBe(
      'Against random search that spends the same compute on full runs, replayed on the ground-truth table ' +
        '(27 configurations, 9 per study, full = 45000 images x 4 epochs; 95% intervals over resampled tables): ' +
        'successive halving over data fractions: better, -5.1 points of regret [-12.0, -1.7] at 43% of the compute; ' +
        'Hyperband: not distinguishable, -1.1 points of regret [-4.2, +0.1] at 43% of the compute; ' +
        'two-step: worse, +0.9 points of regret [+0.2, +1.5] at 43% of the compute.',
    );
  });

  it('says nothing without figures over resampled tables', () => {
    expect(schedulerEvidenceText([], 27, '45000 images x 4 epochs')).toBe('');
    expect(schedulerEvidenceText([row('hyperband', 9, -1, null)], 27, '45000 images x 4 epochs')).toBe('');
  });

  it('gives P(best) with its definition, the figure under seed noise, and which schedulers keep it', () => {
    const full = (scheduler: string, pBest: number, noisy: number, ceiling: number): SchedulerEvidence => ({
      ...row(scheduler, 9, -1, [-2, -0.5]),
      studies: 10000,
      computeUnit: COMPUTE_UNIT,
      pBest,
      pBestCi95: [pBest - 0.01, pBest + 0.01],
      pBestDefinition: P_BEST_DEFINITION,
      underSeedNoise: { pBest: noisy, tableBestPBest: ceiling, seedSdPts: 0.54, keeps: noisy / ceiling >= KEEPS_SHARE },
    });
    const text = schedulerEvidenceText(
      [full('successiveHalving', 0.79, 0.4, 0.7), full('twoStep', 0.91, 0.66, 0.7)],
      32,
      '45000 images x 4 epochs',
    );
    expect(text).toContain('(32 configurations, 9 per study, 10,000 studies, full = 45000 images x 4 epochs;');
    expect(text).toContain(
      'successive halving over data fractions: better, -1.0 points of regret [-2.0, -0.5] at 43% of the compute, P(best) 79%, 40% under seed noise (at most 70%)',
    );
    expect(text).toContain(`P(best) is the ${P_BEST_DEFINITION}.`);
    expect(text).toContain('per-run SD 0.54 points');
    expect(text).toContain('Keeping 90% of that under noise: two-step.');
    expect(text).toContain(`Compute is counted in ${COMPUTE_UNIT_BRIEF}`);
  });
});

describe('schedulerVerdicts', () => {
  it('gives each scheduler one verdict, the one the sentence writes, from the smallest pool with a table interval', () => {
    const evidence = [
      row('hyperband', 9, -1.6, [-3.6, -0.3]),
      row('hyperband', 27, 0.4, [-0.1, 0.9]), // a larger pool's figures decide nothing
      row('twoStep', 9, 0.2, [-1, 1.5]),
      row('successiveHalving', 9, 2, [0.5, 3]),
      row('successiveHalvingEpochs', 9, -1, null),
    ];
    const verdicts = schedulerVerdicts(evidence);
    expect([...verdicts.entries()]).toEqual([
      ['hyperband', { verdict: 'better', poolSize: 9, tableCi95: [-3.6, -0.3] }],
      ['twoStep', { verdict: 'not distinguishable', poolSize: 9, tableCi95: [-1, 1.5] }],
      ['successiveHalving', { verdict: 'worse', poolSize: 9, tableCi95: [0.5, 3] }],
    ]);
    const text = schedulerEvidenceText(evidence, 32, '45000 images x 4 epochs');
    expect(text).toContain('Hyperband: better, -1.6 points');
    expect(text).toContain('two-step: not distinguishable');
    expect(text).toContain('successive halving over data fractions: worse');
  });

  it('agrees with the sentence for every scheduler of the shipped evidence', () => {
    const shipped = evidence as PromotionEvidence;
    const text = schedulerEvidenceText(shipped.schedulers ?? [], shipped.tableConfigurations, shipped.fullFidelity);
    const verdicts = schedulerVerdicts(shipped.schedulers ?? []);
    expect(verdicts.size).toBeGreaterThan(0);
    for (const [scheduler, v] of verdicts) {
      const name = {
        successiveHalving: 'successive halving over data fractions',
        successiveHalvingEpochs: 'successive halving over epochs',
        hyperband: 'Hyperband',
        twoStep: 'two-step',
      }[scheduler];
      expect(text).toContain(`${name}: ${v.verdict},`);
    }
  });
});
