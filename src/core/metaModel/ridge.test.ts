// Tests for ridge.ts against hand-solved systems and against the normal equations solved
// independently (Gaussian elimination with the intercept as an unpenalised column).
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { fitRidge, predictRidge } from './ridge';

/** Solves A x = b by Gaussian elimination with partial pivoting: an oracle independent of Cholesky. */
function gaussSolve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    const p = m.reduce((best, _, r) => (r >= c && Math.abs(m[r][c]) > Math.abs(m[best][c]) ? r : best), c);
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}

describe('fitRidge', () => {
  it('solves a one-feature system by hand: x = 0,1,2, y = 1,3,5', () => {
    // Centred x = -1,0,1 (Σx² = 2), centred y = -2,0,2 (Σxy = 4): w = 4 / (2 + λ), b = 3 - w.
    const rows = [[0], [1], [2]];
    const y = [1, 3, 5];
    const fit = fitRidge(rows, y, 2);
    expect(fit.weights[0]).toBeCloseTo(1, 12);
    expect(fit.intercept).toBeCloseTo(2, 12);
    expect(fit.effectiveDof).toBeCloseTo(2 / 4, 12); // Σx² / (Σx² + λ)
    // Residuals 1-2, 3-3, 5-4 = -1, 0, 1: RSS 2 over n - 1 - dof = 1.5.
    expect(fit.noiseVariance).toBeCloseTo(2 / 1.5, 12);
    // At x = 1 (the mean) the predictive variance is σ²(1 + 1/3).
    const p = predictRidge(fit, [1]);
    expect(p.mean).toBeCloseTo(3, 12);
    expect(p.sd).toBeCloseTo(Math.sqrt((2 / 1.5) * (4 / 3)), 12);
    // λ → 0 recovers least squares (y = 1 + 2x exactly).
    const ols = fitRidge(rows, y, 1e-10);
    expect(ols.weights[0]).toBeCloseTo(2, 8);
    expect(ols.intercept).toBeCloseTo(1, 8);
  });

  it('matches the normal equations [XᵀX + λD] β = Xᵀy with an unpenalised intercept column', () => {
    const rng = createRng(11);
    const rows = Array.from({ length: 9 }, () => [rng.normal(), rng.normal(), rng.normal()]);
    const y = rows.map((r) => 0.5 + r[0] - 2 * r[2] + 0.1 * rng.normal());
    const lambda = 0.7;
    const design = rows.map((r) => [1, ...r]);
    const a = [0, 1, 2, 3].map((i) =>
      [0, 1, 2, 3].map((j) => design.reduce((s, r) => s + r[i] * r[j], 0) + (i === j && i > 0 ? lambda : 0)),
    );
    const b = [0, 1, 2, 3].map((i) => design.reduce((s, r, k) => s + r[i] * y[k], 0));
    const beta = gaussSolve(a, b);
    const fit = fitRidge(rows, y, lambda);
    expect(fit.intercept).toBeCloseTo(beta[0], 10);
    fit.weights.forEach((w, j) => expect(w).toBeCloseTo(beta[j + 1], 10));
  });

  it('works with more features than rows and rejects bad input', () => {
    const fit = fitRidge(
      [
        [1, 2, 3],
        [2, 1, 0],
      ],
      [0, 1],
      1,
    );
    expect(Number.isFinite(predictRidge(fit, [0, 0, 0]).mean)).toBe(true);
    expect(() => fitRidge([[1]], [1], 0)).toThrow(/lambda/);
    expect(() => fitRidge([[Number.NaN]], [1], 1)).toThrow(/finite/);
  });
});
