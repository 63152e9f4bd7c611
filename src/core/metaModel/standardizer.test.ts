// Tests for standardizer.ts: statistics from training rows only, mean imputation, dropped columns.
import { describe, expect, it } from 'vitest';
import { fitStandardizer, standardize } from './standardizer';

describe('fitStandardizer', () => {
  const train = [[1, 5, Number.NaN, 2], [3, 5, Number.NaN, Number.NaN], [5, 5, Number.NaN, 4]];
  const s = fitStandardizer(train);

  it('keeps varying columns, drops constant and all-missing ones', () => {
    expect(s.columns).toEqual([0, 3]);
    expect(s.means).toEqual([3, 3]);
    expect(s.scales[0]).toBeCloseTo(Math.sqrt(8 / 3), 12);
    expect(s.scales[1]).toBe(1);
  });

  it('scales a held-out row by the training statistics and imputes a missing value as 0', () => {
    const z = standardize(s, [7, 100, 1, Number.NaN]);
    expect(z[0]).toBeCloseTo(4 / Math.sqrt(8 / 3), 12);
    expect(z[1]).toBe(0);
    expect(standardize(s, train[0])).toEqual([(1 - 3) / Math.sqrt(8 / 3), -1]);
  });
});
