// The equal-compute baseline of a scheduler: random search that trains fully, in a random order, as
// many of the study's configurations as the scheduler's compute pays for, in the same load-free
// unit (./replayCost COMPUTE_UNIT), and picks the best of them by full-fidelity validation accuracy.
// A multi-fidelity scheduler earns its place only by beating this (Li et al. 2018, Hyperband,
// JMLR 18(185), compare against random search at the same budget).
import { createRng, deriveSeed, type Rng } from '../rng';
import type { TableHeader } from './learningCurveTable';
import { isPoolBest, poolBest } from './poolBest';
import { computeUnits, fullTrainingCost } from './replayCost';
import type { StudyFigures } from './studySummary';
import { drawPool, type RuleRun } from './simulateStudies';
import type { TableConfiguration } from './tableConfigurations';

export interface BaselineOutcome extends StudyFigures {
  /** Configurations trained fully. */
  trained: number;
  /** The configuration random search picked. */
  pick: string;
}

/**
 * Random search over `pool`, whose full runs cost `fullCosts` (same order), with `computeFraction`
 * of the cost of training all of them: it trains configurations in a uniform random order while
 * the budget covers them, and the next one with probability (budget left) / (its cost), so that
 * with equal costs the expected compute is exactly the budget; at least one. It ranks only what it
 * trains, so it has no Spearman over the pool.
 */
export function equalComputeOutcome(
  pool: readonly TableConfiguration[],
  fullCosts: readonly number[],
  computeFraction: number,
  rng: Rng,
): BaselineOutcome {
  const n = pool.length;
  if (fullCosts.length !== n || fullCosts.some((c) => !(c > 0)))
    throw new Error(`Expected ${n} positive full-run costs, but got ${JSON.stringify(fullCosts)}`);
  const total = fullCosts.reduce((s, c) => s + c, 0);
  const budget = Math.min(1, Math.max(0, computeFraction)) * total;
  const order = pool.map((_, i) => i);
  let spent = 0;
  let trained = 0;
  // A lazy Fisher–Yates shuffle: position `trained` gets a uniform draw from the rest.
  while (trained < n) {
    const j = trained + rng.nextInt(n - trained);
    [order[trained], order[j]] = [order[j], order[trained]];
    const cost = fullCosts[order[trained]];
    const left = budget - spent;
    const takes = trained === 0 || cost <= left + 1e-9 * total || rng.next() < left / cost;
    if (!takes) break;
    spent += cost;
    trained++;
    if (spent >= budget - 1e-9 * total) break;
  }
  const best = poolBest(pool.map((c) => c.fullAccuracy));
  const chosen = order.slice(0, trained);
  const pickIndex = chosen.reduce((a, i) => (pool[i].fullAccuracy > pool[a].fullAccuracy ? i : a), chosen[0]);
  const picked = pool[pickIndex].fullAccuracy;
  return {
    regretPts: 100 * (best - picked),
    isBest: isPoolBest(picked, best),
    spearman: NaN,
    computeFraction: spent / total,
    trained,
    pick: pool[pickIndex].configId,
  };
}

/** Each configuration's full run in the load-free unit. */
export const fullRunUnits = (header: TableHeader, pool: readonly TableConfiguration[]): number[] =>
  pool.map((c) => computeUnits(fullTrainingCost(header, c)));

/** The baseline of each of a run's studies: the same sub-pool (drawPool's study k) and that study's compute. */
export function equalComputeOutcomes(
  run: RuleRun,
  configs: readonly TableConfiguration[],
  seed: number,
): BaselineOutcome[] {
  return run.outcomes.map((o, k) => {
    const pool = drawPool(configs, run.poolSize, seed, k);
    return equalComputeOutcome(
      pool,
      fullRunUnits(run.header, pool),
      o.computeFraction,
      createRng(deriveSeed(seed, 'equalCompute', run.scheduler, run.poolSize, k)),
    );
  });
}
