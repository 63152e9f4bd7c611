// Hyperband's brackets: Li, Jamieson, DeSalvo, Rostamizadeh & Talwalkar (2018), "Hyperband: A Novel
// Bandit-Based Approach to Hyperparameter Optimization", JMLR 18(185), Algorithm 1. Each bracket is
// one successive-halving run (./successiveHalving) trading many cheap trials against few long ones.
import { MAX_CONFIGURATIONS } from './planLimits';
import { checkResourceSettings, planSuccessiveHalving, type RungPlan } from './successiveHalving';

export interface HyperbandSettings {
  reductionFactor: number;
  /** r_min: the smallest resource a trial gets (e.g. a data fraction). */
  minResource: number;
  /** R: the full budget of one trial, in the same unit. */
  maxResource: number;
}

export interface HyperbandBracket {
  /** s in Li et al.: the bracket with s + 1 rungs; brackets run s = sMax down to 0. */
  bracket: number;
  numConfigs: number;
  rungs: RungPlan[];
}

// Absorbs rounding in log() and powers, as in planSuccessiveHalving.
const EPS = 1e-9;

const checkSettings = checkResourceSettings;

/** s_max = floor(log_eta(R / r_min)): the most rungs any bracket has, minus one. */
export function hyperbandMaxBracket(s: HyperbandSettings): number {
  checkSettings(s);
  return Math.floor(Math.log(s.maxResource / s.minResource) / Math.log(s.reductionFactor) + EPS);
}

/**
 * Algorithm 1 of Li et al. with R measured in units of r_min:
 *   1. s_max = floor(log_eta(R / r_min)), B = (s_max + 1) R.
 *   2. Bracket s starts n = ceil(B / R * eta^s / (s + 1)) trials on r = R eta^-s.
 *   3. Its rung i keeps floor(n eta^-i) trials on r eta^i (planSuccessiveHalving), ending at R.
 * Bracket s = s_max starts at R eta^-s_max, which is r_min only when R / r_min is a power of eta.
 */
export function hyperbandBrackets(s: HyperbandSettings): HyperbandBracket[] {
  const sMax = hyperbandMaxBracket(s); // <= MAX_RUNGS - 1
  const eta = s.reductionFactor;
  // 1. The configurations of every bracket, checked against the cap before any plan is built.
  const counts = Array.from({ length: sMax + 1 }, (_, i) => {
    const bracket = sMax - i;
    const exact = ((sMax + 1) * eta ** bracket) / (bracket + 1);
    return Math.ceil(exact - EPS * Math.max(1, exact)); // 5 * 9 / 3 is 15, not 16
  });
  const total = counts.reduce((a, b) => a + b, 0);
  if (!(total <= MAX_CONFIGURATIONS)) {
    throw new Error(
      `Expected minResource and reductionFactor to give Hyperband at most ${MAX_CONFIGURATIONS} configurations, but minResource ${s.minResource} with reductionFactor ${eta} gives ${total} over ${sMax + 1} brackets; raise minResource or reductionFactor`,
    );
  }
  const brackets: HyperbandBracket[] = [];
  for (let bracket = sMax; bracket >= 0; bracket--) {
    const numConfigs = counts[sMax - bracket];
    const rungs = planSuccessiveHalving({
      numConfigs,
      reductionFactor: eta,
      minResource: bracket === 0 ? s.maxResource : s.maxResource / eta ** bracket,
      maxResource: s.maxResource,
    });
    brackets.push({ bracket, numConfigs, rungs });
  }
  return brackets;
}

/** Resource a bracket spends, sum of n_i r_i; Li et al. keep each near B = (s_max + 1) R. */
export function bracketCost(b: HyperbandBracket): number {
  return b.rungs.reduce((acc, r) => acc + r.numTrials * r.resource, 0);
}
