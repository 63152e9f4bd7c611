// Tests for standardizer.ts: statistics from training rows only, mean imputation, and columns that
// carry nothing in training (constant, all missing) held at 0 in place, clipping of outliers.
import { describe, expect, it } from 'vitest';
import { fitStandardizer, standardize } from './standardizer';

describe('fitStandardizer', () => {
  const train = [
    [1, 5, Number.NaN, 2],
    [3, 5, Number.NaN, Number.NaN],
    [5, 5, Number.NaN, 4],
  ];
  const s = fitStandardizer(train);

  it('learns means and population sds, and marks constant and all-missing columns with scale 0', () => {
    expect(s.means).toEqual([3, 5, 0, 3]);
    expect(s.scales[0]).toBeCloseTo(Math.sqrt(8 / 3), 12);
    expect(s.scales.slice(1)).toEqual([0, 0, 1]);
  });

  it('scales a held-out row by the training statistics and imputes a missing value as 0', () => {
    const z = standardize(s, [7, 100, 1, Number.NaN]);
    expect(z[0]).toBeCloseTo(4 / Math.sqrt(8 / 3), 12);
    expect(z.slice(1)).toEqual([0, 0, 0]);
    expect(standardize(s, train[0])).toEqual([(1 - 3) / Math.sqrt(8 / 3), 0, 0, -1]);
  });

  it('clips a value far outside the training rows to ±4 sds', () => {
    expect(standardize(s, [1e6, 5, 0, -1e6])).toEqual([4, 0, 0, -4]);
    expect(standardize(s, [1e6, 5, 0, 3], 2)[0]).toBe(2);
  });
});
