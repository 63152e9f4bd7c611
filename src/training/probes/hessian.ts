// Hessian probes after PyHessian (Yao et al. 2020, "PyHessian: Neural Networks Through the Lens of
// the Hessian"): the top eigenvalue by power iteration and the trace by Hutchinson's estimator with
// Rademacher vectors. tfjs grad-of-grad is unreliable, so Hessian-vector products are central
// differences of gradients: Hv ≈ (g(w + εv) - g(w - εv)) / 2ε, exact for a quadratic loss.
import * as tf from '@tensorflow/tfjs';
import { createRng, deriveSeed } from '../../core/rng';
import { gradient, type ProbeTarget } from './probeTarget';
import {
  assignOffset,
  dot,
  norm,
  rademacher,
  readScalars,
  scale,
  shapesOf,
  sizeOf,
  toTensors,
  withWeightsRestored,
  type WeightVector,
} from './weightSpace';

export interface HessianOptions {
  seed: number;
  /** Step ε as a fraction of max(||w||, 1) / ||v||: small enough for curvature, large enough for float32. */
  relativeEpsilon?: number;
}

export interface EigenvalueOptions extends HessianOptions {
  maxIterations?: number;
  /** Stop when |λ_k - λ_{k-1}| / (|λ_{k-1}| + 1e-6) falls below this (PyHessian's test). */
  tolerance?: number;
}

export interface EigenvalueResult {
  eigenvalue: number;
  iterations: number;
  converged: boolean;
}

export interface TraceOptions extends HessianOptions {
  samples?: number;
}

export interface TraceResult {
  trace: number;
  samples: number;
  /** Standard error of the mean over samples. */ standardError: number;
}

const DEFAULT_RELATIVE_EPSILON = 1e-3;

/**
 * Finite-difference Hessian-vector product at `base` (the variables are left perturbed; callers
 * restore them). `epsilon` is absolute. Caller disposes the result.
 */
export function hessianVectorProduct(
  target: ProbeTarget,
  base: WeightVector,
  v: WeightVector,
  epsilon: number,
): WeightVector {
  assignOffset(target.weights, base, [[epsilon, v]]);
  const plus = gradient(target);
  assignOffset(target.weights, base, [[-epsilon, v]]);
  const minus = gradient(target);
  const hv = tf.tidy(() => plus.map((g, i) => tf.div(tf.sub(g, minus[i]), 2 * epsilon)));
  tf.dispose([...plus, ...minus]);
  return hv;
}

async function weightScale(base: WeightVector): Promise<number> {
  const n = norm(base);
  const [value] = await readScalars([n]);
  n.dispose();
  return Math.max(value, 1);
}

/** Largest-magnitude Hessian eigenvalue by power iteration from a seeded Rademacher start. */
export async function topHessianEigenvalue(target: ProbeTarget, options: EigenvalueOptions): Promise<EigenvalueResult> {
  const { seed, relativeEpsilon = DEFAULT_RELATIVE_EPSILON, maxIterations = 20, tolerance = 1e-3 } = options;
  if (!Number.isInteger(maxIterations) || maxIterations < 1)
    throw new Error(`Expected maxIterations to be a positive integer, but got ${maxIterations}`);
  return withWeightsRestored(target.weights, async (base) => {
    const shapes = shapesOf(base);
    const epsilon = relativeEpsilon * (await weightScale(base)); // v is a unit vector throughout
    const start = toTensors(rademacher(shapes, createRng(deriveSeed(seed, 'power-iteration'))), shapes);
    let v = scale(start, 1 / Math.sqrt(sizeOf(shapes)));
    tf.dispose(start);
    let eigenvalue = NaN;
    let converged = false;
    let iterations = 0;
    try {
      while (iterations < maxIterations && !converged) {
        iterations++;
        // 1. Hv; 2. Rayleigh quotient vᵀHv (v is unit); 3. v <- Hv / ||Hv||; one readback per iteration.
        const hv = hessianVectorProduct(target, base, v, epsilon);
        const rayleigh = dot(v, hv);
        const hvNorm = norm(hv);
        const [next, size] = await readScalars([rayleigh, hvNorm]);
        tf.dispose([rayleigh, hvNorm, ...v]);
        v = scale(hv, 1 / (size || 1));
        tf.dispose(hv);
        converged =
          Number.isFinite(eigenvalue) && Math.abs(next - eigenvalue) / (Math.abs(eigenvalue) + 1e-6) < tolerance;
        eigenvalue = next;
        if (size === 0 || !Number.isFinite(next)) break;
      }
    } finally {
      tf.dispose(v);
    }
    return { eigenvalue, iterations, converged };
  });
}

/** Hutchinson's trace estimate: the mean of vᵀHv over seeded Rademacher vectors v. */
export async function hessianTrace(target: ProbeTarget, options: TraceOptions): Promise<TraceResult> {
  const { seed, relativeEpsilon = DEFAULT_RELATIVE_EPSILON, samples = 10 } = options;
  if (!Number.isInteger(samples) || samples < 1)
    throw new Error(`Expected samples to be a positive integer, but got ${samples}`);
  return withWeightsRestored(target.weights, async (base) => {
    const shapes = shapesOf(base);
    const epsilon = (relativeEpsilon * (await weightScale(base))) / Math.sqrt(sizeOf(shapes)); // ||v|| = sqrt(size)
    const quadratics: tf.Scalar[] = [];
    try {
      for (let s = 0; s < samples; s++) {
        const v = toTensors(rademacher(shapes, createRng(deriveSeed(seed, 'hutchinson', s))), shapes);
        const hv = hessianVectorProduct(target, base, v, epsilon);
        quadratics.push(dot(v, hv));
        tf.dispose([...v, ...hv]);
      }
      const values = await readScalars(quadratics);
      const mean = values.reduce((a, b) => a + b, 0) / samples;
      const variance = samples > 1 ? values.reduce((a, b) => a + (b - mean) ** 2, 0) / (samples - 1) : NaN;
      return { trace: mean, samples, standardError: Math.sqrt(variance / samples) };
    } finally {
      tf.dispose(quadratics);
    }
  });
}
