// Tests for forest.ts: the mean equals the forest's own prediction, the spread is zero where the
// target is constant and positive between two groups the trees disagree on.
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { fitRegressionForest, predictForest } from '../stats/regressionForest';
import { forestRegressor, predictForestWithSpread } from './forest';

describe('forest meta-model', () => {
  const rng = createRng(3);
  const rows = Array.from({ length: 40 }, () => [rng.next(), rng.next()]);
  const targets = rows.map(([a]) => (a > 0.5 ? 1 : 0) + 0.05 * rng.normal());

  it('predicts the mean over trees, as predictForest, with the across-tree standard deviation', () => {
    const forest = fitRegressionForest(rows, targets, createRng(4), { numTrees: 20 });
    const p = predictForestWithSpread(forest, [0.2, 0.7]);
    expect(p.mean).toBeCloseTo(predictForest(forest, [0.2, 0.7]), 12);
    expect(p.sd).toBeGreaterThanOrEqual(0);
  });

  it('is certain where every row agrees and tracks a step function', () => {
    const flat = forestRegressor().fit(
      rows,
      rows.map(() => 0.42),
      createRng(5),
    );
    const p = flat.predict([0.3, 0.3]);
    expect(p.mean).toBeCloseTo(0.42, 12);
    expect(p.sd).toBeCloseTo(0, 12);
    const step = forestRegressor().fit(rows, targets, createRng(5));
    expect(step.predict([0.9, 0.5]).mean).toBeGreaterThan(0.8);
    expect(step.predict([0.1, 0.5]).mean).toBeLessThan(0.2);
  });
});
