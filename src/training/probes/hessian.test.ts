// PyHessian-style probes against the least-squares oracle, whose Hessian (AᵀA/n per output
// column) is known: finite-difference HVPs, power-iteration top eigenvalue, Hutchinson trace.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../core/rng';
import { initNodeBackend } from '../nodeBackend';
import { hessianTrace, hessianVectorProduct, topHessianEigenvalue } from './hessian';
import {
  gramMatrix,
  hessianTimes,
  jacobiEigenvalues,
  leastSquaresTarget,
  paramsOf,
  randomProblem,
  weightBytes,
  type LeastSquaresTarget,
  type Params,
} from '../../testing/leastSquaresOracle';
import type { ProbeTarget } from './probeTarget';
import { withWeightsRestored } from './weightSpace';

const { problem, solution } = randomProblem(1, 256, [3, 2, 1.5, 1, 0.7, 0.5], 2, 0.3);
const start: Params = [solution[0].map((v) => Math.fround(v + 0.5)), solution[1]];
let target: LeastSquaresTarget;

function relativeError(got: ArrayLike<number>[], want: ArrayLike<number>[]): number {
  let diff = 0;
  let size = 0;
  want.forEach((part, i) => {
    for (let k = 0; k < part.length; k++) {
      diff += (got[i][k] - part[k]) ** 2;
      size += part[k] ** 2;
    }
  });
  return Math.sqrt(diff / size);
}

beforeAll(async () => {
  await initNodeBackend('cpu');
});
beforeEach(() => {
  target = leastSquaresTarget(problem, start, 3);
});
afterEach(() => target.dispose());

describe('hessianVectorProduct (finite differences)', () => {
  it('matches the exact HVP XᵀXv/n of least squares within 1e-3 relative', async () => {
    const rng = createRng(3);
    const v: Params = [
      Float64Array.from({ length: problem.d * problem.m }, () => rng.normal()),
      Float64Array.from({ length: problem.m }, () => rng.normal()),
    ];
    const exact = hessianTimes(problem, v);
    const got = await withWeightsRestored(target.weights, async (base) => {
      const vt = [tf.tensor(Float32Array.from(v[0]), [problem.d, problem.m]), tf.tensor(Float32Array.from(v[1]))];
      const hv = hessianVectorProduct(target, base, vt, 1e-3);
      const values = hv.map((t) => t.dataSync());
      tf.dispose([...vt, ...hv]);
      return values;
    });
    expect(relativeError(got, exact)).toBeLessThan(1e-3);
  });

  // tf.grad-of-grad is no oracle here: on cpu it misses the second-order term of tanh (its saved
  // output is not on the tape) and was 70% off. The oracle is the analytic HVP in float64.
  it('matches the analytic HVP of a small smooth (tanh) model within 1e-3 relative', async () => {
    const rng = createRng(4);
    const [n, d, m] = [40, 5, 3];
    const x = Float64Array.from({ length: n * d }, () => Math.fround(rng.normal()));
    const y = Float64Array.from({ length: n * m }, () => Math.fround(rng.normal()));
    const w0 = Float64Array.from({ length: d * m }, () => Math.fround(0.5 * rng.normal()));
    const v = Float64Array.from({ length: d * m }, () => Math.fround(rng.normal()));
    // L = mean((tanh(XW) - Y)²); with T = tanh(Z), dT = (1 - T²)·XV:
    // Hv = Xᵀ [2/N · (dT·(1 - T²) - 2(T - Y)·T·dT)].
    const exact = new Float64Array(d * m);
    for (let r = 0; r < n; r++) {
      for (let j = 0; j < m; j++) {
        let z = 0;
        let dz = 0;
        for (let k = 0; k < d; k++) {
          z += x[r * d + k] * w0[k * m + j];
          dz += x[r * d + k] * v[k * m + j];
        }
        const t = Math.tanh(z);
        const dt = (1 - t * t) * dz;
        const inner = (2 / (n * m)) * (dt * (1 - t * t) - 2 * (t - y[r * m + j]) * t * dt);
        for (let k = 0; k < d; k++) exact[k * m + j] += x[r * d + k] * inner;
      }
    }
    const xt = tf.tensor2d(Float32Array.from(x), [n, d]);
    const yt = tf.tensor2d(Float32Array.from(y), [n, m]);
    const initial = tf.tensor2d(Float32Array.from(w0), [d, m]);
    const vt = tf.tensor2d(Float32Array.from(v), [d, m]);
    const w = tf.variable(initial, true, 'tanh_w');
    const smooth: ProbeTarget = {
      weights: [w],
      chunkCount: 1,
      chunkLoss: () => tf.tidy(() => tf.mean(tf.square(tf.sub(tf.tanh(tf.matMul(xt, w)), yt))) as tf.Scalar),
    };
    const fd = await withWeightsRestored(smooth.weights, async (base) => {
      const [hv] = hessianVectorProduct(smooth, base, [vt], 1e-3);
      const values = hv.dataSync();
      hv.dispose();
      return values;
    });
    expect(relativeError([fd], [exact])).toBeLessThan(1e-3);
    tf.dispose([xt, yt, initial, vt, w]);
  });
});

describe('topHessianEigenvalue (power iteration)', () => {
  it('finds the largest eigenvalue of XᵀX/n (Jacobi) within 1%, and restores everything', async () => {
    const [largest] = jacobiEigenvalues(gramMatrix(problem), problem.d + 1);
    const before = weightBytes(target);
    const baseline = tf.memory().numTensors;
    const r = await topHessianEigenvalue(target, { seed: 9, maxIterations: 100, tolerance: 1e-5 });
    expect(r.converged).toBe(true);
    expect(Math.abs(r.eigenvalue - largest) / largest).toBeLessThan(0.01);
    expect(weightBytes(target)).toEqual(before);
    expect(tf.memory().numTensors).toBe(baseline);
  });
});

describe('hessianTrace (Hutchinson)', () => {
  it('estimates trace(H) = m·trace(AᵀA/n) within 3% over 300 Rademacher samples', async () => {
    const g = gramMatrix(problem);
    let traceG = 0;
    for (let i = 0; i <= problem.d; i++) traceG += g[i * (problem.d + 1) + i];
    const exact = problem.m * traceG;
    const before = weightBytes(target);
    const baseline = tf.memory().numTensors;
    const r = await hessianTrace(target, { seed: 2, samples: 300 });
    expect(Math.abs(r.trace - exact) / exact).toBeLessThan(0.03);
    expect(r.standardError).toBeGreaterThan(0);
    expect(Math.abs(r.trace - exact)).toBeLessThan(4 * r.standardError);
    expect(weightBytes(target)).toEqual(before);
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('is exact for a diagonal Hessian, where every Rademacher sample gives the trace', async () => {
    // Orthogonal columns with zero mean make AᵀA/n diagonal: X = ±scale pattern per column.
    const n = 8;
    const d = 3;
    const x = new Float64Array(n * d);
    for (let r = 0; r < n; r++) for (let k = 0; k < d; k++) x[r * d + k] = ((r >> k) & 1 ? 1 : -1) * (k + 1);
    const diag = { n, d, m: 1, x, y: new Float64Array(n) };
    const t = leastSquaresTarget(diag, [new Float64Array(d), new Float64Array(1)]);
    const r = await hessianTrace(t, { seed: 5, samples: 4 });
    expect(r.trace).toBeCloseTo(1 + 4 + 9 + 1, 3);
    t.dispose();
  });
});

it('leaves the oracle parameters where they started (sanity of the fixture)', () => {
  expect(paramsOf(target)[0]).toEqual(start[0]);
});
