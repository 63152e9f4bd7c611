// Model selection for the meta-model by cross-validated RMSE (Stone 1974): each candidate is a
// pipeline (standardise + impute on the training rows only, then the regressor), scored out of
// fold; the winner is refitted on every row and predicts with a normal interval mean ± z·sd.
// Coverage of those intervals out of fold is reported alongside, so calibration is checked too.
import { createRng, deriveSeed, shuffleInPlace, type Rng } from '../rng';
import { forestRegressor } from './forest';
import { gaussianProcessRegressor } from './gaussianProcess';
import { onColumns, type FittedRegressor, type Prediction, type Regressor } from './regressor';
import { ridgeRegressor } from './ridge';
import { fitStandardizer, standardize, type Standardizer } from './standardizer';

export interface IntervalPrediction extends Prediction {
  lower: number;
  upper: number;
}

export interface Pipeline {
  name: string;
  standardizer: Standardizer;
  model: FittedRegressor;
}

export interface CvScore {
  name: string;
  /** Root mean squared error out of fold, in target units; Infinity when the model failed. */
  rmse: number;
  mae: number;
  /** Share of held-out targets inside mean ± z·sd. */
  coverage: number;
  /** Out-of-fold predictions, in row order. */
  predictions: Prediction[];
  error?: string;
}

export interface Selection {
  chosen: string;
  scores: CvScore[];
  pipeline: Pipeline;
  z: number;
}

export interface SelectOptions {
  candidates?: readonly Regressor[];
  /** k of k-fold CV; leave-one-out when k >= n. Default: leave-one-out up to 20 rows, else 5. */
  folds?: number;
  /** Interval half-width in sds; default 1.645 (90% under normality). */
  z?: number;
  /**
   * Rows that share a label (one configuration seen at several resources) share a group, and CV
   * holds out whole groups: a sibling row left in training would leak the held-out label.
   */
  groups?: readonly number[];
}

/** The low-fidelity summaries a small study can afford to learn from: accuracy at rung 0, its extrapolation, the resource reached. */
export const CORE_FEATURES = ['r0.valAccuracy', 'latest.valAccuracy', 'extrapolatedAccuracy', 'log2Resource'];

/**
 * Ridge at three strengths, a GP and a forest over every feature (linear, smooth non-linear,
 * piecewise-constant); given the feature names, also ridge and the GP on CORE_FEATURES alone,
 * which a study of ten or twenty configurations can fit without overfitting.
 */
export function defaultCandidates(featureNames?: readonly string[]): Regressor[] {
  const all = [
    ridgeRegressor(1),
    ridgeRegressor(10),
    ridgeRegressor(100),
    gaussianProcessRegressor(),
    forestRegressor(),
  ];
  const core = (featureNames ?? []).map((n, j) => (CORE_FEATURES.includes(n) ? j : -1)).filter((j) => j >= 0);
  if (core.length === 0) return all;
  return [...all, onColumns(ridgeRegressor(1), core, 'core'), onColumns(gaussianProcessRegressor(), core, 'core')];
}

export function fitPipeline(
  rows: readonly (readonly number[])[],
  targets: readonly number[],
  regressor: Regressor,
  rng: Rng,
): Pipeline {
  const standardizer = fitStandardizer(rows);
  const model = regressor.fit(
    rows.map((r) => standardize(standardizer, r)),
    targets,
    rng,
  );
  return { name: regressor.name, standardizer, model };
}

export function predictPipeline(p: Pipeline, row: readonly number[], z = 1.645): IntervalPrediction {
  const { mean, sd } = p.model.predict(standardize(p.standardizer, row));
  return { mean, sd, lower: mean - z * sd, upper: mean + z * sd };
}

/** Held-out index sets: one per row when k >= n, else k shuffled folds of near-equal size. */
export function cvFolds(n: number, k: number, rng: Rng): number[][] {
  if (!Number.isInteger(n) || n < 2) throw new Error(`Expected at least 2 rows to cross-validate, but got ${n}`);
  if (!Number.isInteger(k) || k < 2) throw new Error(`Expected k >= 2 folds, but got ${k}`);
  if (k >= n) return Array.from({ length: n }, (_, i) => [i]);
  const order = shuffleInPlace(
    Array.from({ length: n }, (_, i) => i),
    rng,
  );
  return Array.from({ length: k }, (_, f) => order.filter((_, i) => i % k === f).sort((a, b) => a - b));
}

export function crossValidate(
  rows: readonly (readonly number[])[],
  targets: readonly number[],
  regressor: Regressor,
  folds: readonly number[][],
  seed: number,
  z = 1.645,
): CvScore {
  const predictions = new Array<Prediction>(rows.length);
  try {
    folds.forEach((held, f) => {
      const train = rows.map((_, i) => i).filter((i) => !held.includes(i));
      const p = fitPipeline(
        train.map((i) => rows[i]),
        train.map((i) => targets[i]),
        regressor,
        createRng(deriveSeed(seed, regressor.name, f)),
      );
      for (const i of held) predictions[i] = p.model.predict(standardize(p.standardizer, rows[i]));
    });
  } catch (e) {
    return {
      name: regressor.name,
      rmse: Infinity,
      mae: Infinity,
      coverage: NaN,
      predictions: [],
      error: e instanceof Error ? e.message : String(e),
    };
  }
  const errors = predictions.map((p, i) => p.mean - targets[i]);
  return {
    name: regressor.name,
    rmse: Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / errors.length),
    mae: errors.reduce((s, e) => s + Math.abs(e), 0) / errors.length,
    coverage: predictions.filter((p, i) => Math.abs(p.mean - targets[i]) <= z * p.sd).length / predictions.length,
    predictions,
  };
}

/** Folds over groups (leave-one-group-out up to 20 groups, else k group folds), as row indices. */
export function groupFolds(groups: readonly number[], k: number, rng: Rng): number[][] {
  const ids = [...new Set(groups)].sort((a, b) => a - b);
  if (ids.length < 2) throw new Error(`Expected at least 2 groups to cross-validate, but got ${ids.length}`);
  return cvFolds(ids.length, Math.min(k, ids.length), rng).map((fold) => {
    const held = new Set(fold.map((i) => ids[i]));
    return groups.map((g, i) => (held.has(g) ? i : -1)).filter((i) => i >= 0);
  });
}

/** Scores every candidate by CV, picks the lowest RMSE (ties to the earlier candidate) and refits it on all rows. */
export function selectModel(
  rows: readonly (readonly number[])[],
  targets: readonly number[],
  rng: Rng,
  options: SelectOptions = {},
): Selection {
  const candidates = options.candidates ?? defaultCandidates();
  if (candidates.length === 0) throw new Error('Expected at least one candidate model');
  const z = options.z ?? 1.645;
  const n = rows.length;
  const seed = rng.nextInt(2 ** 32);
  // Fewer than 3 rows leave nothing to validate on: take the first candidate unscored.
  const numGroups = options.groups ? new Set(options.groups).size : n;
  const scores =
    numGroups < 3
      ? []
      : (() => {
          const k = options.folds ?? (numGroups <= 20 ? numGroups : 5);
          const folds = options.groups
            ? groupFolds(options.groups, k, createRng(deriveSeed(seed, 'folds')))
            : cvFolds(n, k, createRng(deriveSeed(seed, 'folds')));
          return candidates.map((c) => crossValidate(rows, targets, c, folds, seed, z));
        })();
  const best = scores.length === 0 ? 0 : scores.reduce((b, s, i) => (s.rmse < scores[b].rmse ? i : b), 0);
  const regressor = candidates[best];
  return {
    chosen: regressor.name,
    scores,
    pipeline: fitPipeline(rows, targets, regressor, createRng(deriveSeed(seed, 'final'))),
    z,
  };
}
