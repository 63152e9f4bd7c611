// Dense symmetric positive-definite solves by Cholesky factorisation, A = L Lᵀ (Golub & Van Loan,
// "Matrix Computations", alg. 4.2.1). Shared by ridge regression and the Gaussian process.

/** A square matrix as rows. */
export type Matrix = number[][];

/**
 * Lower-triangular L with A = L Lᵀ. Adds `jitter` to the diagonal first (the GP's numerical
 * nugget); throws if A is not positive definite, naming the pivot that failed.
 */
export function cholesky(a: readonly (readonly number[])[], jitter = 0): Matrix {
  const n = a.length;
  const l: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    if (a[i].length !== n)
      throw new Error(`Expected a square matrix, but row ${i} has ${a[i].length} entries (n = ${n})`);
    for (let j = 0; j <= i; j++) {
      let sum = a[i][j] + (i === j ? jitter : 0);
      for (let k = 0; k < j; k++) sum -= l[i][k] * l[j][k];
      if (i === j) {
        if (!(sum > 0)) throw new Error(`Expected a positive-definite matrix, but pivot ${i} is ${sum}`);
        l[i][i] = Math.sqrt(sum);
      } else {
        l[i][j] = sum / l[j][j];
      }
    }
  }
  return l;
}

/** Solves L x = b (forward substitution). */
export function solveLower(l: Matrix, b: readonly number[]): number[] {
  const x = new Array<number>(b.length);
  for (let i = 0; i < b.length; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= l[i][k] * x[k];
    x[i] = sum / l[i][i];
  }
  return x;
}

/** Solves Lᵀ x = b (back substitution). */
export function solveUpper(l: Matrix, b: readonly number[]): number[] {
  const n = b.length;
  const x = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = b[i];
    for (let k = i + 1; k < n; k++) sum -= l[k][i] * x[k];
    x[i] = sum / l[i][i];
  }
  return x;
}

/** Solves A x = b given A's Cholesky factor L. */
export function choleskySolve(l: Matrix, b: readonly number[]): number[] {
  return solveUpper(l, solveLower(l, b));
}

/** A⁻¹ from A's Cholesky factor, column by column (fine for the small n of a study). */
export function choleskyInverse(l: Matrix): Matrix {
  const n = l.length;
  const columns = Array.from({ length: n }, (_, j) =>
    choleskySolve(
      l,
      Array.from({ length: n }, (_, i) => (i === j ? 1 : 0)),
    ),
  );
  return Array.from({ length: n }, (_, i) => columns.map((col) => col[i]));
}

/** log det A = 2 Σ log L_ii. */
export function choleskyLogDet(l: Matrix): number {
  return 2 * l.reduce((s, row, i) => s + Math.log(row[i]), 0);
}
