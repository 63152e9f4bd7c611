// Successive halving over a resource (here the training-data fraction): Jamieson & Talwalkar
// (2016), "Non-stochastic Best Arm Identification and Hyperparameter Optimization", as the inner
// loop of Hyperband (Li et al., 2018, JMLR 18(185)). Pure planning and promotion; no I/O.
import { MAX_RUNGS } from './planLimits';

export interface RungPlan {
  rung: number;
  numTrials: number;
  resource: number;
}

export interface SuccessiveHalvingSettings {
  numConfigs: number;
  reductionFactor: number;
  minResource: number;
  maxResource: number;
}

// Absorbs rounding in log() and powers, so 1/27 * 3^3 counts as reaching 1.
const EPS = 1e-9;

function checkSettings(s: SuccessiveHalvingSettings): void {
  if (!Number.isInteger(s.numConfigs) || s.numConfigs < 1) {
    throw new Error(`Expected numConfigs to be an integer >= 1, but got ${s.numConfigs}`);
  }
  checkResourceSettings(s);
}

/** The reduction factor and resource range that successive halving and Hyperband share; at most MAX_RUNGS rungs. */
export function checkResourceSettings({
  reductionFactor,
  minResource,
  maxResource,
}: Omit<SuccessiveHalvingSettings, 'numConfigs'>): void {
  if (!Number.isFinite(reductionFactor) || reductionFactor <= 1) {
    throw new Error(`Expected reductionFactor to be a finite number > 1, but got ${reductionFactor}`);
  }
  if (!Number.isFinite(minResource) || minResource <= 0) {
    throw new Error(`Expected minResource to be a finite number > 0, but got ${minResource}`);
  }
  if (!Number.isFinite(maxResource) || minResource > maxResource) {
    throw new Error(`Expected maxResource to be finite and >= minResource (${minResource}), but got ${maxResource}`);
  }
  const rungs = countRungs(reductionFactor, minResource, maxResource);
  // A tiny minResource (5e-324 makes max / min overflow to Infinity) would mean endless rungs.
  if (!(rungs <= MAX_RUNGS)) {
    const lowest = maxResource / reductionFactor ** (MAX_RUNGS - 1);
    throw new Error(
      `Expected minResource to be at least ${lowest.toPrecision(3)} (maxResource / reductionFactor^${MAX_RUNGS - 1}, so at most ${MAX_RUNGS} rungs), but got ${minResource}, which gives ${rungs} rungs`,
    );
  }
}

/** floor(log_eta(max / min)) + 1; Infinity when max / min overflows. */
function countRungs(eta: number, minResource: number, maxResource: number): number {
  return Math.floor(Math.log(maxResource / minResource) / Math.log(eta) + EPS) + 1;
}

/**
 * Rung i trains n_i = max(1, floor(numConfigs / eta^i)) trials on r_i = minResource * eta^i.
 * There are floor(log_eta(maxResource / minResource)) + 1 rungs, and the last rung's resource
 * is set to exactly maxResource so that survivors are always trained on the full budget
 * (e.g. min 0.1, eta 3, max 1 gives 0.1, 0.3, 1 rather than 0.1, 0.3, 0.9).
 */
export function planSuccessiveHalving(s: SuccessiveHalvingSettings): RungPlan[] {
  checkSettings(s);
  const { numConfigs, reductionFactor: eta, minResource, maxResource } = s;
  const numRungs = countRungs(eta, minResource, maxResource); // <= MAX_RUNGS, checked above
  const plan: RungPlan[] = [];
  for (let i = 0; i < numRungs; i++) {
    const scale = eta ** i;
    plan.push({
      rung: i,
      numTrials: Math.max(1, Math.floor(numConfigs / scale + EPS)),
      resource: i === numRungs - 1 ? maxResource : minResource * scale,
    });
  }
  return plan;
}

/** Cost of the plan relative to training all numConfigs on maxResource (cost ∝ resource). */
export function computeFraction(plan: RungPlan[], numConfigs: number, maxResource: number): number {
  if (!(numConfigs > 0) || !(maxResource > 0)) {
    throw new Error(`Expected numConfigs and maxResource > 0, but got ${numConfigs} and ${maxResource}`);
  }
  const spent = plan.reduce((acc, r) => acc + r.numTrials * r.resource, 0);
  return spent / (numConfigs * maxResource);
}

/** score === null means the trial diverged or failed. */
export interface RankedTrial {
  trialId: number;
  score: number | null;
}

const isFailed = (t: RankedTrial): boolean => t.score === null || Number.isNaN(t.score);

/** Best first: score descending, failed (null/NaN) last, ties to the lower trialId. New array. */
export function rankTrials<T extends RankedTrial>(trials: readonly T[]): T[] {
  return [...trials].sort((a, b) => {
    const aFailed = isFailed(a);
    const bFailed = isFailed(b);
    if (aFailed !== bFailed) return aFailed ? 1 : -1;
    if (!aFailed && a.score !== b.score) return (b.score as number) > (a.score as number) ? 1 : -1;
    return a.trialId - b.trialId;
  });
}

/** The top k by rankTrials; a failed trial is never promoted, so fewer than k may return. */
export function promote<T extends RankedTrial>(trials: readonly T[], k: number): T[] {
  if (!Number.isInteger(k) || k < 0) throw new Error(`Expected k to be a non-negative integer, but got ${k}`);
  return rankTrials(trials)
    .filter((t) => !isFailed(t))
    .slice(0, k);
}
