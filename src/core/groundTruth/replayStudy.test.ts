import { describe, expect, it } from 'vitest';
import { learningCurveFixture } from '../../testing/learningCurveFixture';
import { oracleStudy, subsets, type OracleBracket, type OraclePoint } from '../../testing/replayOracle';
import { extrapolateAccuracy } from '../metaModel/powerLawExtrapolation';
import { fitProbeRegression, predictProbeRegression } from '../metaModel/probeRegression';
import type { TableRow } from './learningCurveTable';
import type { ReplaySchedulerName } from './replayPlans';
import { replayPlan } from './replayPlans';
import type { PromotionRuleName } from './replayPromotion';
import { computeUnits, trialCost } from './replayCost';
import { replayStudy } from './replayStudy';
import { DEFAULT_SIMULATION, drawPool, simulateRule } from './simulateStudies';
import { figureIntervals, outcomeFigures, quantile } from './studySummary';
import { tableConfigurations } from './tableConfigurations';

const table = learningCurveFixture();
const configs = tableConfigurations(table);
const settings = { ...DEFAULT_SIMULATION, studies: 200 };

// Ladders for a pool of 9 written out by hand from the papers' formulas (E = 4 epochs).
const LADDERS: Record<ReplaySchedulerName, { brackets: OracleBracket[]; continues: boolean }> = {
  // n_i = floor(9 / 3^i) from r_min = 1/9: 9 @ 1/9, 3 @ 1/3, 1 @ 1.
  successiveHalving: {
    continues: false,
    brackets: [
      {
        configs: 9,
        rungs: [
          { dataFraction: 1 / 9, epochs: 4, trials: 9 },
          { dataFraction: 1 / 3, epochs: 4, trials: 3 },
          { dataFraction: 1, epochs: 4, trials: 1 },
        ],
      },
    ],
  },
  // eta 2 over epochs 1, 2, 4 at all the data, continuing: 9, 4, 2.
  successiveHalvingEpochs: {
    continues: true,
    brackets: [
      {
        configs: 9,
        rungs: [
          { dataFraction: 1, epochs: 1, trials: 9 },
          { dataFraction: 1, epochs: 2, trials: 4 },
          { dataFraction: 1, epochs: 4, trials: 2 },
        ],
      },
    ],
  },
  // All on 1/9, the top round(9 / 3) = 3 on all of it.
  twoStep: {
    continues: false,
    brackets: [
      {
        configs: 9,
        rungs: [
          { dataFraction: 1 / 9, epochs: 4, trials: 9 },
          { dataFraction: 1, epochs: 4, trials: 3 },
        ],
      },
    ],
  },
  // Hyperband's 27/12/6/4 split over 9 by largest remainder: 5/2/1/1.
  hyperband: {
    continues: false,
    brackets: [
      {
        configs: 5,
        rungs: [
          { dataFraction: 1 / 27, epochs: 4, trials: 5 },
          { dataFraction: 1 / 9, epochs: 4, trials: 1 },
          { dataFraction: 1 / 3, epochs: 4, trials: 1 },
          { dataFraction: 1, epochs: 4, trials: 1 },
        ],
      },
      {
        configs: 2,
        rungs: [
          { dataFraction: 1 / 9, epochs: 4, trials: 2 },
          { dataFraction: 1 / 3, epochs: 4, trials: 1 },
          { dataFraction: 1, epochs: 4, trials: 1 },
        ],
      },
      {
        configs: 1,
        rungs: [
          { dataFraction: 1 / 3, epochs: 4, trials: 1 },
          { dataFraction: 1, epochs: 4, trials: 1 },
        ],
      },
      { configs: 1, rungs: [{ dataFraction: 1, epochs: 4, trials: 1 }] },
    ],
  },
};

// Accuracy extrapolated along the configuration's rungs so far, or its accuracy where that declines.
const powerLaw = (row: TableRow, epochs: number, rungs: OraclePoint[]) => {
  const a = row.curve[epochs - 1]?.valAccuracy ?? null;
  return a === null ? null : (extrapolateAccuracy(rungs, { chance: 0.1 }) ?? a);
};

const composite = (row: TableRow, epochs: number) => {
  const e = row.curve[epochs - 1];
  return e ? e.valAccuracy - 0.1 * (e.probes?.sharpnessMean ?? NaN) : null;
};

describe('replayed studies against a brute-force oracle', () => {
  const cases: [ReplaySchedulerName, PromotionRuleName][] = (Object.keys(LADDERS) as ReplaySchedulerName[]).flatMap(
    (s) =>
      [
        [s, 'accuracy'],
        [s, 'compositeSharpness'],
        [s, 'powerLaw'],
      ] as [ReplaySchedulerName, PromotionRuleName][],
  );
  it.each(cases)('%s by %s: pick, regret and compute of every study match the hand replay', (scheduler, rule) => {
    const run = simulateRule(table, configs, scheduler, rule, 9, settings);
    expect(run.outcomes).toHaveLength(200);
    const ladder = LADDERS[scheduler];
    run.outcomes.forEach((o, k) => {
      const pool = drawPool(configs, 9, settings.seed, k).map((c) => c.configId);
      const want = oracleStudy(
        table,
        pool,
        ladder.brackets,
        ladder.continues,
        rule === 'accuracy' ? {} : rule === 'powerLaw' ? { score: powerLaw } : { probes: true, score: composite },
      );
      expect(o.pick).toBe(want.pick);
      expect(o.regretPts).toBeCloseTo(want.regretPts, 9);
      expect(o.computeFraction).toBeCloseTo(want.computeFraction, 9);
      expect(o.computeFractionMs).toBeCloseTo(want.computeFractionMs, 9);
    });
    // The extrapolation must really decide some promotions, or its cases would only retest accuracy;
    // two-step has one rung below full fidelity, one point, nothing to extrapolate from.
    if (rule === 'powerLaw') expect(run.outcomes.some((o) => o.decidedBy.powerLaw > 0)).toBe(scheduler !== 'twoStep');
    // The hand ladders differ between schedulers, so a plan mix-up cannot pass.
    expect(new Set(run.outcomes.map((o) => o.computeFraction.toFixed(3))).size).toBeGreaterThan(1);
  });

  it('a diverged run scores chance, is charged the epochs it ran and no evaluation it never reached', () => {
    const diverged = configs.find((c) => c.configId === 'c07')!;
    const row = diverged.rows[3];
    expect(row.status).toBe('diverged');
    expect(row.curve).toHaveLength(2);
    expect(diverged.fullAccuracy).toBe(0.1);
    const epochMs = (1000 * row.images) / row.imagesPerSecond;
    // Four epochs asked for: two recorded, the third diverged part-way and is charged whole.
    const four = trialCost(table.header, row, 0, 4, true);
    expect(four.imageEpochs).toBe(3 * row.images);
    expect(four.trainMs).toBeCloseTo(3 * epochMs, 6);
    expect([four.evalImages, four.evalMs, four.probeImageEpochs, four.probeMs]).toEqual([0, 0, 0, 0]);
    expect(trialCost(table.header, row, 2, 4, true).imageEpochs).toBe(row.images);
    expect(trialCost(table.header, row, 2, 4, true).trainMs).toBeCloseTo(epochMs, 9);
    const two = trialCost(table.header, row, 0, 2, true);
    expect(two.evalImages).toBe(5000);
    expect(computeUnits(two)).toBeCloseTo(
      2 * row.images + 5000 / 3 + (row.curve[1].probes!.ms * row.imagesPerSecond) / 1000,
      9,
    );
    expect(two.evalMs).toBeCloseTo((1000 * 5000) / 3 / row.imagesPerSecond, 9);
    expect(two.probeMs).toBe(row.curve[1].probes!.ms);
  });
});

describe('probe regression against a hand replay', () => {
  // A pool of 4 leaves 8 configurations (= minExamples) to learn from: 4 @ 1/3 of the data, 1 @ all.
  const ladder: OracleBracket[] = [
    {
      configs: 4,
      rungs: [
        { dataFraction: 1 / 3, epochs: 4, trials: 4 },
        { dataFraction: 1, epochs: 4, trials: 1 },
      ],
    },
  ];
  const probesOf = (row: TableRow, epochs: number) => ({
    ...row.curve[epochs - 1].probes,
    initGradientNorm: row.initGradientNorm,
  });
  /** The rule by hand: OLS on the configurations outside the pool, read at the same rung, scores the rung if a probe won. */
  const byHand = (pool: readonly string[]) => {
    const outside = configs.filter((c) => !pool.includes(c.configId));
    const rows = outside.flatMap((c) => {
      const row = c.rows[2]; // 1/3 of the data
      const e = row.curve[3];
      return e ? [{ accuracy: e.valAccuracy, probes: probesOf(row, 4), fullAccuracy: c.fullAccuracy }] : [];
    });
    const fit = rows.length >= 8 ? fitProbeRegression(rows) : null;
    return (row: TableRow, epochs: number) => {
      const a = row.curve[epochs - 1]?.valAccuracy ?? null;
      if (a === null || !fit || fit.probe === null) return a;
      return predictProbeRegression(fit, a, probesOf(row, epochs));
    };
  };

  it('successive halving by probe regression: every pick, regret and compute match, and the probe decides some studies', () => {
    const run = simulateRule(table, configs, 'successiveHalving', 'probeRegression', 4, settings);
    expect(run.memoryExamples).toBe(8);
    run.outcomes.forEach((o, k) => {
      const pool = drawPool(configs, 4, settings.seed, k).map((c) => c.configId);
      const want = oracleStudy(table, pool, ladder, false, { probes: true, score: byHand(pool) });
      expect(o.pick).toBe(want.pick);
      expect(o.regretPts).toBeCloseTo(want.regretPts, 9);
      expect(o.computeFraction).toBeCloseTo(want.computeFraction, 9);
    });
    const decided = run.outcomes.filter((o) => o.decidedBy.probeRegression > 0).length;
    expect(decided).toBeGreaterThan(0);
    expect(decided).toBeLessThan(run.outcomes.length);
  });
});

describe('figures over every sub-pool (exhaustive enumeration)', () => {
  const pools = subsets(
    configs.map((c) => c.configId),
    9,
  ); // C(12, 9) = 220
  const byId = new Map(configs.map((c) => [c.configId, c]));
  const ladder = LADDERS.successiveHalving;
  const exact = pools.map((p) => oracleStudy(table, p, ladder.brackets, false));

  it('median and p90 regret, P(best) and compute equal the enumeration exactly', () => {
    const plan = replayPlan(table.header, 'successiveHalving', 9);
    const outcomes = pools.map((p) =>
      replayStudy({
        header: table.header,
        plan,
        pool: p.map((id) => byId.get(id)!),
        rule: 'accuracy',
        memory: [],
        tableIndex: () => 0,
        settings: { alpha: 0.1, metaModel: { minExamples: 8, guard: 'count', seed: 1, fit: () => null } },
      }),
    );
    const figures = outcomeFigures(outcomes);
    const regrets = exact.map((e) => e.regretPts);
    expect(figures.medianRegretPts).toBeCloseTo(quantile(regrets, 0.5), 9);
    expect(figures.p90RegretPts).toBeCloseTo(quantile(regrets, 0.9), 9);
    expect(figures.pBest).toBeCloseTo(exact.filter((e) => e.regretPts === 0).length / pools.length, 12);
    expect(figures.computeFraction).toBeCloseTo(exact.reduce((s, e) => s + e.computeFraction, 0) / pools.length, 9);
  });

  it('1,000 random sub-pools estimate the exact figures within Monte Carlo error, inside their 95% intervals', () => {
    const run = simulateRule(table, configs, 'successiveHalving', 'accuracy', 9, { ...settings, studies: 1000 });
    const f = outcomeFigures(run.outcomes);
    const ci = figureIntervals(run.outcomes, 7);
    const pBest = exact.filter((e) => e.regretPts === 0).length / pools.length;
    const compute = exact.reduce((s, e) => s + e.computeFraction, 0) / pools.length;
    const sdCompute = Math.sqrt(exact.reduce((s, e) => s + (e.computeFraction - compute) ** 2, 0) / pools.length);
    expect(Math.abs(f.pBest - pBest)).toBeLessThan(4 * Math.sqrt((pBest * (1 - pBest)) / 1000) + 1e-9);
    expect(Math.abs(f.computeFraction - compute)).toBeLessThan((4 * sdCompute) / Math.sqrt(1000) + 1e-12);
    expect(ci.pBest[0]).toBeLessThanOrEqual(pBest);
    expect(ci.pBest[1]).toBeGreaterThanOrEqual(pBest);
    expect(ci.computeFraction[0]).toBeLessThanOrEqual(compute);
    expect(ci.computeFraction[1]).toBeGreaterThanOrEqual(compute);
  });
});
