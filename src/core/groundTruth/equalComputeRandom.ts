// The equal-compute baseline of a scheduler: random search that trains fully as many of the study's
// configurations as the scheduler's compute pays for, and picks the best of them by full-fidelity
// validation accuracy. A multi-fidelity scheduler earns its place only by beating this (Li et al.
// 2018, Hyperband, JMLR 18(185), compare against random search at the same budget).
import { createRng, deriveSeed, type Rng } from '../rng';
import type { StudyFigures } from './studySummary';
import { drawPool, type RuleRun } from './simulateStudies';
import type { TableConfiguration } from './tableConfigurations';

export interface BaselineOutcome extends StudyFigures {
  /** Configurations trained fully. */
  trained: number;
}

/**
 * Random search over `pool` with `computeFraction` of the compute of training all of it fully:
 * floor(f x n) configurations, one more with probability frac(f x n) (so the expected compute is
 * exactly f), at least one. It ranks only what it trains, so it has no Spearman over the pool.
 */
export function equalComputeOutcome(
  pool: readonly TableConfiguration[],
  computeFraction: number,
  rng: Rng,
): BaselineOutcome {
  const n = pool.length;
  const share = Math.min(1, Math.max(0, computeFraction)) * n;
  const trained = Math.max(1, Math.min(n, Math.floor(share) + (rng.next() < share - Math.floor(share) ? 1 : 0)));
  // A partial Fisher–Yates shuffle: the first `trained` indices are a uniform draw without replacement.
  const order = pool.map((_, i) => i);
  for (let i = 0; i < trained; i++) {
    const j = i + rng.nextInt(n - i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const best = Math.max(...pool.map((c) => c.fullAccuracy));
  const picked = Math.max(...order.slice(0, trained).map((i) => pool[i].fullAccuracy));
  const regretPts = 100 * (best - picked);
  return { regretPts, isBest: regretPts <= 1e-9, spearman: NaN, computeFraction: trained / n, trained };
}

/** The baseline of each of a run's studies: the same sub-pool (drawPool's study k) and that study's compute. */
export function equalComputeOutcomes(
  run: RuleRun,
  configs: readonly TableConfiguration[],
  seed: number,
): BaselineOutcome[] {
  return run.outcomes.map((o, k) =>
    equalComputeOutcome(
      drawPool(configs, run.poolSize, seed, k),
      o.computeFraction,
      createRng(deriveSeed(seed, 'equalCompute', run.scheduler, run.poolSize, k)),
    ),
  );
}
