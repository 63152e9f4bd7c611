// Tests for fisherInterval.ts: hand-computed intervals (Python's math.atanh/tanh), the degenerate
// cases, and calibration: over simulated bivariate-normal samples the interval covers the
// population Spearman rho, (6/π)·asin(ρ/2) (Pearson 1907), about 95% of the time.
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { fisherInterval } from './fisherInterval';
import { spearman } from './rankCorrelation';

describe('fisherInterval', () => {
  it('matches intervals computed by hand', () => {
    const cases: [number, number, number, [number, number]][] = [
      [0.5, 20, 1, [0.02958357527219876, 0.789091748846744]],
      [-0.3, 32, 1, [-0.5967988060041979, 0.06901116119952107]],
      [0.83, 10, 1, [0.25462928440250715, 0.971364440310901]],
    ];
    for (const [r, n, k, [lo, hi]] of cases) {
      const [a, b] = fisherInterval(r, n, k);
      expect(a).toBeCloseTo(lo, 12);
      expect(b).toBeCloseTo(hi, 12);
    }
  });

  it('widens to other confidence levels (Python: NormalDist().inv_cdf for the quantile)', () => {
    const cases: [number, number, number, number, [number, number]][] = [
      [0.5, 20, 1, 0.99, [-0.13292249626019342, 0.8432526938269091]],
      [0.6, 32, 1, 1 - 0.05 / 36, [0.036837366801613175, 0.8739211210438904]],
    ];
    for (const [r, n, k, confidence, [lo, hi]] of cases) {
      const [a, b] = fisherInterval(r, n, k, confidence);
      expect(a).toBeCloseTo(lo, 12);
      expect(b).toBeCloseTo(hi, 12);
    }
  });

  it('says nothing where n is too small, and NaN for an undefined correlation', () => {
    expect(fisherInterval(0.9, 4, 1)).toEqual([-1, 1]);
    expect(fisherInterval(NaN, 30, 1)).toEqual([NaN, NaN]);
    const [lo, hi] = fisherInterval(1, 30, 1);
    expect(lo).toBeGreaterThan(0.99);
    expect(hi).toBeLessThanOrEqual(1);
  });

  it('covers the population Spearman rho about 95% of the time on bivariate-normal samples', () => {
    const rng = createRng(7);
    for (const [rho, n] of [
      [0, 12],
      [0.6, 20],
      [-0.8, 32],
      [0.9, 10],
    ]) {
      const target = (6 / Math.PI) * Math.asin(rho / 2);
      let covered = 0;
      const trials = 2000;
      for (let t = 0; t < trials; t++) {
        const x: number[] = [];
        const y: number[] = [];
        for (let i = 0; i < n; i++) {
          const a = rng.normal();
          x.push(a);
          y.push(rho * a + Math.sqrt(1 - rho * rho) * rng.normal());
        }
        const [lo, hi] = fisherInterval(spearman(x, y), n);
        if (lo <= target && target <= hi) covered++;
      }
      expect(covered / trials).toBeGreaterThan(0.93);
      expect(covered / trials).toBeLessThan(0.98);
    }
  });
});
