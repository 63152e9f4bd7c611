// Ridge regression in closed form (Hoerl & Kennard 1970): w = (XcᵀXc + λI)⁻¹ Xcᵀ yc on centred
// data, so the intercept is not penalised. Its uncertainty is the Bayesian linear model's
// (prior w ~ N(0, σ²/λ I), flat intercept): var = σ²(1 + 1/n + xcᵀ(XcᵀXc + λI)⁻¹xc), with σ² the
// residual variance over n - 1 - effective degrees of freedom (Hastie et al., ESL §3.4.1).
import { cholesky, choleskyInverse, choleskySolve, type Matrix } from './cholesky';
import { checkTrainingSet, type FittedRegressor, type Prediction, type Regressor } from './regressor';

export interface RidgeFit {
  lambda: number;
  weights: number[];
  intercept: number;
  xMean: number[];
  /** (XcᵀXc + λI)⁻¹. */
  inverse: Matrix;
  noiseVariance: number;
  /** tr(hat matrix) without the intercept. */
  effectiveDof: number;
  n: number;
}

export function fitRidge(rows: readonly (readonly number[])[], targets: readonly number[], lambda: number): RidgeFit {
  const d = checkTrainingSet(rows, targets);
  if (!(lambda > 0)) throw new Error(`Expected lambda > 0, but got ${lambda}`);
  const n = rows.length;
  // 1. Centre X and y: the intercept is then ȳ - x̄·w and carries no penalty.
  const xMean = Array.from({ length: d }, (_, j) => rows.reduce((s, r) => s + r[j], 0) / n);
  const yMean = targets.reduce((s, t) => s + t, 0) / n;
  const xc = rows.map((r) => r.map((v, j) => v - xMean[j]));
  const yc = targets.map((t) => t - yMean);
  // 2. Normal equations (XcᵀXc + λI) w = Xcᵀ yc, solved by Cholesky.
  const gram = Array.from({ length: d }, (_, i) =>
    Array.from({ length: d }, (_, j) => xc.reduce((s, r) => s + r[i] * r[j], 0) + (i === j ? lambda : 0)),
  );
  const rhs = Array.from({ length: d }, (_, j) => xc.reduce((s, r, k) => s + r[j] * yc[k], 0));
  const l = cholesky(gram);
  const weights = choleskySolve(l, rhs);
  const inverse = choleskyInverse(l);
  // 3. Residual variance with the effective degrees of freedom tr(Xc A⁻¹ Xcᵀ) = d - λ tr(A⁻¹).
  const effectiveDof = d - lambda * inverse.reduce((s, row, i) => s + row[i], 0);
  const rss = xc.reduce((s, r, k) => s + (yc[k] - r.reduce((a, v, j) => a + v * weights[j], 0)) ** 2, 0);
  const noiseVariance = rss / Math.max(1, n - 1 - effectiveDof);
  const intercept = yMean - xMean.reduce((s, m, j) => s + m * weights[j], 0);
  return { lambda, weights, intercept, xMean, inverse, noiseVariance, effectiveDof, n };
}

export function predictRidge(fit: RidgeFit, row: readonly number[]): Prediction {
  const mean = fit.intercept + row.reduce((s, v, j) => s + v * fit.weights[j], 0);
  const xc = row.map((v, j) => v - fit.xMean[j]);
  const quad = xc.reduce((s, vi, i) => s + vi * xc.reduce((a, vj, j) => a + fit.inverse[i][j] * vj, 0), 0);
  return { mean, sd: Math.sqrt(fit.noiseVariance * (1 + 1 / fit.n + quad)) };
}

export function ridgeRegressor(lambda: number): Regressor {
  return {
    name: `ridge(λ=${lambda})`,
    fit(rows, targets): FittedRegressor {
      const fit = fitRidge(rows, targets, lambda);
      return { predict: (row) => predictRidge(fit, row) };
    },
  };
}
