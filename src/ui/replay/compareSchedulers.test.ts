import { describe, expect, it } from 'vitest';
import { learningCurveFixture } from '../../testing/learningCurveFixture';
import { equalComputeOutcomes } from '../../core/groundTruth/equalComputeRandom';
import { equalComputeDifference } from '../../core/groundTruth/equalComputeReport';
import { REPLAY_SCHEDULERS } from '../../core/groundTruth/replayPlans';
import { ruleReport } from '../../core/groundTruth/ruleReport';
import { DEFAULT_SIMULATION, simulateRule } from '../../core/groundTruth/simulateStudies';
import { tableConfigurations } from '../../core/groundTruth/tableConfigurations';
import { compareSchedulers, comparisonProblem } from './compareSchedulers';

const table = learningCurveFixture();
const configs = tableConfigurations(table);
const settings = { ...DEFAULT_SIMULATION, studies: 40 };

describe('compareSchedulers', () => {
  it("reports each scheduler as bench:simulate does on the same studies, the rule's own figures only", async () => {
    let last = 0;
    const got = await compareSchedulers(
      table,
      configs,
      { rule: 'powerLaw', poolSize: 6, studies: 40, settings },
      (done, total) => {
        expect(done).toBeGreaterThanOrEqual(last);
        expect(total).toBe(40 * REPLAY_SCHEDULERS.length);
        last = done;
      },
      () => false,
    );
    expect(got!.map((r) => r.scheduler)).toEqual([...REPLAY_SCHEDULERS]);
    REPLAY_SCHEDULERS.forEach((scheduler, i) => {
      const run = simulateRule(table, configs, scheduler, 'powerLaw', 6, settings);
      const { vsRandom, ...report } = got![i];
      expect(report).toEqual(ruleReport(run, null, '45000 images x 4 epochs', settings.seed));
      // Against random search at each study's own compute, on the same pools: the bench's figure.
      const baseline = equalComputeOutcomes(run, configs, settings.seed);
      const diffs = run.outcomes.map((o, k) => o.regretPts - baseline[k].regretPts);
      expect(vsRandom.meanRegretDiffPts).toBeCloseTo(diffs.reduce((a, d) => a + d, 0) / diffs.length, 12);
      expect(vsRandom).toEqual(equalComputeDifference(run, configs, settings.seed));
    });
    expect(last).toBe(40 * REPLAY_SCHEDULERS.length);
  });
});

describe('comparisonProblem', () => {
  it('offers no comparison above half the table per study (pool 27 of 32), and says why', () => {
    expect(comparisonProblem(9, 32)).toBeNull();
    expect(comparisonProblem(16, 32)).toBeNull();
    expect(comparisonProblem(17, 32)).toMatch(/share 53% of their configurations/);
    expect(comparisonProblem(27, 32, 'The 1,000-study replay is not offered')).toMatch(
      /^The 1,000-study replay is not offered at 27 of the table's 32 configurations per study: /,
    );
    expect(comparisonProblem(27, 32)).toBe(
      "Schedulers are not compared at 27 of the table's 32 configurations per study: any two studies would share 84% of their configurations, so the studies would be nearly one study repeated and their intervals would shrink to a point that says nothing about a scheduler. Choose at most 16 per study for figures over many studies.",
    );
  });

  it('is right to: near the whole table some interval over studies collapses to a point, at half of it none does', async () => {
    const n = configs.length;
    const narrowest = async (poolSize: number) => {
      const reports = await compareSchedulers(
        table,
        configs,
        { rule: 'accuracy', poolSize, studies: 200, settings: { ...settings, studies: 200 } },
        () => {},
        () => false,
      );
      return Math.min(...reports!.map((r) => r.ci95.pBest[1] - r.ci95.pBest[0]));
    };
    expect(comparisonProblem(n - 1, n)).not.toBeNull();
    expect(await narrowest(n - 1)).toBe(0); // e.g. 100% [100%, 100%]: one study repeated
    expect(comparisonProblem(Math.floor(n / 2), n)).toBeNull();
    expect(await narrowest(Math.floor(n / 2))).toBeGreaterThan(0.05);
  });
});
