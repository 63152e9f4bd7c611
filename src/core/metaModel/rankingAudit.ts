// How well a ranking rule orders configurations by their full-fidelity accuracy: Spearman's rho,
// Kendall's tau-b and top-k regret (../stats/rankCorrelation), for three rules — rung-0 accuracy
// (successive halving's own signal), the sharpness composite "val accuracy - alpha · sharpness", and
// the meta-model's leave-one-out predictions (each configuration predicted by a model that never
// saw its full-fidelity result; the model itself chosen by an inner CV: nested cross-validation).
import { createRng, deriveSeed, type Rng } from '../rng';
import { kendallTauB, regret, spearman } from '../stats/rankCorrelation';
import type { Regressor } from './regressor';
import {
  crossValidate,
  cvFolds,
  defaultCandidates,
  predictPipeline,
  selectModel,
  type CvScore,
  type IntervalPrediction,
} from './select';

/** metaModelMemory: the promotion model fitted on earlier studies' examples only (./promotionAudit). */
export type RankingRule = 'lowFidelity' | 'composite' | 'metaModel' | 'metaModelMemory';

export interface RankingScore {
  spearman: number;
  kendall: number;
  top1RegretPts: number;
  top3RegretPts: number;
}

export function scoreRanking(predicted: readonly number[], actual: readonly number[]): RankingScore {
  return {
    spearman: spearman(predicted, actual),
    kendall: kendallTauB(predicted, actual),
    top1RegretPts: regret(predicted, actual, 1),
    top3RegretPts: regret(predicted, actual, 3),
  };
}

export interface CompositeScores {
  scores: number[];
  usedSharpness: boolean;
  note: string;
}

/** The sharpness composite, accuracy - alpha · sharpness; falls back to accuracy alone when any sharpness is missing. */
export function compositeScores(
  accuracy: readonly number[],
  sharpness: readonly (number | null)[],
  alpha = 0.1,
): CompositeScores {
  const missing = sharpness.filter((s) => s === null || !Number.isFinite(s)).length;
  if (missing > 0) {
    return {
      scores: [...accuracy],
      usedSharpness: false,
      note: `sharpness probes missing for ${missing} of ${accuracy.length} configurations: composite falls back to rung-0 accuracy`,
    };
  }
  return {
    scores: accuracy.map((a, i) => a - alpha * (sharpness[i] as number)),
    usedSharpness: true,
    note: `rung-0 val accuracy - ${alpha} x sharpness (mean loss increase)`,
  };
}

export interface LeaveOneOut {
  predictions: IntervalPrediction[];
  /** The model each outer fold's inner CV chose. */
  chosen: string[];
  rmse: number;
  mae: number;
  /** Share of held-out accuracies inside their interval. */
  coverage: number;
  z: number;
  /** Each candidate on its own, leave-one-out over all rows (no selection): the per-model CV error. */
  perModel: CvScore[];
}

/** Nested leave-one-out: for each row, select and fit on the others, predict it with an interval. */
export function leaveOneOutMetaModel(
  rows: readonly (readonly number[])[],
  targets: readonly number[],
  rng: Rng,
  options: { candidates?: readonly Regressor[]; featureNames?: readonly string[]; z?: number } = {},
): LeaveOneOut {
  const n = rows.length;
  if (n < 3) throw new Error(`Expected at least 3 configurations for a leave-one-out meta-model, but got ${n}`);
  const candidates = options.candidates ?? defaultCandidates(options.featureNames);
  const z = options.z ?? 1.645;
  const seed = rng.nextInt(2 ** 32);
  const chosen: string[] = [];
  const predictions = rows.map((row, i) => {
    const others = rows.map((_, k) => k).filter((k) => k !== i);
    const sel = selectModel(
      others.map((k) => rows[k]),
      others.map((k) => targets[k]),
      createRng(deriveSeed(seed, 'outer', i)),
      { candidates, z },
    );
    chosen.push(sel.chosen);
    return predictPipeline(sel.pipeline, row, z);
  });
  const errors = predictions.map((p, i) => p.mean - targets[i]);
  const perModel = candidates.map((c) =>
    crossValidate(rows, targets, c, cvFolds(n, n, rng), deriveSeed(seed, 'perModel'), z),
  );
  return {
    predictions,
    chosen,
    z,
    perModel,
    rmse: Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / n),
    mae: errors.reduce((s, e) => s + Math.abs(e), 0) / n,
    coverage: predictions.filter((p, i) => targets[i] >= p.lower && targets[i] <= p.upper).length / n,
  };
}
