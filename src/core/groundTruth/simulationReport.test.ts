import { describe, expect, it } from 'vitest';
import { learningCurveFixture } from '../../testing/learningCurveFixture';
import { createRng } from '../rng';
import { fisherInterval } from '../stats/fisherInterval';
import { equalComputeOutcomes } from './equalComputeRandom';
import type { LearningCurveTable } from './learningCurveTable';
import { noiseFloor } from './noiseFloor';
import { P_BEST_DEFINITION } from './poolBest';
import { COMPUTE_UNIT } from './replayCost';
import { noisyJudgement, seedNoise } from './seedNoise';
import { lowFidelityResources, replayPlan, splitProportionally } from './replayPlans';
import { simulationReport, type SimulationRequest } from './simulationReport';
import { DEFAULT_SIMULATION, drawPool, simulateRule } from './simulateStudies';
import { resampleConfigurations } from './tableBootstrap';
import { memoryFor } from './tableExamples';
import { tableConfigurations } from './tableConfigurations';

const table = learningCurveFixture();
const configs = tableConfigurations(table);
const small: SimulationRequest = {
  poolSizes: [6],
  schedulers: ['successiveHalving', 'twoStep'],
  rules: ['accuracy', 'compositeSharpness', 'metaModelMemory'],
  bootstrap: 100,
  tableBootstrap: { tables: 20, studiesPerTable: 10 },
  simulation: { ...DEFAULT_SIMULATION, studies: 40, metaModelStudies: 4 },
};

describe('simulationReport', () => {
  it('states P(best) and compute by definition, and judges every study under the measured seed noise', () => {
    const r = simulationReport(table, { ...small, tableBootstrap: { tables: 0, studiesPerTable: 1 } });
    const noise = seedNoise(table);
    // The fixture has 2 noise-floor repeats: the SD is theirs, pooled (1 df each).
    expect(r.seedNoise).toEqual({ sdPts: noise.sdPts, degreesOfFreedom: 2, repeated: ['c00', 'c01'] });
    const ceilings = new Set<number>();
    for (const x of [...r.rules, ...r.equalCompute]) {
      expect([x.pBestDefinition, x.computeUnit]).toEqual([P_BEST_DEFINITION, COMPUTE_UNIT]);
      expect(x.underSeedNoise).not.toBeNull();
    }
    for (const x of r.rules.filter((y) => y.rule === 'accuracy')) {
      // Oracle: the same studies replayed, each pick judged on its own, averaged by hand.
      const run = simulateRule(table, configs, x.scheduler, 'accuracy', 6, small.simulation);
      const judged = run.outcomes.map((o, k) =>
        noisyJudgement(drawPool(configs, 6, small.simulation.seed, k), o.pick, noise, small.simulation.seed, k),
      );
      const mean = (f: (j: (typeof judged)[number]) => number) => judged.reduce((s, j) => s + f(j), 0) / judged.length;
      expect(x.underSeedNoise!.pBest).toBeCloseTo(
        mean((j) => j.pBest),
        12,
      );
      expect(x.underSeedNoise!.meanRegretPts).toBeCloseTo(
        mean((j) => j.regretPts),
        12,
      );
      expect(x.underSeedNoise!.pBest).toBeLessThanOrEqual(x.underSeedNoise!.tableBestPBest + 0.05);
      expect(x.computeFractionMs).toBeCloseTo(run.outcomes.reduce((s, o) => s + o.computeFractionMs, 0) / 40, 12);
      ceilings.add(x.underSeedNoise!.tableBestPBest);
    }
    // The ceiling depends on the pools and draws only, which every scheduler shares.
    expect(ceilings.size).toBe(1);
    expect(r.notes.some((n) => n.startsWith(`P(best): ${P_BEST_DEFINITION}`))).toBe(true);
    // Which schedulers keep 90% of the ceiling, read off the same figures.
    const keep = r.rules
      .filter((x) => x.rule === 'accuracy' && x.underSeedNoise!.keptShare >= 0.9)
      .map((x) => x.scheduler);
    expect(r.notes).toContainEqual(expect.stringContaining(`pool 6: ${keep.join(', ') || 'none'} keep it`));
  });

  it("reports one line per (pool, scheduler, rule) in the issue's shape", () => {
    const r = simulationReport(table, small);
    expect(r.rules).toHaveLength(6);
    for (const x of r.rules) {
      expect(x.fullFidelity).toBe('45000 images x 4 epochs');
      expect(x.poolSize).toBe(6);
      expect(x.studies).toBe(x.rule === 'metaModelMemory' ? 4 : 40);
      for (const k of ['medianRegretPts', 'p90RegretPts', 'pBest', 'spearman', 'computeFraction'] as const) {
        expect(x.ci95[k][0]).toBeLessThanOrEqual(x[k] + 1e-12);
        expect(x.ci95[k][1]).toBeGreaterThanOrEqual(x[k] - 1e-12);
      }
      expect(x.vsAccuracy === null).toBe(x.rule === 'accuracy');
      expect(x.tableBootstrap === null).toBe(x.rule === 'metaModelMemory');
      expect(x.tableBootstrap?.meanRegretDiffPts === null).toBe(x.rule === 'accuracy');
    }
    expect(r.probes.length).toBeGreaterThan(0);
    expect(r.notes.some((n) => n.includes('4 studies'))).toBe(true);
    let tested = 0;
    let excluding = 0;
    let excludingTogether = 0;
    for (const p of r.probes) {
      if (!Number.isFinite(p.partialSpearman)) continue;
      tested++;
      if (p.ci95[0] > 0 || p.ci95[1] < 0) excluding++;
      if (p.ci95Simultaneous[0] > 0 || p.ci95Simultaneous[1] < 0) excludingTogether++;
      expect(p.ci95[0]).toBeLessThanOrEqual(p.partialSpearman);
      expect(p.ci95[1]).toBeGreaterThanOrEqual(p.partialSpearman);
    }
    const split = r.probeConfirmation;
    expect(new Set([...split.exploreConfigs, ...split.confirmConfigs]).size).toBe(r.configurations);
    for (const p of r.probes) {
      expect(p.tests).toBe(tested);
      expect(p.ci95Simultaneous).toEqual(fisherInterval(p.partialSpearman, p.n, 1, 1 - 0.05 / tested));
    }
    expect(r.notes).toContain(
      `probes: ${excluding} of ${tested} probe-rung CIs exclude 0, where chance alone would give about ${(0.05 * tested).toFixed(1)}; ${excludingTogether} still exclude 0 when all ${tested} hold at once (Bonferroni, ci95Simultaneous)`,
    );
  });

  it('sets each scheduler against random search at its own compute, study by study on the same pools', () => {
    const r = simulationReport(table, small);
    expect(r.equalCompute.map((b) => b.scheduler)).toEqual(small.schedulers);
    for (const b of r.equalCompute) {
      const run = simulateRule(table, configs, b.scheduler, 'accuracy', 6, small.simulation);
      const baseline = equalComputeOutcomes(run, configs, small.simulation.seed);
      const diffs = run.outcomes.map((o, k) => o.regretPts - baseline[k].regretPts);
      expect(b.schedulerMinusRandom.meanRegretDiffPts).toBeCloseTo(diffs.reduce((a, d) => a + d, 0) / diffs.length, 12);
      expect(b.pBest).toBeCloseTo(baseline.filter((x) => x.isBest).length / baseline.length, 12);
      const [lo, hi] = b.schedulerMinusRandom.ci95.meanRegretDiffPts;
      expect(lo).toBeLessThanOrEqual(b.schedulerMinusRandom.meanRegretDiffPts);
      expect(hi).toBeGreaterThanOrEqual(b.schedulerMinusRandom.meanRegretDiffPts);
      expect(b.tableBootstrap!.tables).toBe(20);
    }
    expect(simulationReport(table, { ...small, rules: ['compositeSharpness'] }).equalCompute).toEqual([]);
  });

  it('never reads the report-only test field: scrambling it changes nothing', () => {
    const rng = createRng(5);
    const scrambled: LearningCurveTable = {
      ...table,
      rows: table.rows.map((row, i) => ({
        ...row,
        report: i % 2 ? null : { testAccuracy: rng.next(), testLoss: rng.next() },
      })),
    };
    expect(JSON.stringify(simulationReport(scrambled, small))).toBe(JSON.stringify(simulationReport(table, small)));
  });

  it('uses every configuration when the pool asked for is larger than the table, and says so', () => {
    const r = simulationReport(table, {
      ...small,
      poolSizes: [27],
      rules: ['accuracy'],
      schedulers: ['successiveHalving'],
    });
    expect(r.rules[0].poolSize).toBe(12);
    expect(r.notes[0]).toContain('only 12 complete configurations');
  });

  it('works on any prefix of the table, counting only configurations with all four fractions', () => {
    const prefix = { ...table, rows: table.rows.slice(0, 23) }; // c00..c04 complete (+1 repeat), c05 partly
    expect(tableConfigurations(prefix).map((c) => c.configId)).toEqual(['c00', 'c01', 'c02', 'c03', 'c04']);
    expect(simulationReport(prefix, { ...small, rules: ['accuracy'] }).rules[0].poolSize).toBe(5);
    expect(() => simulationReport({ ...table, rows: table.rows.slice(0, 5) }, small)).toThrow(
      /at least 2 configurations/,
    );
  });
});

describe('the meta-model rules', () => {
  it('memory is the table minus the sub-pool, by configId', () => {
    const plan = replayPlan(table.header, 'successiveHalving', 4);
    for (let k = 0; k < 20; k++) {
      const pool = drawPool(configs, 4, 1, k);
      const memory = memoryFor(
        table.header,
        plan,
        lowFidelityResources(plan),
        configs,
        new Set(pool.map((c) => c.configId)),
      );
      const memoryIds = memory.map((e) => configs[e.source.configId].configId);
      expect(memoryIds.sort()).toEqual(
        configs
          .map((c) => c.configId)
          .filter((id) => !pool.some((c) => c.configId === id))
          .sort(),
      );
      // Each example is described at the plan's low-fidelity resources (1/3 for 4 configurations).
      expect(memory[0].observations.map((o) => o.resource)).toEqual(lowFidelityResources(plan));
    }
  });

  it('with memory, the model decides promotions once it has enough examples; in-study it never gets them before the last rung', () => {
    const s = { ...DEFAULT_SIMULATION, studies: 3, metaModelStudies: 3 };
    const memory = simulateRule(table, configs, 'successiveHalving', 'metaModelMemory', 4, s); // 8 examples = minExamples
    expect(memory.memoryExamples).toBe(8);
    expect(memory.outcomes.every((o) => o.decidedBy.metaModel === 1 && o.decidedBy.accuracy === 0)).toBe(true);
    const tooFew = simulateRule(table, configs, 'successiveHalving', 'metaModelMemory', 6, s); // 6 examples
    expect(tooFew.outcomes.every((o) => o.decidedBy.metaModel === 0)).toBe(true);
    const inStudy = simulateRule(table, configs, 'hyperband', 'metaModel', 12, { ...s, minExamples: 3 });
    expect(inStudy.outcomes.every((o) => o.decidedBy.metaModel === 0)).toBe(true);
  });
});

describe('the table bootstrap', () => {
  it('resamples configurations with replacement, a repeat under its own id with the same rows', () => {
    const resampled = resampleConfigurations(configs, createRng(3));
    expect(resampled).toHaveLength(configs.length);
    expect(new Set(resampled.map((c) => c.configId)).size).toBe(configs.length);
    const base = (id: string) => id.split('~')[0];
    expect(new Set(resampled.map((c) => base(c.configId))).size).toBeLessThan(configs.length); // 12 draws of 12 repeat one almost surely
    for (const c of resampled) expect(c.rows).toBe(configs.find((o) => o.configId === base(c.configId))!.rows);
  });

  it("keeps a pool member's bootstrap copies out of the memory, which would otherwise hold the answer", () => {
    const resampled = resampleConfigurations(configs, createRng(3));
    const plan = replayPlan(table.header, 'successiveHalving', 4);
    for (let k = 0; k < 20; k++) {
      const pool = drawPool(resampled, 4, 2, k);
      const memory = memoryFor(
        table.header,
        plan,
        lowFidelityResources(plan),
        resampled,
        new Set(pool.map((c) => c.configId)),
      );
      const poolIdentities = new Set(pool.map((c) => c.configId.split('~')[0]));
      const memoryIdentities = memory.map((e) => resampled[e.source.configId].configId.split('~')[0]);
      expect(memoryIdentities.filter((id) => poolIdentities.has(id))).toEqual([]);
      expect(memory).toHaveLength(resampled.filter((c) => !poolIdentities.has(c.configId.split('~')[0])).length);
    }
  });
});

describe('plans and the noise floor', () => {
  it("splits Hyperband's 27/12/6/4 brackets over a pool by largest remainder", () => {
    expect(splitProportionally([27, 12, 6, 4], 9)).toEqual([5, 2, 1, 1]);
    expect(splitProportionally([27, 12, 6, 4], 27)).toEqual([15, 7, 3, 2]);
    expect(splitProportionally([27, 12, 6, 4], 49)).toEqual([27, 12, 6, 4]);
    expect(replayPlan(table.header, 'hyperband', 27).brackets.map((b) => b.rungs.map((r) => r.numTrials))).toEqual([
      [15, 5, 1, 1],
      [7, 2, 1],
      [3, 1],
      [2],
    ]);
  });

  it("is the mean |difference| of the two seeds' full-fidelity accuracies", () => {
    const full = (id: string, rep: number) =>
      table.rows.find((r) => r.configId === id && r.replicate === rep && r.dataFraction === 1)!.curve[3].valAccuracy;
    const nf = noiseFloor(table);
    expect(nf.pairs).toBe(2);
    expect(nf.meanAbsDiffPts).toBeCloseTo(
      (100 * (Math.abs(full('c00', 0) - full('c00', 1)) + Math.abs(full('c01', 0) - full('c01', 1)))) / 2,
      12,
    );
  });
});
