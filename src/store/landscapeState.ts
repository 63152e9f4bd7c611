// The landscape panel's facts in the store: which trials are selected, the slice settings, the
// grids as their rows arrive, and the interpolation curve. Plain data only.
import type { BackendReport } from '../../workers/protocol';
import type { ProbeValues } from '../core/probeValues';

export interface SliceGrid {
  trialId: number;
  resolution: number;
  range: number;
  /** Probe-set size the losses are measured on. */
  images: number;
  /** losses[j] is grid row j (β = coordinates[j]), null until it arrives. */
  losses: (number[] | null)[];
  accuracies: (number[] | null)[];
  rowsDone: number;
  /** Forward images per second over the finished grid. */
  imagesPerSecond: number | null;
  ms: number | null;
}

export type InterpolationKind = 'initToTrained' | 'bestToWorst';

export interface InterpolationCurve {
  kind: InterpolationKind;
  /** What α = 0 and α = 1 are, in words. */
  from: string;
  to: string;
  alphas: number[];
  losses: number[];
  accuracies: number[];
}

export interface LandscapeState {
  /** Trials whose trained weights are held in memory (the last rung reached and the best per rung). */
  keptTrialIds: number[];
  /** One or two of keptTrialIds. */
  trialIds: number[];
  /** Grid points per axis, odd, 11..51. */
  resolution: number;
  /** The grid spans [-range, range] along each filter-normalised direction. */
  range: number;
  logScale: boolean;
  /** Probe-set size; null means the backend's default (defaultSliceImages). */
  images: number | null;
  progress: { rowsDone: number; rowsTotal: number };
  grids: Record<number, SliceGrid>;
  interpolation: InterpolationCurve | null;
  status: 'idle' | 'computing' | 'interpolating' | 'done' | 'cancelled' | 'error';
  error: string | null;
}

export const initialLandscape: LandscapeState = {
  keptTrialIds: [],
  trialIds: [],
  resolution: 21,
  range: 1,
  logScale: false,
  images: null,
  progress: { rowsDone: 0, rowsTotal: 0 },
  grids: {},
  interpolation: null,
  status: 'idle',
  error: null,
};

export const SLICE_RESOLUTION = { min: 11, max: 51 } as const;

/**
 * A probe set that keeps an 11×11 slice to about a minute: a software GPU (SwiftShader) manages a
 * few images per second, wasm hundreds to thousands, a real GPU far more.
 */
export function defaultSliceImages(backend: BackendReport | null): number {
  if (!backend) return 64;
  const software = /swiftshader|llvmpipe|software|fallback/i.test(backend.detail);
  if (backend.backend === 'webgpu' || backend.backend === 'webgl') return software ? 16 : 256;
  return backend.backend === 'wasm' ? 64 : 16;
}

/** The probe-set size the trials of the study were probed on (the same for all of them). */
export function studyProbeImages(probes: Record<number, ProbeValues | undefined>): number | null {
  return Object.values(probes).find((p) => p !== undefined)?.images ?? null;
}

/** The slice's probe-set size: the one chosen, else the backend's default, capped at the trials' own probe set. */
export function sliceImages(
  landscape: LandscapeState,
  backend: BackendReport | null,
  probes: Record<number, ProbeValues | undefined>,
): number {
  return landscape.images ?? Math.min(defaultSliceImages(backend), studyProbeImages(probes) ?? Infinity);
}
