// The audit's cost, announced before it runs, against what auditStudy then actually trains.
import { describe, expect, it } from 'vitest';
import type { TrainTrialInput } from '../../workers/protocol';
import { auditStudy } from './audit';
import { auditPlan } from './auditPlan';
import { scriptedDefinition, scriptedLabels, scriptedStudy, truthOutcome } from '../testing/scriptedStudy';
import { fakePool } from '../testing/fakePool';

describe('auditPlan', () => {
  it('announces exactly the runs, images and epochs the audit trains', async () => {
    const { state, results } = scriptedStudy();
    const plan = auditPlan(state);
    const calls = { runs: [] as TrainTrialInput[], cancels: [] as number[] };
    const report = await auditStudy(state, results, fakePool(truthOutcome, calls), scriptedLabels);
    expect(plan).toMatchObject({ configurations: 8, reused: report.reusedRuns, toTrain: report.fullFidelityRuns });
    expect(calls.runs).toHaveLength(plan.toTrain);
    for (const input of calls.runs) {
      expect(input.trainIndices.length).toBe(plan.trainImages);
      expect(input.config.epochs).toBe(plan.epochs);
    }
  });

  it("compares with the study's own compute: 8 x 1/4 + 4 x 1/2 + 2 x 1 = 6 full runs against 6", () => {
    const { state } = scriptedStudy();
    expect(auditPlan(state)).toMatchObject({ reused: 2, toTrain: 6, trainImages: 2000, epochs: 1 });
    expect(auditPlan(state).relativeToStudy).toBeCloseTo(1, 12);
  });

  it('counts epochs at full fidelity when the resource is epochs', () => {
    const { state } = scriptedStudy({
      ...scriptedDefinition,
      fixed: { batchSize: 64, epochs: 4 },
      scheduler: { ...scriptedDefinition.scheduler, resource: 'epochs' },
    });
    const plan = auditPlan(state);
    expect(plan).toMatchObject({ trainImages: 2000, epochs: 4 });
    // Promoted trials continue from their weights (resumeFrom set), so the study trained none from scratch at resource 1.
    expect(plan.reused).toBe(0);
  });
});
