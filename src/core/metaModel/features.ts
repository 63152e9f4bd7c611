// Features of a configuration from its low-fidelity trials, for predicting its full-fidelity
// validation accuracy: hyperparameters, learning-curve summaries per rung (in the spirit of the
// learning-curve predictors of Baker et al. 2018, "Accelerating NAS using Performance Prediction"),
// parameter-space probes (the tier-2 probes), the resource reached and an inverse-power-law
// extrapolation (Domhan et al. 2015, ./powerLaw). Missing values are NaN; ./standardizer imputes them.
import type { TrialConfig } from '../searchSpace/searchSpace';
import { extrapolateAccuracy, fitSharedPowerLaw } from './powerLaw';
import type { LossPoint } from '../lossPoint';

/** Probe summaries of a trained trial; any may be absent. */
export interface ProbeSignals {
  sharpnessMean?: number | null;
  sharpnessMax?: number | null;
  samSharpness?: number | null;
  gradientNorm?: number | null;
  topEigenvalue?: number | null;
  hessianTrace?: number | null;
  initGradientNorm?: number | null;
}

/** One low-fidelity trial of a configuration. A diverged trial has valAccuracy null. */
export interface FidelityObservation {
  rung: number;
  /** The trial's share of the full-fidelity budget (data fraction x epochs), in (0, 1). */
  resource: number;
  valAccuracy: number | null;
  valLoss: number | null;
  lossCurve: readonly LossPoint[];
  /** The curve already summarised (stored examples keep this instead of the points). */
  curveSummary?: CurveSummary;
  probes?: ProbeSignals | null;
}

export interface ConfigEvidence {
  config: TrialConfig;
  observations: readonly FidelityObservation[];
}

export interface FeatureTable {
  names: string[];
  rows: number[][];
}

export interface FeatureOptions {
  /** Low-fidelity rungs to summarise (rungs 0..numRungs-1); default: every rung seen. */
  numRungs?: number;
  /** A diverged trial scores chance, 1 / numClasses. Default 10. */
  numClasses?: number;
  /** The resource the extrapolation targets, as a share of the full-fidelity budget. Default 1. */
  targetResource?: number;
  /** The share of the curve's last points that the loss summaries average over. Default 0.3. */
  tailFraction?: number;
}

export interface CurveSummary {
  trainLoss: number;
  trainAccuracy: number;
  lossSlope: number;
  lastEpochGain: number;
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? NaN : xs.reduce((s, v) => s + v, 0) / xs.length);

function slope(xs: readonly number[], ys: readonly number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  const sxx = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  return sxx > 0 ? xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) / sxx : NaN;
}

/**
 * Summaries of a training curve (finite points only):
 * - trainLoss, trainAccuracy: means over the last `tailFraction` of the points (batch estimates are noisy);
 * - lossSlope: least-squares slope of the loss over that tail, per whole trial (x = step / last step);
 * - lastEpochGain: mean loss of the next-to-last epoch minus that of the last one; with one epoch,
 *   the first half of the curve minus the second half. Positive means still improving.
 */
export function summarizeCurve(curve: readonly LossPoint[], tailFraction = 0.3): CurveSummary {
  const points = curve.filter((p) => Number.isFinite(p.loss) && Number.isFinite(p.accuracy));
  if (points.length === 0) return { trainLoss: NaN, trainAccuracy: NaN, lossSlope: NaN, lastEpochGain: NaN };
  const tail = points.slice(points.length - Math.max(2, Math.ceil(tailFraction * points.length)));
  const lastStep = points[points.length - 1].step || 1;
  const lastEpoch = points[points.length - 1].epoch;
  const inEpoch = (e: number) => points.filter((p) => p.epoch === e).map((p) => p.loss);
  const half = Math.floor(points.length / 2);
  const lastEpochGain =
    lastEpoch >= 1 && inEpoch(lastEpoch - 1).length > 0
      ? mean(inEpoch(lastEpoch - 1)) - mean(inEpoch(lastEpoch))
      : half >= 1
        ? mean(points.slice(0, half).map((p) => p.loss)) - mean(points.slice(half).map((p) => p.loss))
        : NaN;
  return {
    trainLoss: mean(tail.map((p) => p.loss)),
    trainAccuracy: mean(tail.map((p) => p.accuracy)),
    lossSlope: slope(
      tail.map((p) => p.step / lastStep),
      tail.map((p) => p.loss),
    ),
    lastEpochGain,
  };
}

const finiteOrNaN = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : NaN);
// Curvature probes span orders of magnitude and may be slightly negative: asinh is log-like but signed.
export const signedLog = (v: number | null | undefined) => Math.asinh(finiteOrNaN(v));

export const HYPERPARAMETERS = [
  'log10LearningRate',
  'log10WeightDecay',
  'optimizerAdam',
  'optimizerSgd',
  'optimizerAdamw',
  'channels',
  'dropout',
  'momentum',
  'log2BatchSize',
  'batchNorm',
  'augment',
  'labelSmoothing',
];
export const PER_RUNG = [
  'valAccuracy',
  'valLoss',
  'trainLoss',
  'trainAccuracy',
  'generalizationGap',
  'lossSlope',
  'lastEpochGain',
  'sharpness',
  'sharpnessMax',
  'samSharpness',
  'topEigenvalue',
  'hessianTrace',
  'gradientNorm',
];

export function hyperparameterFeatures(c: TrialConfig): number[] {
  return [
    Math.log10(c.learningRate),
    Math.log10(c.weightDecay > 0 ? c.weightDecay : 1e-8),
    c.optimizer === 'adam' ? 1 : 0,
    c.optimizer === 'sgd' ? 1 : 0,
    c.optimizer === 'adamw' ? 1 : 0,
    c.channels,
    c.dropout,
    c.optimizer === 'sgd' ? c.momentum : 0,
    Math.log2(c.batchSize),
    c.batchNorm ?? 0,
    c.augment ?? 0,
    c.labelSmoothing ?? 0,
  ];
}

export function rungFeatures(o: FidelityObservation | undefined, chance: number, tailFraction: number): number[] {
  if (!o) return PER_RUNG.map(() => NaN);
  const curve = o.curveSummary ?? summarizeCurve(o.lossCurve, tailFraction);
  const valAccuracy = o.valAccuracy ?? chance;
  const p = o.probes ?? {};
  return [
    valAccuracy,
    finiteOrNaN(o.valLoss),
    curve.trainLoss,
    curve.trainAccuracy,
    curve.trainAccuracy - valAccuracy,
    curve.lossSlope,
    curve.lastEpochGain,
    signedLog(p.sharpnessMean),
    signedLog(p.sharpnessMax),
    signedLog(p.samSharpness),
    signedLog(p.topEigenvalue),
    signedLog(p.hessianTrace),
    signedLog(p.gradientNorm),
  ];
}

/** One row per configuration; columns named, NaN where a value is missing (a rung not reached, no probe). */
export function buildFeatureTable(evidence: readonly ConfigEvidence[], options: FeatureOptions = {}): FeatureTable {
  const { numClasses = 10, targetResource = 1, tailFraction = 0.3 } = options;
  const chance = 1 / numClasses;
  const numRungs = options.numRungs ?? Math.max(0, ...evidence.flatMap((e) => e.observations.map((o) => o.rung + 1)));
  // The extrapolation sees each configuration's validation accuracy per resource (diverged at chance).
  const law = fitSharedPowerLaw(
    evidence.map((e) => e.observations.map((o) => ({ resource: o.resource, accuracy: o.valAccuracy ?? chance }))),
  );
  const names = [
    ...HYPERPARAMETERS,
    ...Array.from({ length: numRungs }, (_, r) => PER_RUNG.map((f) => `r${r}.${f}`)).flat(),
    'initGradientNorm',
    'log2Resource',
    'extrapolatedAccuracy',
  ];
  const rows = evidence.map((e, i) => {
    const byRung = (r: number) => e.observations.find((o) => o.rung === r);
    const reached = e.observations.reduce((m, o) => Math.max(m, o.resource), 0);
    const initGradientNorm = e.observations.map((o) => o.probes?.initGradientNorm).find((v) => typeof v === 'number');
    return [
      ...hyperparameterFeatures(e.config),
      ...Array.from({ length: numRungs }, (_, r) => rungFeatures(byRung(r), chance, tailFraction)).flat(),
      signedLog(initGradientNorm),
      reached > 0 ? Math.log2(reached) : NaN,
      extrapolateAccuracy(law, i, targetResource),
    ];
  });
  return { names, rows };
}
