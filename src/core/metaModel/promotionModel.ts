// The meta-model as a promotion rule: predict each configuration's full-fidelity accuracy from what
// it showed so far, and promote by that prediction (or its upper confidence bound) instead of by
// raw low-fidelity accuracy. This is the performance-prediction early stopping of Baker, Gupta,
// Raskar & Naik (2018, "Accelerating Neural Architecture Search using Performance Prediction"),
// with the regressors of ./select, and the optimism of GP-UCB (Srinivas et al. 2010) as an option.
//
// Features are "rung-agnostic": hyperparameters, the latest observation's accuracy, loss, curve
// summary and probes, its resource, and a power-law extrapolation. So one model serves every rung,
// and examples from earlier studies transfer whatever their schedules were: each example yields one
// training row per low-fidelity observation (the same configuration seen at 1/9, then at 1/3).
import { SCHEDULER_DEFAULTS } from '../study/schedulerDefaults';
import { createRng, deriveSeed } from '../rng';
import {
  hyperparameterFeatures,
  HYPERPARAMETERS,
  PER_RUNG,
  rungFeatures,
  signedLog,
  type ConfigEvidence,
} from './features';
import type { MetaExample } from './memory';
import { extrapolateAccuracy, fitSharedPowerLaw } from './powerLaw';
import type { Regressor } from './regressor';
import { defaultCandidates, predictPipeline, selectModel, type IntervalPrediction, type Selection } from './select';

export const PROMOTION_FEATURES = [
  ...HYPERPARAMETERS,
  ...PER_RUNG.map((f) => `latest.${f}`),
  'first.valAccuracy',
  'initGradientNorm',
  'log2Resource',
  'extrapolatedAccuracy',
];

export interface PromotionModelOptions {
  /** Fewer training rows than this and there is no model: plain successive halving decides. Default 8. */
  minExamples?: number;
  /** Rows kept for fitting (the GP is cubic in them); the newest examples win. Default 60. */
  maxRows?: number;
  numClasses?: number;
  candidates?: readonly Regressor[];
  z?: number;
}

/** One training row seen out of fold: its resource, its own accuracy there, its label, the chosen model's prediction. */
export interface OutOfFoldRow {
  resource: number;
  accuracy: number;
  target: number;
  predicted: number;
}

export interface PromotionModel {
  selection: Selection;
  rows: number;
  examples: number;
  names: string[];
  /** The chosen model's grouped-CV predictions, so a rule can check it beats raw accuracy where it will be used. */
  outOfFold: OutOfFoldRow[];
}

/** Evidence truncated to observations at or below `resource` (a prefix of the configuration's curve). */
function prefix(e: ConfigEvidence, resource: number): ConfigEvidence {
  return { config: e.config, observations: e.observations.filter((o) => o.resource <= resource + 1e-12) };
}

/** One row per configuration, from its latest (highest-resource) observation; NaN where missing. */
export function promotionFeatureTable(evidence: readonly ConfigEvidence[], numClasses = 10): number[][] {
  const chance = 1 / numClasses;
  const law = fitSharedPowerLaw(
    evidence.map((e) => e.observations.map((o) => ({ resource: o.resource, accuracy: o.valAccuracy ?? chance }))),
  );
  return evidence.map((e, i) => {
    const sorted = [...e.observations].sort((a, b) => a.resource - b.resource);
    const latest = sorted[sorted.length - 1];
    const initGradientNorm = sorted.map((o) => o.probes?.initGradientNorm).find((v) => typeof v === 'number');
    return [
      ...hyperparameterFeatures(e.config),
      ...rungFeatures(latest, chance, 0.3),
      sorted.length > 0 ? (sorted[0].valAccuracy ?? chance) : NaN,
      signedLog(initGradientNorm),
      latest ? Math.log2(latest.resource) : NaN,
      extrapolateAccuracy(law, i, 1),
    ];
  });
}

/** Every example at every one of its low-fidelity resources: the rows the promotion model learns from. */
export function trainingEvidence(examples: readonly MetaExample[]): {
  evidence: ConfigEvidence[];
  targets: number[];
  exampleIndex: number[];
} {
  const evidence: ConfigEvidence[] = [];
  const targets: number[] = [];
  const exampleIndex: number[] = [];
  examples.forEach((ex, k) => {
    const resources = [...new Set(ex.observations.map((o) => o.resource))].sort((a, b) => a - b);
    for (const r of resources) {
      evidence.push(prefix({ config: ex.config, observations: ex.observations }, r));
      targets.push(ex.fullAccuracy);
      exampleIndex.push(k);
    }
  });
  return { evidence, targets, exampleIndex };
}

/** Fits the promotion model on the examples, or returns null when there are too few rows to trust one. */
export function fitPromotionModel(
  examples: readonly MetaExample[],
  seed: number,
  options: PromotionModelOptions = {},
): PromotionModel | null {
  const { minExamples = SCHEDULER_DEFAULTS.minExamples, maxRows = 60, numClasses = 10 } = options;
  const newestFirst = [...examples].sort((a, b) => b.createdAt - a.createdAt);
  const train = trainingEvidence(newestFirst);
  const keep = train.evidence.map((_, i) => i).slice(0, maxRows);
  if (examples.length < minExamples || keep.length < Math.max(3, minExamples)) return null;
  const rows = promotionFeatureTable(
    keep.map((i) => train.evidence[i]),
    numClasses,
  );
  const targets = keep.map((i) => train.targets[i]);
  const candidates = options.candidates ?? defaultCandidates(PROMOTION_FEATURES);
  // Grouped CV: rows of one example share its label, so they are held out together.
  const groups = keep.map((i) => train.exampleIndex[i]);
  const selection = selectModel(rows, targets, createRng(deriveSeed(seed, 'promotionModel', rows.length)), {
    candidates,
    z: options.z,
    groups,
  });
  const chosen = selection.scores.find((c) => c.name === selection.chosen);
  const chance = 1 / numClasses;
  const outOfFold =
    !chosen || chosen.predictions.length !== keep.length
      ? []
      : keep.map((i, k) => {
          const latest = train.evidence[i].observations.reduce((a, b) => (b.resource > a.resource ? b : a));
          return {
            resource: latest.resource,
            accuracy: latest.valAccuracy ?? chance,
            target: targets[k],
            predicted: chosen.predictions[k].mean,
          };
        });
  return {
    selection,
    rows: rows.length,
    examples: new Set(keep.map((i) => train.exampleIndex[i])).size,
    names: PROMOTION_FEATURES,
    outOfFold,
  };
}

/**
 * Predicted full-fidelity accuracy of each configuration from its evidence so far, with an interval.
 * The sd is at least the chosen model's cross-validated RMSE: a model's own uncertainty (ridge's
 * residual scale, a GP fitted to few rows) is often far too confident about a new configuration.
 */
export function predictFullAccuracy(
  model: PromotionModel,
  evidence: readonly ConfigEvidence[],
  numClasses = 10,
): IntervalPrediction[] {
  const rows = promotionFeatureTable(evidence, numClasses);
  const cv = model.selection.scores.find((s) => s.name === model.selection.chosen)?.rmse;
  const floor = cv !== undefined && Number.isFinite(cv) ? cv : 0;
  const z = model.selection.z;
  return rows.map((row) => {
    const p = predictPipeline(model.selection.pipeline, row, z);
    const sd = Math.max(p.sd, floor);
    return { mean: p.mean, sd, lower: p.mean - z * sd, upper: p.mean + z * sd };
  });
}

/** The score successive halving promotes by: the mean, or mean + kappa·sd (optimism under uncertainty). */
export const promotionScore = (p: IntervalPrediction, kappa: number) => p.mean + kappa * p.sd;
