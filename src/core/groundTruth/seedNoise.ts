// The seed lottery at full fidelity: a configuration trained again with another seed lands elsewhere,
// so "the pool's best" is a distribution, not the one draw the table holds (as multi-seed tables
// report, NAS-Bench-201, Dong & Yang 2020; Bouthillier et al. 2021 on variance in ML benchmarks).
// The per-run SD is pooled over every configuration with repeats at full fidelity; a configuration's
// true (seed-averaged) accuracy is then N(mean of its runs, SD^2 / runs), flat prior. A study's pick
// is judged against draws of those true accuracies; selection itself still reads the table.
import { createRng, deriveSeed } from '../rng';
import type { LearningCurveTable } from './learningCurveTable';
import { CHANCE, configIdentity, epochOf, type TableConfiguration } from './tableConfigurations';

export interface SeedNoise {
  /** Pooled within-configuration SD of one run's full-fidelity accuracy, in points; NaN without repeats. */
  sdPts: number;
  /** Degrees of freedom of the pooled SD: sum over configurations of (runs - 1). */
  degreesOfFreedom: number;
  /** Configurations with more than one full-fidelity run. */
  repeated: string[];
  /** Each configuration's full-fidelity runs (replicate 0 and repeats): their mean accuracy and count. */
  runs: Map<string, { meanAccuracy: number; runs: number }>;
}

export function seedNoise(table: LearningCurveTable): SeedNoise {
  const { epochs } = table.header;
  const byConfig = new Map<string, number[]>();
  for (const r of table.rows.filter((r) => r.dataFraction === 1)) {
    const a = epochOf(r, epochs)?.valAccuracy ?? CHANCE;
    byConfig.set(r.configId, [...(byConfig.get(r.configId) ?? []), a]);
  }
  let squares = 0;
  let df = 0;
  const runs = new Map<string, { meanAccuracy: number; runs: number }>();
  for (const [id, xs] of byConfig) {
    const m = xs.reduce((s, x) => s + x, 0) / xs.length;
    squares += xs.reduce((s, x) => s + (x - m) ** 2, 0);
    df += xs.length - 1;
    runs.set(id, { meanAccuracy: m, runs: xs.length });
  }
  return {
    sdPts: df > 0 ? 100 * Math.sqrt(squares / df) : NaN,
    degreesOfFreedom: df,
    repeated: [...byConfig].filter(([, xs]) => xs.length > 1).map(([id]) => id),
    runs,
  };
}

/** A pick judged under seed noise: shares of draws where it is the true best, and its mean regret. */
export interface NoisyJudgement {
  pBest: number;
  regretPts: number;
  /** The same P(best) for the pool's best by the table (the pick of a selector that reads full fidelity of all). */
  tableBestPBest: number;
}

export const NOISE_DRAWS = 32;

/**
 * Study k's pick under the noise model: `draws` joint draws of the pool's true accuracies (seeded
 * by study and pool size only, so every scheduler and rule is judged on the same draws).
 */
export function noisyJudgement(
  pool: readonly TableConfiguration[],
  pick: string,
  noise: SeedNoise,
  seed: number,
  k: number,
  draws = NOISE_DRAWS,
): NoisyJudgement {
  const rng = createRng(deriveSeed(seed, 'seedNoise', pool.length, k));
  const sd = noise.sdPts / 100;
  const ids = pool.map((c) => configIdentity(c.configId));
  const centre = pool.map((c, i) => noise.runs.get(ids[i]) ?? { meanAccuracy: c.fullAccuracy, runs: 1 });
  // A bootstrap copy of a configuration (./tableBootstrap) is the same configuration: one draw for both.
  const first = ids.map((id) => ids.indexOf(id));
  const pickAt = pool.findIndex((c) => c.configId === pick);
  const tableBest = pool.reduce((a, c, i) => (c.fullAccuracy > pool[a].fullAccuracy ? i : a), 0);
  if (pickAt < 0) throw new Error(`Expected the pick ${pick} to be in the pool, but it is not`);
  let best = 0;
  let tableBestHits = 0;
  let regret = 0;
  const truth = new Array<number>(pool.length);
  for (let d = 0; d < draws; d++) {
    let top = 0;
    for (let i = 0; i < pool.length; i++) {
      truth[i] =
        first[i] < i ? truth[first[i]] : centre[i].meanAccuracy + (sd / Math.sqrt(centre[i].runs)) * rng.normal();
      if (truth[i] > truth[top]) top = i;
    }
    if (truth[pickAt] >= truth[top]) best++;
    if (truth[tableBest] >= truth[top]) tableBestHits++;
    regret += 100 * (truth[top] - truth[pickAt]);
  }
  return { pBest: best / draws, regretPts: regret / draws, tableBestPBest: tableBestHits / draws };
}
