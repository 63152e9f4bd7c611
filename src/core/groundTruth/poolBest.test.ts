// Ties at the top, on a hand-made table: P(best) counts a pick by value, so either of two
// configurations tied at the pool's best full-fidelity accuracy is the best, and random search's
// P(best) is the enumerated share of subsets that hold one of them.
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import type { TrialConfig } from '../searchSpace/searchSpace';
import { equalComputeOutcome } from './equalComputeRandom';
import type { LearningCurveTable, TableRow } from './learningCurveTable';
import { isPoolBest, poolBest } from './poolBest';
import { replayPlan } from './replayPlans';
import { replayStudy } from './replayStudy';
import { outcomeFigures } from './studySummary';
import { tableConfigurations } from './tableConfigurations';
import { DEFAULT_TABLE_SETTINGS, tableHeader } from './tablePlan';

const header = tableHeader(DEFAULT_TABLE_SETTINGS);

/** A configuration's four rows; `accuracy[i]` is its validation accuracy at fraction i after every epoch. */
function rows(configId: string, accuracy: [number, number, number, number]): TableRow[] {
  return header.fractions.map((f, i) => ({
    kind: 'trial',
    configId,
    config: { channels: 32 } as TrialConfig,
    replicate: 0,
    seed: 1,
    dataFraction: f,
    images: Math.round(f * header.trainImages),
    status: 'completed',
    curve: [1, 2, 3, 4].map((epoch) => ({ epoch, trainLoss: 1, valLoss: 1, valAccuracy: accuracy[i] })),
    initGradientNorm: 1,
    durationMs: 1,
    imagesPerSecond: 100,
    backend: 'hand',
    report: null,
  }));
}

// t0 and t1 tie at the top at full fidelity (0.70); t2 leads at 1/3 of the data but ends at 0.50; t3 trails.
const table: LearningCurveTable = {
  header,
  rows: [
    ...rows('t0', [0.3, 0.4, 0.45, 0.7]),
    ...rows('t1', [0.3, 0.4, 0.5, 0.7]),
    ...rows('t2', [0.3, 0.4, 0.6, 0.5]),
    ...rows('t3', [0.2, 0.2, 0.2, 0.3]),
  ],
};
const configs = tableConfigurations(table);
const byId = (ids: string[]) => ids.map((id) => configs.find((c) => c.configId === id)!);

/** Successive halving over 3 configurations: all 3 at 1/3 of the data, the top one on to all of it. */
function study(ids: string[]) {
  return replayStudy({
    header,
    plan: replayPlan(header, 'successiveHalving', 3),
    pool: byId(ids),
    rule: 'accuracy',
    memory: [],
    tableIndex: () => 0,
    settings: { alpha: 0.1, metaModel: { minExamples: 8, guard: 'count', seed: 1, fit: () => null } },
  });
}

describe('P(best) with ties at the top', () => {
  it('counts the second of two tied configurations as the best: by value, not by id', () => {
    expect(isPoolBest(0.7, poolBest([0.7, 0.7, 0.5]))).toBe(true);
    expect(isPoolBest(0.5, poolBest([0.7, 0.7, 0.5]))).toBe(false);
    // 1/3 of the data ranks t1 over t0, so the study picks t1: not the first best by id, but a best.
    const tied = study(['t0', 't1', 't3']);
    expect(tied.pick).toBe('t1');
    expect(tied).toMatchObject({ isBest: true, regretPts: 0 });
  });

  it('a pick below the tie is not the best, and P(best) is the share of such studies', () => {
    const fooled = study(['t0', 't2', 't3']); // t2 leads at 1/3 of the data and is promoted
    expect(fooled.pick).toBe('t2');
    expect(fooled.isBest).toBe(false);
    expect(fooled.regretPts).toBeCloseTo(20, 9);
    // Every 3 of the 4: only {t0, t1, t3} lacks t2, so P(best) = 1/4.
    const all = [
      ['t0', 't1', 't2'],
      ['t0', 't1', 't3'],
      ['t0', 't2', 't3'],
      ['t1', 't2', 't3'],
    ].map(study);
    expect(all.map((o) => o.pick)).toEqual(['t2', 't1', 't2', 't2']);
    expect(outcomeFigures(all).pBest).toBeCloseTo(1 / 4, 12);
  });

  it('random search training one of three: P(best) is 2/3 with two tied at the top (by id it would be 1/3)', () => {
    const pool = byId(['t0', 't1', 't2']);
    const rng = createRng(3);
    const draws = Array.from({ length: 30000 }, () => equalComputeOutcome(pool, [1, 1, 1], 1 / 3, rng));
    expect(draws.every((d) => d.trained === 1)).toBe(true);
    const pBest = draws.filter((d) => d.isBest).length / draws.length;
    expect(Math.abs(pBest - 2 / 3)).toBeLessThan(4 * Math.sqrt(2 / 9 / 30000));
  });
});
