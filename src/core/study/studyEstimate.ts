// Before Run: what a study needs on this machine. The memory of one trial at the largest
// configuration its space allows, and the wall time of its whole plan at the throughput of the
// backend (measured when trials have run here, assumed otherwise). A study that cannot fit is
// refused with the reason; a very long one needs a confirmation. Rough by design: within ~2x.
import type { SearchSpace, TrialConfig } from '../searchSpace/searchSpace';
import { DEFAULT_FIXED } from '../searchSpace/searchSpace';
import { summarisePlan } from '../schedulers/schedule';
import type { StudyDefinition } from './studyDefinition';

export type EstimateBackend = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

export interface Machine {
  backend: EstimateBackend;
  /** False while no worker has started: the backend is the likeliest one, not the detected one. */
  detected: boolean;
  workers: number;
  /** Images/s of one worker on the 32-channel reference network, from trials that ran here. */
  measuredImagesPerSecond?: number | null;
  /** The browser's navigator.deviceMemory in GiB (rounded down, at most 8), when it says. */
  deviceMemoryGiB?: number | null;
}

const GiB = 2 ** 30;

/**
 * Images/s of one worker at 32 channels, batch 64, when nothing was measured: wasm as timed for the
 * classroom presets (./presets); cpu, webgl and webgpu as rough multiples of it.
 */
export const ASSUMED_IMAGES_PER_SECOND: Readonly<Record<EstimateBackend, number>> = {
  wasm: 300,
  cpu: 25,
  webgl: 600,
  webgpu: 1200,
};
/** What one trial may hold: wasm's heap is 4 GiB (its binary's maximum), less headroom for fragmentation. */
export const MEMORY_PER_TRIAL_LIMIT: Readonly<Record<EstimateBackend, number>> = {
  wasm: 3 * GiB,
  cpu: 4 * GiB,
  webgl: 2 * GiB,
  webgpu: 2 * GiB,
};
/** Longer than this is refused: no tab runs for a week. */
export const MAX_STUDY_SECONDS = 7 * 24 * 3600;
/** Longer than this asks for a confirmation first. */
export const CONFIRM_STUDY_SECONDS = 2 * 3600;
/** Building the model, evaluation set-up and the tier-2 probes, per trial, in reference seconds. */
const TRIAL_OVERHEAD_SECONDS = 1;
/** Starting the workers and the backend, once per study. */
const STUDY_STARTUP_SECONDS = 15;
const EVAL_BATCH = 250;

/** SimpleCNN's trainable parameters at c channels (three conv3x3 blocks c, 2c, 4c; FC 512; FC 10). */
export function parameterCountAt(channels: number, batchNorm: boolean): number {
  const c = channels;
  const conv = (cin: number, cout: number) => 9 * cin * cout + cout + (batchNorm ? 2 * cout : 0);
  return conv(3, c) + conv(c, 2 * c) + conv(2 * c, 4 * c) + (16 * 4 * c * 512 + 512) + (512 * 10 + 10);
}

/** Floats alive per training image: each block's conv, bias, [batch norm,] ReLU and pool outputs, forward and backward. */
function activationFloatsPerImage(channels: number, batchNorm: boolean): number {
  const c = channels;
  const convOutputs = 1024 * c + 256 * 2 * c + 64 * 4 * c; // 32x32xc, 16x16x2c, 8x8x4c
  const pooled = 256 * c + 64 * 2 * c + 16 * 4 * c;
  return 2 * ((3 + (batchNorm ? 2 : 0)) * convOutputs + pooled + 3 * 512 + 2 * 3072);
}

/** Bytes one trial needs: weights, gradients and two Adam moments, plus a batch's activations. */
export function trialMemoryBytes(c: Pick<TrialConfig, 'channels' | 'batchSize' | 'batchNorm'>): number {
  const params = parameterCountAt(c.channels, c.batchNorm === 1);
  const images = Math.max(c.batchSize, EVAL_BATCH / 2); // evaluation runs forward only, 250 at a time
  return 4 * (4 * params + images * activationFloatsPerImage(c.channels, c.batchNorm === 1));
}

/** Multiply-adds per image of the forward pass. */
const macsPerImage = (c: number) =>
  1024 * 27 * c + 256 * 9 * c * 2 * c + 64 * 9 * 2 * c * 4 * c + 16 * 4 * c * 512 + 5120;

/**
 * Time per image relative to 32 channels: a fixed part plus one proportional to the work, fitted
 * to the presets' timing (64 channels about 2.5x slower than 32, where the work grows 3.7x).
 */
export function relativeImageCost(channels: number): number {
  const fixedPart = 0.436;
  return fixedPart + (1 - fixedPart) * (macsPerImage(channels) / macsPerImage(32));
}

/** The values a parameter can take in the space (its range's ends for int and float), else its fixed value. */
function valuesOf(
  space: SearchSpace,
  fixed: Partial<TrialConfig>,
  name: 'channels' | 'batchSize' | 'batchNorm',
): number[] {
  const spec = space.find((s) => s.name === name);
  if (!spec) return [Number(fixed[name] ?? DEFAULT_FIXED[name])];
  if (spec.kind === 'categorical') return spec.choices.filter((c): c is number => typeof c === 'number');
  return [spec.low, spec.high];
}

/** The mean relative cost over the channel values the space allows (an int range by its grid). */
function meanRelativeCost(space: SearchSpace, fixed: Partial<TrialConfig>): number {
  const spec = space.find((s) => s.name === 'channels');
  let values = valuesOf(space, fixed, 'channels');
  if (spec?.kind === 'int') {
    const n = Math.floor((spec.high - spec.low) / spec.step) + 1;
    const k = Math.min(n, 64); // 64 points of the grid are plenty for a mean
    values = Array.from({ length: k }, (_, i) => spec.low + spec.step * Math.round((i * (n - 1)) / Math.max(1, k - 1)));
  }
  return values.reduce((sum, c) => sum + relativeImageCost(c), 0) / Math.max(1, values.length);
}

export interface StudyEstimate {
  /** The most memory one trial of the study may need, and the limit of one worker here. */
  memoryPerTrialBytes: number;
  memoryLimitBytes: number;
  /** Images trained (image-epochs) over the whole plan, and images evaluated. */
  trainImages: number;
  seconds: number;
  imagesPerSecond: number;
  throughput: 'measured' | 'assumed';
  machine: Machine;
  verdict: 'ok' | 'confirm' | 'refuse';
  /** Why it is refused or needs a confirmation, in a sentence; null when ok. */
  reason: string | null;
}

const fmtBytes = (b: number) =>
  b >= GiB ? `${(b / GiB).toFixed(b >= 10 * GiB ? 0 : 1)} GiB` : `${Math.max(1, Math.round(b / 2 ** 20))} MiB`;

/** 45 s, 12 min, 3.5 h, 4.2 days, 3.1 years. */
export function formatSeconds(s: number): string {
  if (s < 90) return `${Math.max(1, Math.round(s))} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  if (s < 3 * 86400) return `${(s / 3600).toFixed(1)} h`;
  if (s < 365 * 86400) return `${(s / 86400).toFixed(1)} days`;
  return `${(s / (365 * 86400)).toFixed(1)} years`;
}

export const describeMachine = (m: Machine) =>
  `${m.workers} ${m.backend} worker${m.workers === 1 ? '' : 's'}${m.detected ? '' : ' (assumed backend)'}`;

/** The study's memory per trial and wall time on `machine`, and whether to run, ask or refuse. Bounded work (the plan's caps). */
export function estimateStudy(def: StudyDefinition, machine: Machine): StudyEstimate {
  const { space, fixed } = def;
  // 1. Memory: the largest channels and batch size the space allows, with batch norm if it may be on.
  const memoryPerTrialBytes = trialMemoryBytes({
    channels: Math.max(...valuesOf(space, fixed, 'channels')),
    batchSize: Math.max(...valuesOf(space, fixed, 'batchSize')),
    batchNorm: valuesOf(space, fixed, 'batchNorm').includes(1) ? 1 : 0,
  });
  const workers = Math.max(1, machine.workers);
  const deviceShare = machine.deviceMemoryGiB ? (machine.deviceMemoryGiB * GiB) / workers : Infinity;
  const memoryLimitBytes = Math.min(MEMORY_PER_TRIAL_LIMIT[machine.backend], deviceShare);
  // 2. Work: image-epochs of the plan (continued trials pay only their extra epochs) and one evaluation per trial.
  const plan = summarisePlan(def);
  const trainImages = plan.computeFraction * plan.configurations * def.data.maxTrainImages * (def.fixed.epochs ?? 1);
  const evalImages = plan.trials * def.data.evalImages;
  // 3. Time at the reference throughput, scaled by the channels the space samples.
  const measured = machine.measuredImagesPerSecond;
  const imagesPerSecond = measured && measured > 0 ? measured : ASSUMED_IMAGES_PER_SECOND[machine.backend];
  const cost = meanRelativeCost(space, fixed);
  const seconds =
    STUDY_STARTUP_SECONDS +
    (((trainImages + evalImages / 3) * cost) / imagesPerSecond + plan.trials * TRIAL_OVERHEAD_SECONDS * cost) / workers;
  const base = {
    memoryPerTrialBytes,
    memoryLimitBytes,
    trainImages,
    seconds,
    imagesPerSecond,
    throughput: measured && measured > 0 ? ('measured' as const) : ('assumed' as const),
    machine,
  };
  const on = describeMachine({ ...machine, workers });
  if (!(memoryPerTrialBytes <= memoryLimitBytes)) {
    return {
      ...base,
      verdict: 'refuse',
      reason: `A trial of this study needs about ${fmtBytes(memoryPerTrialBytes)} at its largest channels and batchSize, more than the ${fmtBytes(memoryLimitBytes)} one ${machine.backend} worker can hold here; lower channels or batchSize.`,
    };
  }
  if (!(seconds <= MAX_STUDY_SECONDS)) {
    return {
      ...base,
      verdict: 'refuse',
      reason: `This study would take about ${formatSeconds(seconds)} on ${on}, more than the ${formatSeconds(MAX_STUDY_SECONDS)} a study may run; lower numConfigs, epochs or maxTrainImages.`,
    };
  }
  if (seconds > CONFIRM_STUDY_SECONDS) {
    return { ...base, verdict: 'confirm', reason: `This study would take about ${formatSeconds(seconds)} on ${on}.` };
  }
  return { ...base, verdict: 'ok', reason: null };
}

/** "up to 120 MiB per trial (limit 3.0 GiB); about 4 min on 2 wasm workers at 300 images/s each (assumed)". */
export function estimateText(e: StudyEstimate): string {
  return `up to ${fmtBytes(e.memoryPerTrialBytes)} per trial (limit ${fmtBytes(e.memoryLimitBytes)}); about ${formatSeconds(e.seconds)} on ${describeMachine({ ...e.machine, workers: Math.max(1, e.machine.workers) })} at ${Math.round(e.imagesPerSecond)} images/s each (${e.throughput})`;
}

/** One worker's throughput at 32 channels implied by finished trials: the median over those on `backend`. */
export function measuredReferenceThroughput(
  trials: readonly { imagesPerSecond: number | null; backend: string | null; channels: number }[],
  backend: string,
): number | null {
  const rates = trials
    .filter(
      (t) =>
        t.backend === backend &&
        t.imagesPerSecond !== null &&
        t.imagesPerSecond > 0 &&
        Number.isFinite(t.imagesPerSecond),
    )
    .map((t) => t.imagesPerSecond! * relativeImageCost(t.channels))
    .sort((a, b) => a - b);
  return rates.length === 0 ? null : rates[Math.floor(rates.length / 2)];
}
