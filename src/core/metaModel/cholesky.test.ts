// Tests for cholesky.ts against hand-computed factors and the defining identities.
import { describe, expect, it } from 'vitest';
import { cholesky, choleskyInverse, choleskyLogDet, choleskySolve } from './cholesky';

describe('cholesky', () => {
  it('factors a 3x3 matrix whose factor is known by hand', () => {
    // A = L Lᵀ with L = [[2,0,0],[6,1,0],[-8,5,3]] (the classic textbook example).
    const a = [
      [4, 12, -16],
      [12, 37, -43],
      [-16, -43, 98],
    ];
    expect(cholesky(a)).toEqual([
      [2, 0, 0],
      [6, 1, 0],
      [-8, 5, 3],
    ]);
    expect(choleskyLogDet(cholesky(a))).toBeCloseTo(Math.log(36), 12); // det = (2·1·3)²
  });

  it('solves and inverts: A x = b and A A⁻¹ = I', () => {
    const a = [
      [4, 12, -16],
      [12, 37, -43],
      [-16, -43, 98],
    ];
    const l = cholesky(a);
    const x = choleskySolve(l, [1, 2, 3]);
    a.forEach((row, i) => expect(row.reduce((s, v, j) => s + v * x[j], 0)).toBeCloseTo([1, 2, 3][i], 10));
    const inv = choleskyInverse(l);
    a.forEach((row, i) =>
      inv[0].forEach((_, j) => expect(row.reduce((s, v, k) => s + v * inv[k][j], 0)).toBeCloseTo(i === j ? 1 : 0, 10)),
    );
  });

  it('rejects a matrix that is not positive definite, and jitter rescues a singular one', () => {
    expect(() =>
      cholesky([
        [1, 2],
        [2, 1],
      ]),
    ).toThrow(/pivot 1/);
    expect(() =>
      cholesky([
        [1, 1],
        [1, 1],
      ]),
    ).toThrow(/positive-definite/);
    expect(
      cholesky(
        [
          [1, 1],
          [1, 1],
        ],
        1e-6,
      )[1][1],
    ).toBeGreaterThan(0);
  });
});
