// The equal-compute random-search baseline against enumeration of every subset it can train, and
// on the fixture table against the studies it shadows (same pools, same compute).
import { describe, expect, it } from 'vitest';
import { learningCurveFixture } from '../../testing/learningCurveFixture';
import { createRng } from '../rng';
import { equalComputeOutcome, equalComputeOutcomes } from './equalComputeRandom';
import { DEFAULT_SIMULATION, drawPool, simulateRule } from './simulateStudies';
import { tableConfigurations, type TableConfiguration } from './tableConfigurations';

const configsOf = (accuracies: number[]): TableConfiguration[] =>
  accuracies.map((fullAccuracy, i) => ({ configId: `c${i}`, config: {} as never, rows: [], fullAccuracy }));

/** Mean regret (points) of the best of a uniform k-subset, by enumerating every subset. */
function exactMeanRegret(acc: number[], k: number): number {
  const best = Math.max(...acc);
  let sum = 0;
  let count = 0;
  for (let mask = 0; mask < 1 << acc.length; mask++) {
    const chosen = acc.filter((_, i) => mask & (1 << i));
    if (chosen.length !== k) continue;
    sum += 100 * (best - Math.max(...chosen));
    count++;
  }
  return sum / count;
}

describe('equalComputeOutcome', () => {
  const acc = [0.7, 0.55, 0.62, 0.3, 0.68];
  const pool = configsOf(acc);

  it('matches the enumerated mean regret and P(best), with randomized rounding of the share trained', () => {
    // 0.5 of 5 configurations: 2 or 3 trained, each half the time.
    const rng = createRng(7);
    const draws = Array.from({ length: 40000 }, () => equalComputeOutcome(pool, [1, 1, 1, 1, 1], 0.5, rng));
    const exact = 0.5 * exactMeanRegret(acc, 2) + 0.5 * exactMeanRegret(acc, 3);
    const mean = draws.reduce((s, d) => s + d.regretPts, 0) / draws.length;
    expect(Math.abs(mean - exact)).toBeLessThan(0.15);
    const pBest = draws.filter((d) => d.isBest).length / draws.length;
    expect(Math.abs(pBest - 0.5)).toBeLessThan(0.01); // the best is among k of 5 with probability k/5
    const compute = draws.reduce((s, d) => s + d.computeFraction, 0) / draws.length;
    expect(Math.abs(compute - 0.5)).toBeLessThan(0.005);
    expect(new Set(draws.map((d) => d.trained))).toEqual(new Set([2, 3]));
  });

  it('trains the whole pool at full compute and at least one configuration at none', () => {
    const all = equalComputeOutcome(pool, [1, 1, 1, 1, 1], 1, createRng(1));
    expect(all).toMatchObject({ trained: 5, regretPts: 0, isBest: true, computeFraction: 1 });
    expect(equalComputeOutcome(pool, [1, 1, 1, 1, 1], 0, createRng(1)).trained).toBe(1);
  });
});

/** Exact mean regret and compute with unequal costs: every order of the pool, and the last one's coin, enumerated. */
function exactByOrders(acc: number[], costs: number[], f: number): { regret: number; compute: number } {
  const total = costs.reduce((s, c) => s + c, 0);
  const budget = f * total;
  let regret = 0;
  let compute = 0;
  let orders = 0;
  const best = Math.max(...acc);
  const visit = (order: number[], rest: number[]) => {
    if (rest.length > 0) {
      rest.forEach((i) =>
        visit(
          [...order, i],
          rest.filter((j) => j !== i),
        ),
      );
      return;
    }
    orders++;
    // Whole runs while the budget covers them, then the next with probability (left / its cost).
    let spent = 0;
    let k = 0;
    while (k < order.length && (k === 0 || spent + costs[order[k]] <= budget + 1e-12) && spent < budget - 1e-12)
      spent += costs[order[k++]];
    const pickOf = (n: number) => Math.max(...order.slice(0, n).map((i) => acc[i]));
    const p = k < order.length && spent < budget - 1e-12 ? (budget - spent) / costs[order[k]] : 0;
    regret += (1 - p) * 100 * (best - pickOf(k)) + p * 100 * (best - pickOf(k + 1));
    compute += ((1 - p) * spent + p * (spent + (p > 0 ? costs[order[k]] : 0))) / total;
  };
  visit(
    [],
    acc.map((_, i) => i),
  );
  return { regret: regret / orders, compute: compute / orders };
}

describe('equalComputeOutcome with unequal costs (a diverged run stops early)', () => {
  it('matches the enumeration of every order, in the compute unit', () => {
    const acc = [0.7, 0.55, 0.62, 0.3, 0.68];
    const costs = [3, 1, 2, 1, 1.5];
    const rng = createRng(11);
    const draws = Array.from({ length: 40000 }, () => equalComputeOutcome(configsOf(acc), costs, 0.4, rng));
    const exact = exactByOrders(acc, costs, 0.4);
    const mean = (f: (d: (typeof draws)[number]) => number) => draws.reduce((s, d) => s + f(d), 0) / draws.length;
    expect(Math.abs(mean((d) => d.regretPts) - exact.regret)).toBeLessThan(0.15);
    expect(Math.abs(mean((d) => d.computeFraction) - exact.compute)).toBeLessThan(0.005);
  });

  it('refuses costs that do not match the pool', () => {
    expect(() => equalComputeOutcome(configsOf([0.5, 0.6]), [1], 0.5, createRng(1))).toThrow(
      /2 positive full-run costs/,
    );
    expect(() => equalComputeOutcome(configsOf([0.5, 0.6]), [1, 0], 0.5, createRng(1))).toThrow(/\[1,0\]/);
  });
});

describe('equalComputeOutcomes', () => {
  it("shadows each study of a run: its pool's best is the study's best, its compute within one configuration", () => {
    const table = learningCurveFixture();
    const configs = tableConfigurations(table);
    const s = { ...DEFAULT_SIMULATION, studies: 30 };
    const run = simulateRule(table, configs, 'successiveHalving', 'accuracy', 9, s);
    const baseline = equalComputeOutcomes(run, configs, s.seed);
    expect(baseline).toHaveLength(30);
    baseline.forEach((b, k) => {
      const pool = drawPool(configs, 9, s.seed, k);
      const best = Math.max(...pool.map((c) => c.fullAccuracy));
      const study = run.outcomes[k];
      // Both regrets are measured from the same pool's best.
      expect(pool.some((c) => Math.abs(100 * (best - c.fullAccuracy) - b.regretPts) < 1e-9)).toBe(true);
      expect(pool.some((c) => c.configId === study.pick)).toBe(true);
      expect(Math.abs(b.computeFraction - study.computeFraction)).toBeLessThan(1 / 9 + 1e-12);
    });
  });
});
