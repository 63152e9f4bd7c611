import { describe, expect, it } from 'vitest';
import { learningCurveFixture } from '../../testing/learningCurveFixture';
import { equalComputeOutcomes } from '../../core/groundTruth/equalComputeRandom';
import { equalComputeDifference } from '../../core/groundTruth/equalComputeReport';
import { REPLAY_SCHEDULERS } from '../../core/groundTruth/replayPlans';
import { ruleReport } from '../../core/groundTruth/ruleReport';
import { DEFAULT_SIMULATION, simulateRule } from '../../core/groundTruth/simulateStudies';
import { tableConfigurations } from '../../core/groundTruth/tableConfigurations';
import { compareSchedulers } from './compareSchedulers';

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
