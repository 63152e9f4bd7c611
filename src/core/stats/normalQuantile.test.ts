// Tests for normalQuantile.ts against Python's statistics.NormalDist().inv_cdf, which implements
// the same algorithm (values printed by CPython 3.11), and its symmetry and range.
import { describe, expect, it } from 'vitest';
import { normalQuantile } from './normalQuantile';

describe('normalQuantile', () => {
  it("matches Python's NormalDist().inv_cdf in all three regions", () => {
    const cases: [number, number][] = [
      [1e-10, -6.361340902404056],
      [0.0001, -3.71901648545568],
      [0.000694, -3.1971348951475007],
      [0.025, -1.9599639845400538],
      [0.3, -0.5244005127080407],
      [0.5, 0],
      [0.7, 0.5244005127080407],
      [0.975, 1.9599639845400536],
      [0.9993055555555556, 3.1969502291312533],
      [0.999999, 4.753424308817089],
    ];
    for (const [p, z] of cases) expect(normalQuantile(p)).toBeCloseTo(z, 13);
  });

  it('is odd about 1/2 and infinite at the ends, NaN outside [0, 1]', () => {
    for (const p of [0.01, 0.2, 0.49]) expect(normalQuantile(p)).toBeCloseTo(-normalQuantile(1 - p), 12);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
    expect(normalQuantile(NaN)).toBeNaN();
  });
});
