// Tests for select.ts: folds partition the rows, leave-one-out CV recovers an exact line out of fold
// (tiny ridge penalty), selection prefers the model family that fits the data,
// and a failing candidate is scored Infinity instead of stopping the selection.
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { forestRegressor } from './forest';
import { onColumns, type Regressor } from './regressor';
import { ridgeRegressor } from './ridge';
import { crossValidate, cvFolds, defaultCandidates, groupFolds, predictPipeline, selectModel } from './select';

describe('cvFolds', () => {
  it('gives leave-one-out for k >= n and otherwise a partition into k near-equal folds', () => {
    expect(cvFolds(3, 5, createRng(1))).toEqual([[0], [1], [2]]);
    const folds = cvFolds(11, 3, createRng(1));
    expect(folds.map((f) => f.length).sort()).toEqual([3, 4, 4]);
    expect(folds.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 11 }, (_, i) => i));
  });
});

describe('crossValidate', () => {
  it('leave-one-out on an exact line predicts every held-out point (tiny ridge penalty)', () => {
    const rows = [[0], [1], [2], [3], [4]];
    const targets = rows.map(([x]) => 0.2 + 0.1 * x);
    const cv = crossValidate(rows, targets, ridgeRegressor(1e-9), cvFolds(5, 5, createRng(1)), 7);
    expect(cv.rmse).toBeLessThan(1e-6);
    cv.predictions.forEach((p, i) => expect(p.mean).toBeCloseTo(targets[i], 6));
  });

  it('reports a failing model as Infinity with its message', () => {
    const broken: Regressor = {
      name: 'broken',
      fit: () => {
        throw new Error('boom');
      },
    };
    const cv = crossValidate([[0], [1], [2]], [0, 1, 2], broken, cvFolds(3, 3, createRng(1)), 1);
    expect(cv.rmse).toBe(Infinity);
    expect(cv.error).toBe('boom');
  });
});

describe('selectModel', () => {
  const rng = createRng(2);
  const rows = Array.from({ length: 30 }, () => [rng.normal(), rng.normal(), rng.normal()]);

  it('picks ridge for a linear target and the forest for a step, and predicts with an interval', () => {
    const candidates = [ridgeRegressor(0.1), forestRegressor()];
    const linear = selectModel(
      rows,
      rows.map((r) => 0.5 + 0.1 * r[0] - 0.05 * r[1] + 0.001 * rng.normal()),
      createRng(3),
      { candidates },
    );
    expect(linear.chosen).toBe('ridge(λ=0.1)');
    expect(linear.scores.map((s) => s.name)).toEqual(['ridge(λ=0.1)', 'forest']);
    const step = selectModel(
      rows,
      rows.map((r) => (r[2] > 0.3 ? 0.6 : 0.2) + 0.2 * Math.sign(r[0]) + 0.001 * rng.normal()),
      createRng(3),
      { candidates },
    );
    expect(step.chosen).toBe('forest');
    const p = predictPipeline(linear.pipeline, [0, 0, 0]);
    expect(p.mean).toBeCloseTo(0.5, 2);
    expect(p.lower).toBeLessThan(p.mean);
    expect(p.upper - p.mean).toBeCloseTo(1.645 * p.sd, 12);
  });

  it('replays exactly for the same rng seed', () => {
    const targets = rows.map((r) => r[0] ** 2);
    const a = selectModel(rows, targets, createRng(4));
    const b = selectModel(rows, targets, createRng(4));
    expect(a.scores.map((s) => s.rmse)).toEqual(b.scores.map((s) => s.rmse));
    expect(a.chosen).toBe(b.chosen);
  });
});

describe('candidates', () => {
  it('adds ridge and the GP on the core low-fidelity features when the names are known', () => {
    expect(defaultCandidates().map((c) => c.name)).toEqual([
      'ridge(λ=1)',
      'ridge(λ=10)',
      'ridge(λ=100)',
      'gp(matern52-ard)',
      'forest',
    ]);
    const named = defaultCandidates(['channels', 'r0.valAccuracy', 'r0.valLoss', 'extrapolatedAccuracy']);
    expect(named.slice(5).map((c) => c.name)).toEqual(['ridge(λ=1) on core', 'gp(matern52-ard) on core']);
  });

  it('onColumns fits and predicts on the chosen columns only', () => {
    const rows = [
      [0, 9],
      [1, -4],
      [2, 7],
      [3, 1],
    ];
    const y = [1, 3, 5, 7];
    const sub = onColumns(ridgeRegressor(1e-9), [0], 'x0').fit(rows, y, createRng(1));
    const direct = ridgeRegressor(1e-9).fit(
      rows.map((r) => [r[0]]),
      y,
      createRng(1),
    );
    expect(sub.predict([10, 123]).mean).toBeCloseTo(direct.predict([10]).mean, 10);
    expect(sub.predict([10, 123]).mean).toBeCloseTo(21, 6);
  });
});

describe('grouped folds', () => {
  it('holds out whole groups, each exactly once', () => {
    const groups = [0, 0, 1, 2, 2, 2, 3];
    const folds = groupFolds(groups, 10, createRng(3));
    expect(folds).toHaveLength(4);
    expect(folds.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    for (const fold of folds) expect(new Set(fold.map((i) => groups[i])).size).toBe(1);
  });

  it('keeps a sibling row from leaking its label: a lookup table scores perfectly ungrouped, not grouped', () => {
    // Two rows per group with the same features and label; an exact-match model wins only by leakage.
    const rows = [0, 0, 1, 1, 2, 2, 3, 3, 4, 4].map((g) => [g * 10]);
    const targets = [0.1, 0.1, 0.9, 0.9, 0.2, 0.2, 0.8, 0.8, 0.5, 0.5];
    const lookup: Regressor = {
      name: 'lookup',
      fit: (r, t) => ({ predict: (x) => ({ mean: t[r.findIndex((y) => y[0] === x[0])] ?? 0.5, sd: 0 }) }),
    };
    const groups = [0, 0, 1, 1, 2, 2, 3, 3, 4, 4];
    expect(crossValidate(rows, targets, lookup, cvFolds(10, 10, createRng(1)), 1).rmse).toBe(0);
    expect(crossValidate(rows, targets, lookup, groupFolds(groups, 10, createRng(1)), 1).rmse).toBeGreaterThan(0.1);
  });
});
