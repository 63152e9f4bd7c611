// Gaussian-process regression (Rasmussen & Williams 2006, "Gaussian Processes for Machine
// Learning", alg. 2.1 and eq. 5.9) with an ARD Matérn 5/2 kernel (as Snoek et al. 2012 and W&B
// sweeps) and Gaussian noise. Hyperparameters maximise the log marginal likelihood plus weak
// log-normal priors (lengthscales centred on √d, after Hvarfner et al. 2024, "Vanilla Bayesian
// optimization performs great in high dimensions"), by Adam on the log-parameters with the
// analytic gradient. Targets are standardised inside; predictions come back in target units.
import type { Rng } from '../rng';
import { cholesky, choleskyInverse, choleskyLogDet, choleskySolve, solveLower } from './cholesky';
import { checkTrainingSet, type FittedRegressor, type Prediction, type Regressor } from './regressor';

export interface GpHyperparameters {
  lengthscales: number[];
  signalVariance: number;
  noiseVariance: number;
}

export interface GpOptions {
  /** Adam steps per start. Default 150. */
  steps?: number;
  /** Adam step size on the log-parameters. Default 0.05. */
  learningRate?: number;
  /** Extra random starts besides the default one. Default 2. */
  restarts?: number;
  /** Weak log-normal priors (MAP); off = pure type-II maximum likelihood. Default true. */
  priors?: boolean;
}

const SQRT5 = Math.sqrt(5);
const JITTER = 1e-8;
// Bounds on the log-parameters keep the kernel matrix well conditioned.
const LOG_NOISE_MIN = Math.log(1e-4);
const LOG_BOUND = Math.log(1e3);

/** k(a, b) = σf² (1 + √5 r + 5r²/3) exp(-√5 r), r² = Σ ((a_j - b_j) / ℓ_j)². */
export function matern52(a: readonly number[], b: readonly number[], h: GpHyperparameters): number {
  let r2 = 0;
  for (let j = 0; j < a.length; j++) r2 += ((a[j] - b[j]) / h.lengthscales[j]) ** 2;
  const r = Math.sqrt(r2);
  return h.signalVariance * (1 + SQRT5 * r + (5 / 3) * r2) * Math.exp(-SQRT5 * r);
}

const kernelMatrix = (x: readonly (readonly number[])[], h: GpHyperparameters) =>
  x.map((a) => x.map((b) => matern52(a, b, h)));

/** K + σn²I factored once; the posterior at any point follows from it. */
export interface GpConditioned {
  x: readonly (readonly number[])[];
  hyper: GpHyperparameters;
  l: number[][];
  alpha: number[];
}

export function conditionGp(
  x: readonly (readonly number[])[],
  y: readonly number[],
  h: GpHyperparameters,
): GpConditioned {
  const k = kernelMatrix(x, h).map((row, i) => row.map((v, j) => v + (i === j ? h.noiseVariance : 0)));
  const l = cholesky(k, JITTER);
  return { x, hyper: h, l, alpha: choleskySolve(l, y) };
}

/** Zero-mean posterior of the latent function at xStar: mean k*ᵀα and variance k** - vᵀv, v = L⁻¹k* (noise excluded). */
export function gpPosterior(c: GpConditioned, xStar: readonly number[]): { mean: number; variance: number } {
  const kStar = c.x.map((a) => matern52(a, xStar, c.hyper));
  const v = solveLower(c.l, kStar);
  return {
    mean: kStar.reduce((s, kv, i) => s + kv * c.alpha[i], 0),
    variance: Math.max(0, matern52(xStar, xStar, c.hyper) - v.reduce((s, vi) => s + vi * vi, 0)),
  };
}

/** θ = [log ℓ_1..d, log σf², log σn²]. */
const toHyper = (theta: readonly number[]): GpHyperparameters => ({
  lengthscales: theta.slice(0, -2).map(Math.exp),
  signalVariance: Math.exp(theta[theta.length - 2]),
  noiseVariance: Math.exp(theta[theta.length - 1]),
});

/** log p(y | X, θ) = -½ yᵀK⁻¹y - ½ log|K| - n/2 log 2π, and its gradient ½ tr((ααᵀ - K⁻¹) ∂K/∂θ). */
export function logMarginalLikelihood(
  x: readonly (readonly number[])[],
  y: readonly number[],
  theta: readonly number[],
): { value: number; gradient: number[] } {
  const h = toHyper(theta);
  const n = x.length;
  const d = h.lengthscales.length;
  const kf = kernelMatrix(x, h);
  const l = cholesky(
    kf.map((row, i) => row.map((v, j) => v + (i === j ? h.noiseVariance : 0))),
    JITTER,
  );
  const alpha = choleskySolve(l, y);
  const value =
    -0.5 * y.reduce((s, v, i) => s + v * alpha[i], 0) - 0.5 * choleskyLogDet(l) - 0.5 * n * Math.log(2 * Math.PI);
  const kInv = choleskyInverse(l);
  const w = (i: number, j: number) => alpha[i] * alpha[j] - kInv[i][j];
  const gradient = new Array<number>(d + 2).fill(0);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const wij = w(i, j);
      gradient[d] += 0.5 * wij * kf[i][j];
      if (i === j) {
        gradient[d + 1] += 0.5 * wij * h.noiseVariance;
        continue;
      }
      let r2 = 0;
      for (let m = 0; m < d; m++) r2 += ((x[i][m] - x[j][m]) / h.lengthscales[m]) ** 2;
      const r = Math.sqrt(r2);
      // ∂k/∂log ℓ_m = σf² (5/3)(1 + √5 r) exp(-√5 r) (Δ_m / ℓ_m)².
      const common = h.signalVariance * (5 / 3) * (1 + SQRT5 * r) * Math.exp(-SQRT5 * r);
      for (let m = 0; m < d; m++) gradient[m] += 0.5 * wij * common * ((x[i][m] - x[j][m]) / h.lengthscales[m]) ** 2;
    }
  }
  return { value, gradient };
}

// Log-normal priors on standardised data: ℓ around √d, σf² around 1, σn² around 0.1 (a tenth of
// the target variance); standard deviations in log units.
function logPrior(theta: readonly number[]): { value: number; gradient: number[] } {
  const d = theta.length - 2;
  const centres = [...new Array<number>(d).fill(0.5 * Math.log(Math.max(1, d))), 0, Math.log(0.1)];
  const spreads = [...new Array<number>(d).fill(1), 1, 1.5];
  return {
    value: theta.reduce((s, t, i) => s - 0.5 * ((t - centres[i]) / spreads[i]) ** 2, 0),
    gradient: theta.map((t, i) => -(t - centres[i]) / spreads[i] ** 2),
  };
}

function clampTheta(theta: number[]): number[] {
  return theta.map((t, i) =>
    i === theta.length - 1
      ? Math.min(LOG_BOUND, Math.max(LOG_NOISE_MIN, t))
      : Math.min(LOG_BOUND, Math.max(-LOG_BOUND, t)),
  );
}

/** Adam (Kingma & Ba 2015) ascent on the log-parameters; returns the best point seen. */
function maximise(
  objective: (theta: number[]) => { value: number; gradient: number[] },
  start: number[],
  steps: number,
  lr: number,
): { theta: number[]; value: number } {
  let theta = clampTheta(start);
  const m = theta.map(() => 0);
  const v = theta.map(() => 0);
  let best = { theta, value: -Infinity };
  for (let t = 1; t <= steps; t++) {
    let f: { value: number; gradient: number[] };
    try {
      f = objective(theta);
    } catch {
      break;
    } // a non-PD kernel: keep the best so far
    if (f.value > best.value) best = { theta, value: f.value };
    theta = clampTheta(
      theta.map((th, i) => {
        m[i] = 0.9 * m[i] + 0.1 * f.gradient[i];
        v[i] = 0.999 * v[i] + 0.001 * f.gradient[i] ** 2;
        return th + (lr * (m[i] / (1 - 0.9 ** t))) / (Math.sqrt(v[i] / (1 - 0.999 ** t)) + 1e-8);
      }),
    );
  }
  return best;
}

export interface GpFit {
  conditioned: GpConditioned;
  yMean: number;
  yScale: number;
  hyper: GpHyperparameters;
  objective: number;
}

export function fitGaussianProcess(
  rows: readonly (readonly number[])[],
  targets: readonly number[],
  rng: Rng,
  options: GpOptions = {},
): GpFit {
  const d = checkTrainingSet(rows, targets);
  const { steps = 150, learningRate = 0.05, restarts = 2, priors = true } = options;
  const n = targets.length;
  const yMean = targets.reduce((s, t) => s + t, 0) / n;
  const yScale = Math.sqrt(targets.reduce((s, t) => s + (t - yMean) ** 2, 0) / n) || 1;
  const y = targets.map((t) => (t - yMean) / yScale);
  const x = rows.map((r) => [...r]);
  const objective = (theta: number[]) => {
    const lml = logMarginalLikelihood(x, y, theta);
    if (!priors) return lml;
    const p = logPrior(theta);
    return { value: lml.value + p.value, gradient: lml.gradient.map((g, i) => g + p.gradient[i]) };
  };
  const starts = [[...new Array<number>(d).fill(0.5 * Math.log(Math.max(1, d))), 0, Math.log(0.1)]];
  for (let s = 0; s < restarts; s++)
    starts.push([
      ...Array.from({ length: d }, () => 0.5 * Math.log(Math.max(1, d)) + rng.normal()),
      rng.normal() * 0.5,
      Math.log(0.1) + rng.normal(),
    ]);
  const best = starts
    .map((s) => maximise(objective, s, steps, learningRate))
    .reduce((a, b) => (b.value > a.value ? b : a));
  if (!Number.isFinite(best.value))
    throw new Error('Gaussian process: no hyperparameters gave a positive-definite kernel');
  const hyper = toHyper(best.theta);
  return { conditioned: conditionGp(x, y, hyper), yMean, yScale, hyper, objective: best.value };
}

/** Predictive distribution of a new observation: latent variance plus noise, in target units. */
export function predictGaussianProcess(fit: GpFit, row: readonly number[]): Prediction {
  const p = gpPosterior(fit.conditioned, row);
  return { mean: fit.yMean + fit.yScale * p.mean, sd: fit.yScale * Math.sqrt(p.variance + fit.hyper.noiseVariance) };
}

export function gaussianProcessRegressor(options: GpOptions = {}): Regressor {
  return {
    name: 'gp(matern52-ard)',
    fit(rows, targets, rng): FittedRegressor {
      const fit = fitGaussianProcess(rows, targets, rng, options);
      return { predict: (row) => predictGaussianProcess(fit, row) };
    },
  };
}
