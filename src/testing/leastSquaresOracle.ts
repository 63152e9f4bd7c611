// The probes' test oracle: linear least squares L(W, b) = ||XW + 1bᵀ - Y||²/(2n) as a ProbeTarget,
// with float64 closed forms. Its Hessian is block-diagonal, one block AᵀA/n (A = [X 1]) per output
// column, so its eigenvalues, trace and every Hessian-vector product are known exactly.
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../core/rng';
import type { ProbeTarget } from '../training/probes/probeTarget';

export interface LeastSquaresProblem {
  n: number;
  d: number;
  m: number;
  /** n×d row-major. */
  x: Float64Array;
  /** n×m row-major. */
  y: Float64Array;
}

/** Parameters as the target holds them: W (d×m row-major, a [d, m] dense kernel) and b (m). */
export type Params = [Float64Array, Float64Array];

/** Seeded Gaussian X with column k scaled by columnScales[k] (spreads the eigenvalues), Y = X·W* + 1b*ᵀ + noise. */
export function randomProblem(
  seed: number,
  n: number,
  columnScales: number[],
  m: number,
  noise: number,
): { problem: LeastSquaresProblem; solution: Params } {
  const rng = createRng(seed);
  const d = columnScales.length;
  // Every value is float32-representable, so the device holds exactly the problem the oracle solves.
  const x = Float64Array.from({ length: n * d }, (_, i) => Math.fround(rng.normal() * columnScales[i % d]));
  const w = Float64Array.from({ length: d * m }, () => Math.fround(rng.normal()));
  const b = Float64Array.from({ length: m }, () => Math.fround(rng.normal()));
  const problem = { n, d, m, x, y: new Float64Array(n * m) };
  const fit = predict(problem, [w, b]);
  for (let i = 0; i < n * m; i++) problem.y[i] = Math.fround(fit[i] + noise * rng.normal());
  return { problem, solution: [w, b] };
}

function predict(p: LeastSquaresProblem, [w, b]: Params): Float64Array {
  const out = new Float64Array(p.n * p.m);
  for (let r = 0; r < p.n; r++) {
    for (let j = 0; j < p.m; j++) {
      let s = b[j];
      for (let k = 0; k < p.d; k++) s += p.x[r * p.d + k] * w[k * p.m + j];
      out[r * p.m + j] = s;
    }
  }
  return out;
}

export function lossAt(p: LeastSquaresProblem, params: Params): number {
  const fit = predict(p, params);
  let s = 0;
  for (let i = 0; i < fit.length; i++) s += (fit[i] - p.y[i]) ** 2;
  return s / (2 * p.n);
}

export function gradientAt(p: LeastSquaresProblem, params: Params): Params {
  const fit = predict(p, params);
  const gw = new Float64Array(p.d * p.m);
  const gb = new Float64Array(p.m);
  for (let r = 0; r < p.n; r++) {
    for (let j = 0; j < p.m; j++) {
      const residual = (fit[r * p.m + j] - p.y[r * p.m + j]) / p.n;
      gb[j] += residual;
      for (let k = 0; k < p.d; k++) gw[k * p.m + j] += p.x[r * p.d + k] * residual;
    }
  }
  return [gw, gb];
}

/** G = AᵀA/n with A = [X 1], (d+1)×(d+1) row-major: one Hessian block. */
export function gramMatrix(p: LeastSquaresProblem): Float64Array {
  const s = p.d + 1;
  const g = new Float64Array(s * s);
  const a = (r: number, k: number) => (k === p.d ? 1 : p.x[r * p.d + k]);
  for (let r = 0; r < p.n; r++) {
    for (let i = 0; i < s; i++) for (let k = 0; k < s; k++) g[i * s + k] += (a(r, i) * a(r, k)) / p.n;
  }
  return g;
}

/** Exact Hv: column j of (W, b) is the vector [W[:, j]; b[j]], multiplied by G. */
export function hessianTimes(p: LeastSquaresProblem, [vw, vb]: Params): Params {
  const g = gramMatrix(p);
  const s = p.d + 1;
  const hw = new Float64Array(p.d * p.m);
  const hb = new Float64Array(p.m);
  for (let j = 0; j < p.m; j++) {
    const u = (k: number) => (k === p.d ? vb[j] : vw[k * p.m + j]);
    for (let i = 0; i < s; i++) {
      let sum = 0;
      for (let k = 0; k < s; k++) sum += g[i * s + k] * u(k);
      if (i === p.d) hb[j] = sum;
      else hw[i * p.m + j] = sum;
    }
  }
  return [hw, hb];
}

export function dotParams(a: ArrayLike<number>[], b: ArrayLike<number>[]): number {
  let s = 0;
  a.forEach((part, i) => {
    for (let k = 0; k < part.length; k++) s += part[k] * b[i][k];
  });
  return s;
}

/** Eigenvalues of a symmetric size×size matrix by cyclic Jacobi rotations, descending. */
export function jacobiEigenvalues(matrix: Float64Array, size: number): number[] {
  const a = Float64Array.from(matrix);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < size; i++) for (let k = i + 1; k < size; k++) off += a[i * size + k] ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < size; p++) {
      for (let q = p + 1; q < size; q++) {
        const apq = a[p * size + q];
        if (Math.abs(apq) < 1e-300) continue;
        // Rotation angle that zeroes a[p][q] (Golub & Van Loan, symmetric Schur decomposition).
        const theta = (a[q * size + q] - a[p * size + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < size; k++) {
          const akp = a[k * size + p];
          const akq = a[k * size + q];
          a[k * size + p] = c * akp - s * akq;
          a[k * size + q] = s * akp + c * akq;
        }
        for (let k = 0; k < size; k++) {
          const apk = a[p * size + k];
          const aqk = a[q * size + k];
          a[p * size + k] = c * apk - s * aqk;
          a[q * size + k] = s * apk + c * aqk;
        }
      }
    }
  }
  return Array.from({ length: size }, (_, i) => a[i * size + i]).sort((u, v) => v - u);
}

export interface LeastSquaresTarget extends ProbeTarget {
  dispose(): void;
}

/** The problem on the device, rows split into `chunkCount` chunks, starting from `params`. */
export function leastSquaresTarget(p: LeastSquaresProblem, params: Params, chunkCount = 1): LeastSquaresTarget {
  // tf.variable shares the initial tensor's data and leaves the tensor itself to us.
  const variable = (values: Float64Array, shape: number[], name: string) => {
    const value = tf.tensor(Float32Array.from(values), shape);
    const v = tf.variable(value, true, `lsq_${name}_${nextId}`);
    value.dispose();
    return v;
  };
  const w = variable(params[0], [p.d, p.m], 'w');
  const b = variable(params[1], [p.m], 'b');
  nextId++;
  const rows = Math.ceil(p.n / chunkCount);
  const chunks = Array.from({ length: chunkCount }, (_, i) => {
    const start = i * rows;
    const end = Math.min(p.n, start + rows);
    return {
      x: tf.tensor2d(Float32Array.from(p.x.subarray(start * p.d, end * p.d)), [end - start, p.d]),
      y: tf.tensor2d(Float32Array.from(p.y.subarray(start * p.m, end * p.m)), [end - start, p.m]),
    };
  });
  return {
    weights: [w, b],
    chunkCount,
    chunkLoss: (i) =>
      tf.tidy(() => {
        const residual = tf.sub(tf.add(tf.matMul(chunks[i].x, w), b), chunks[i].y);
        return tf.div(tf.sum(tf.square(residual)), 2 * p.n) as tf.Scalar;
      }),
    dispose() {
      tf.dispose([w, b, ...chunks.flatMap((c) => [c.x, c.y])]);
    },
  };
}

let nextId = 0;

/** The target's current (W, b) in float64, and every variable's bytes, for exact before/after checks. */
export function paramsOf(target: ProbeTarget): Params {
  return [Float64Array.from(target.weights[0].dataSync()), Float64Array.from(target.weights[1].dataSync())];
}

export function weightBytes(target: ProbeTarget): Float32Array[] {
  return target.weights.map((w) => Float32Array.from(w.dataSync()));
}
