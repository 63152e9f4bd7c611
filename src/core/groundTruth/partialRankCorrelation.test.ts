import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { averageRanks } from '../stats/rankCorrelation';
import { partialSpearman } from './partialRankCorrelation';

/** Oracle: Pearson correlation of the residuals of rank(x) and rank(y) each regressed on rank(z). */
function residualPartial(x: number[], y: number[], z: number[]): number {
  const [rx, ry, rz] = [averageRanks(x), averageRanks(y), averageRanks(z)];
  const residual = (v: number[]) => {
    const mv = v.reduce((s, a) => s + a, 0) / v.length;
    const mz = rz.reduce((s, a) => s + a, 0) / rz.length;
    const b = v.reduce((s, a, i) => s + (a - mv) * (rz[i] - mz), 0) / rz.reduce((s, a) => s + (a - mz) ** 2, 0);
    return v.map((a, i) => a - mv - b * (rz[i] - mz));
  };
  const [ex, ey] = [residual(rx), residual(ry)];
  const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i], 0);
  return dot(ex, ey) / Math.sqrt(dot(ex, ex) * dot(ey, ey));
}

describe('partialSpearman', () => {
  it('equals the correlation of rank residuals given z', () => {
    const rng = createRng(11);
    for (let trial = 0; trial < 20; trial++) {
      const z = Array.from({ length: 15 }, () => rng.normal());
      const x = z.map((v) => v + rng.normal());
      const y = z.map((v, i) => 0.5 * v + 0.3 * x[i] + rng.normal());
      expect(partialSpearman(x, y, z)).toBeCloseTo(residualPartial(x, y, z), 10);
    }
  });

  it('matches a hand computation, and is undefined when z already orders x and y completely', () => {
    // x and y both follow z exactly in rank: nothing is left once z is known.
    expect(partialSpearman([1, 2, 3, 4, 5], [10, 20, 30, 40, 50], [1, 2, 3, 4, 5])).toBeNaN();
    // Hand value from 1 - 6 sum d^2 / (n (n^2 - 1)): r_xy = 0.8, r_xz = 0.6, r_yz = 0.5 -> (0.8 - 0.3) / sqrt(0.64 * 0.75).
    const x = [1, 2, 3, 4, 5];
    const y = [2, 1, 4, 3, 5];
    const z = [3, 1, 2, 5, 4];
    expect(partialSpearman(x, y, z)).toBeCloseTo((0.8 - 0.6 * 0.5) / Math.sqrt((1 - 0.36) * (1 - 0.25)), 12);
  });
});
