// Tests for rankingAudit.ts: ranking scores by hand on a four-configuration example, the composite
// rule with and without probes, and the nested leave-one-out meta-model on a learnable synthetic task.
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { ridgeRegressor } from './ridge';
import { compositeScores, leaveOneOutMetaModel, scoreRanking } from './rankingAudit';

describe('scoreRanking', () => {
  it('scores a ranking that swaps the best two configurations', () => {
    const actual = [0.5, 0.6, 0.4, 0.3];
    const predicted = [0.9, 0.8, 0.2, 0.1]; // ranks config 0 first, but config 1 is best
    const s = scoreRanking(predicted, actual);
    // Ranks: predicted 4,3,2,1 vs actual 3,4,2,1: d² = 1+1 → rho = 1 - 6·2 / (4·15) = 0.8.
    expect(s.spearman).toBeCloseTo(0.8, 12);
    // One discordant pair of six: tau = (5 - 1) / 6.
    expect(s.kendall).toBeCloseTo(4 / 6, 12);
    expect(s.top1RegretPts).toBeCloseTo(10, 10);
    expect(s.top3RegretPts).toBe(0);
  });
});

describe('compositeScores', () => {
  it('subtracts alpha · sharpness, and falls back with a note when any probe is missing', () => {
    const c = compositeScores([0.5, 0.4], [1, 0], 0.2);
    expect(c.scores[0]).toBeCloseTo(0.3, 12);
    expect(c.scores[1]).toBeCloseTo(0.4, 12);
    expect(c.usedSharpness).toBe(true);
    const f = compositeScores([0.5, 0.4], [1, null]);
    expect(f.scores).toEqual([0.5, 0.4]);
    expect(f.usedSharpness).toBe(false);
    expect(f.note).toMatch(/missing for 1 of 2/);
  });
});

describe('leaveOneOutMetaModel', () => {
  it('predicts each held-out target of a linear task closely, with every model scored', () => {
    const rng = createRng(6);
    const rows = Array.from({ length: 12 }, () => [rng.normal(), rng.normal()]);
    const targets = rows.map((r) => 0.5 + 0.05 * r[0] + 0.002 * rng.normal());
    const loo = leaveOneOutMetaModel(rows, targets, createRng(7), {
      candidates: [ridgeRegressor(0.01), ridgeRegressor(100)],
    });
    expect(loo.rmse).toBeLessThan(0.01);
    expect(loo.chosen.every((name) => name === 'ridge(λ=0.01)')).toBe(true);
    expect(loo.perModel.map((m) => m.name)).toEqual(['ridge(λ=0.01)', 'ridge(λ=100)']);
    expect(loo.perModel[0].rmse).toBeLessThan(loo.perModel[1].rmse);
    expect(
      scoreRanking(
        loo.predictions.map((p) => p.mean),
        targets,
      ).spearman,
    ).toBeGreaterThan(0.9);
  });
});
