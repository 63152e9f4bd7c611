// The probe settings of a study: which tier-2 probes every trial runs after training, and on which
// fixed probe set. Every study that probes uses the defaults; the definition has no probe section.
import { deriveSeed } from '../core/rng';
import type { StudyDefinition } from '../core/study/studyDefinition';
import type { TrialProbeRequest } from '../../workers/protocol';

export interface ProbeSettings {
  enabled: boolean;
  /** Probe-set size: a prefix of the study's evaluation images. */
  images: number;
  /** K filter-normalised random directions for sharpness. */
  directions: number;
  /** Sharpness radius, relative to each filter's norm (Li et al. 2018). */
  rho: number;
  /** SAM radius, absolute (Foret et al. 2021 use 0.05). */
  samRho: number;
  /** Top Hessian eigenvalue and trace: several extra gradient passes, so off by default. */
  hessian: boolean;
}

/**
 * With 256 images and K = 4, probing a trial costs more than training it on 256 images: in
 * Chromium's tiny preset, 1.2-4.3 s of probes against 0.6-2.5 s of training and evaluation. The page
 * runs them only when asked for (they did not help the search); the CLI with --probes.
 */
export const DEFAULT_PROBE_SETTINGS: ProbeSettings = {
  enabled: true,
  images: 256,
  directions: 4,
  rho: 0.05,
  samRho: 0.05,
  hessian: false,
};

/** The study's probe set: the first `images` evaluation images (fewer if the study has fewer). */
export function probeIndices(evalIndices: Int32Array, images = DEFAULT_PROBE_SETTINGS.images): Int32Array {
  if (!Number.isInteger(images) || images < 1)
    throw new Error(`Expected the probe-set size to be a positive integer, but got ${images}`);
  return evalIndices.slice(0, Math.min(images, evalIndices.length));
}

/** Seeds the probe directions: every trial of a study, and every slice of it, uses the same ones. */
export function probeSeed(definition: StudyDefinition): number {
  return deriveSeed(definition.seed, 'probes');
}

/** What each trial input carries, or undefined when the study's probes are off. */
export function trialProbeRequest(definition: StudyDefinition, evalIndices: Int32Array): TrialProbeRequest | undefined {
  const s = DEFAULT_PROBE_SETTINGS;
  if (!s.enabled) return undefined;
  return {
    indices: probeIndices(evalIndices, s.images),
    sharpnessDirections: s.directions,
    rho: s.rho,
    samRho: s.samRho,
    hessian: s.hessian,
    seed: probeSeed(definition),
  };
}
