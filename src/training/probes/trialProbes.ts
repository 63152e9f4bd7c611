// The probes a trial runs in its worker: the zero-cost gradient-norm proxy at initialisation
// (Abdelfattah et al. 2021) before training, and the tier-2 geometry (filter-normalised sharpness,
// SAM sharpness, gradient norm, optionally Hessian) of the trained weights on the study's probe set.
import type { ProbeValues } from '../../core/probeValues';
import type { LabelledImages } from '../batches';
import type { SimpleCnn } from '../simpleCnn';
import { buildProbeSet, simpleCnnProbeTarget, type ProbeSet } from './cnnProbeTarget';
import { drawGaussianDirections } from './filterNormalization';
import { gradientNorm } from './gradientNorm';
import { runProbes } from './index';
import { shapesOf } from './weightSpace';

/** What the orchestrator asks of every trial of a study; the same for all of them. */
export interface TrialProbeRequest {
  /** The fixed probe set (e.g. 256 validation images). */
  indices: Int32Array;
  /** K filter-normalised random directions for sharpness. */
  sharpnessDirections: number;
  /** Sharpness radius, relative to each filter's norm. */
  rho: number;
  /** SAM radius (absolute). */
  samRho: number;
  /** Top eigenvalue and trace; each costs several gradient passes. */
  hessian: boolean;
  /** From the study seed: every trial is probed along the same random directions. */
  seed: number;
}

// With the defaults (256 images, K = 4): 1 gradient + 6 forward passes over the probe set, about
// as much as two epochs of a 256-image rung. Hessian adds 2·3 + 2·2 gradient passes: rough values.
const HESSIAN = { eigenvalue: { maxIterations: 3, tolerance: 1e-2 }, trace: { samples: 2 } };

export function buildTrialProbeSet(data: LabelledImages, request: TrialProbeRequest, numClasses: number): ProbeSet {
  return buildProbeSet(data, request.indices, numClasses);
}

/** ||∇L(w)|| on the probe set at the model's current weights. */
export async function probeGradientNorm(model: SimpleCnn, probeSet: ProbeSet): Promise<number> {
  return (await gradientNorm(simpleCnnProbeTarget(model, probeSet))).gradientNorm;
}

// Drawing K directions of a million weights takes a while: a worker keeps the last few sets, since
// every trial of a study with the same architecture asks for the same one.
const directionCache = new Map<string, Float32Array[][]>();
const DIRECTION_CACHE_SIZE = 2;

function studyDirections(shapes: number[][], count: number, seed: number): Float32Array[][] {
  const key = `${seed}:${count}:${JSON.stringify(shapes)}`;
  let directions = directionCache.get(key);
  if (!directions) {
    directions = drawGaussianDirections(shapes, count, seed);
    directionCache.set(key, directions);
    if (directionCache.size > DIRECTION_CACHE_SIZE) directionCache.delete(directionCache.keys().next().value!);
  }
  return directions;
}

export async function probeTrainedModel(
  model: SimpleCnn,
  probeSet: ProbeSet,
  request: TrialProbeRequest,
): Promise<ProbeValues> {
  const started = performance.now();
  const k = request.sharpnessDirections;
  if (!Number.isInteger(k) || k < 1)
    throw new Error(`Expected sharpnessDirections to be a positive integer, but got ${k}`);
  const r = await runProbes(simpleCnnProbeTarget(model, probeSet), {
    seed: request.seed,
    directions: studyDirections(shapesOf(model.weights), k, request.seed),
    gradientNorm: false, // SAM's ascent step measures ||∇L|| already: one gradient pass fewer
    sharpness: { directions: k, rho: request.rho, normalization: 'filter', twoSided: false },
    sam: { rho: request.samRho },
    eigenvalue: request.hessian ? HESSIAN.eigenvalue : false,
    trace: request.hessian ? HESSIAN.trace : false,
    slice: false,
  });
  return {
    loss: r.loss,
    accuracy: r.accuracy,
    images: probeSet.count,
    sharpnessMean: r.sharpness!.mean,
    sharpnessMax: r.sharpness!.max,
    samSharpness: r.sam!.sharpness,
    gradientNorm: r.sam!.gradientNorm,
    ...(r.topEigenvalue ? { topEigenvalue: r.topEigenvalue.eigenvalue } : {}),
    ...(r.trace ? { hessianTrace: r.trace.trace } : {}),
    ms: performance.now() - started,
  };
}
