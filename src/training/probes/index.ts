// Tier-2 probes of the two-tier probe: the loss geometry around a trial's weights, measured on a
// fixed probe set and returned as plain numbers (structured-cloneable, for the worker protocol).
import * as tf from '@tensorflow/tfjs';
import { drawGaussianDirections, type DirectionNormalization } from './filterNormalization';
import { gradientNorm } from './gradientNorm';
import { hessianTrace, topHessianEigenvalue, type EigenvalueResult, type TraceResult } from './hessian';
import { landscapeSlice, type LandscapeSlice, type SliceRow } from './landscapeSlice';
import { lossAndAccuracy, type ProbeTarget } from './probeTarget';
import { samSharpness, type SamSharpnessResult } from './samSharpness';
import { randomDirectionSharpness } from './sharpness';
import { readScalars, shapesOf } from './weightSpace';

export { lossAndAccuracy, lossAndGradient, meanLoss, type ProbeTarget } from './probeTarget';
export { buildProbeSet, simpleCnnProbeTarget, type ProbeSet } from './cnnProbeTarget';
export {
  drawGaussianDirections,
  filterNormalize,
  makeDirection,
  type DirectionNormalization,
} from './filterNormalization';
export { gradientNorm } from './gradientNorm';
export { hessianTrace, hessianVectorProduct, topHessianEigenvalue } from './hessian';
export {
  gridCoordinates,
  interpolate1d,
  landscapeSlice,
  ProbeCancelled,
  type LandscapeSlice,
  type SliceRow,
} from './landscapeSlice';
export { samSharpness } from './samSharpness';
export { randomDirectionSharpness } from './sharpness';

export type ProbeName = 'gradientNorm' | 'sharpness' | 'sam' | 'eigenvalue' | 'trace' | 'slice';

export interface SharpnessProbeOptions {
  /** K random directions. */
  directions: number;
  /** Radius: a fraction of each filter's norm ('filter'), or the noise std ('gaussian'). */
  rho: number;
  normalization: DirectionNormalization;
  twoSided: boolean;
}

export interface ProbeOptions {
  /** Seeds the directions (if not given), the power-iteration start and the Hutchinson vectors. */
  seed: number;
  /** Raw directions from drawGaussianDirections, drawn once per study and shape; drawn from `seed` if absent. */
  directions?: Float32Array[][];
  gradientNorm: boolean;
  sharpness: SharpnessProbeOptions | false;
  /** SAM radius (absolute; Foret et al. use 0.05). */
  sam: { rho: number } | false;
  eigenvalue: { maxIterations: number; tolerance: number } | false;
  trace: { samples: number } | false;
  /** Off by default: N² forward passes over the probe set. */
  slice: { resolution: number; range: number; onRow?(row: SliceRow): void } | false;
  /** Finite-difference step of the Hessian-vector products, relative to max(||w||, 1). */
  relativeEpsilon: number;
}

/** Defaults that cost about 1 + 5 + 3 + 2·20 + 2·10 passes over the probe set (forward or forward+backward). */
export const DEFAULT_PROBE_OPTIONS: Omit<ProbeOptions, 'seed'> = {
  gradientNorm: true,
  sharpness: { directions: 5, rho: 0.05, normalization: 'filter', twoSided: false },
  sam: { rho: 0.05 },
  eigenvalue: { maxIterations: 20, tolerance: 1e-3 },
  trace: { samples: 10 },
  slice: false,
  relativeEpsilon: 1e-3,
};

/** The seed project's sharpness: isotropic N(0, 0.01²) noise on every weight, 5 samples. */
export const SEED_001_SHARPNESS: SharpnessProbeOptions = {
  directions: 5,
  rho: 0.01,
  normalization: 'gaussian',
  twoSided: false,
};

export interface ProbeResults {
  loss: number;
  accuracy: number | null;
  gradientNorm: number | null;
  sharpness: {
    mean: number;
    max: number;
    increases: number[];
    rho: number;
    normalization: DirectionNormalization;
  } | null;
  sam: SamSharpnessResult | null;
  topEigenvalue: EigenvalueResult | null;
  trace: TraceResult | null;
  slice: LandscapeSlice | null;
  durationMs: Partial<Record<ProbeName, number>>;
}

async function timed<T>(durations: ProbeResults['durationMs'], name: ProbeName, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  durations[name] = performance.now() - started;
  return result;
}

export async function runProbes(
  target: ProbeTarget,
  options: Partial<ProbeOptions> & { seed: number },
): Promise<ProbeResults> {
  const o: ProbeOptions = { ...DEFAULT_PROBE_OPTIONS, ...options };
  const needed = Math.max(o.sharpness ? o.sharpness.directions : 0, o.slice ? 2 : 0);
  const directions = o.directions ?? drawGaussianDirections(shapesOf(target.weights), needed, o.seed);
  if (directions.length < needed)
    throw new Error(`runProbes: expected at least ${needed} directions, but got ${directions.length}`);

  const base = lossAndAccuracy(target);
  const [loss, accuracy] = await readScalars(base.accuracy ? [base.loss, base.accuracy] : [base.loss]);
  tf.dispose(base.accuracy ? [base.loss, base.accuracy] : [base.loss]);

  const durationMs: ProbeResults['durationMs'] = {};
  const hessian = { seed: o.seed, relativeEpsilon: o.relativeEpsilon };
  const { sharpness: sh, sam, eigenvalue, trace, slice } = o;
  return {
    loss,
    accuracy: base.accuracy ? accuracy : null,
    gradientNorm: o.gradientNorm
      ? (await timed(durationMs, 'gradientNorm', () => gradientNorm(target))).gradientNorm
      : null,
    sharpness: sh
      ? await timed(durationMs, 'sharpness', async () => {
          const r = await randomDirectionSharpness(target, { ...sh, directions: directions.slice(0, sh.directions) });
          return { mean: r.mean, max: r.max, increases: r.increases, rho: sh.rho, normalization: sh.normalization };
        })
      : null,
    sam: sam ? await timed(durationMs, 'sam', () => samSharpness(target, sam.rho)) : null,
    topEigenvalue: eigenvalue
      ? await timed(durationMs, 'eigenvalue', () => topHessianEigenvalue(target, { ...hessian, ...eigenvalue }))
      : null,
    trace: trace ? await timed(durationMs, 'trace', () => hessianTrace(target, { ...hessian, ...trace })) : null,
    slice: slice
      ? await timed(durationMs, 'slice', () =>
          landscapeSlice(target, { ...slice, directions: [directions[0], directions[1]] }),
        )
      : null,
    durationMs,
  };
}

/** The sharpness composite selection score: validation accuracy minus alpha times sharpness (alpha 0.1 by default). */
export function compositeScore(valAccuracy: number, sharpness: number, alpha = 0.1): number {
  if (!Number.isFinite(valAccuracy) || !Number.isFinite(sharpness)) {
    throw new Error(`Expected finite valAccuracy and sharpness, but got ${valAccuracy} and ${sharpness}`);
  }
  return valAccuracy - alpha * sharpness;
}
