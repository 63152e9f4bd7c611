// The chart's points against the audit itself: the share of points inside their interval must be
// the coverage the audit reports, and the points exactly its scored configurations.
import { describe, expect, it } from 'vitest';
import type { TrialConfig } from '../../core/searchSpace/searchSpace';
import { auditStudy, FULL_TRIAL_ID_BASE, type AuditConfigRow } from '../../orchestrator/audit';
import { fakePool } from '../../testing/fakePool';
import { notAtFullFidelity, scriptedLabels, scriptedResult, scriptedStudy, truth } from '../../testing/scriptedStudy';
import { predictedVsActualPoints, sharedDomain } from './predictedVsActual';

describe('predictedVsActualPoints', () => {
  it('plots exactly the scored configurations, and its inside share is the audit coverage', async () => {
    const { state, results } = scriptedStudy();
    // One configuration the audit trains diverges, another fails twice; the rest train to their truth.
    const [diverges, fails] = notAtFullFidelity(state);
    const pool = fakePool((input) => {
      const configId = input.trialId - FULL_TRIAL_ID_BASE;
      if (configId === fails) return { ok: false, error: { code: 'TRAINING_ERROR', message: 'scripted failure' } };
      return {
        ok: true,
        value:
          configId === diverges
            ? scriptedResult(input.trialId, 0.1, 'diverged')
            : scriptedResult(input.trialId, truth(input.config)),
      };
    });
    const report = await auditStudy(state, results, pool, scriptedLabels, { seed: 5 });
    const points = predictedVsActualPoints(report.rows);
    expect(report.rows[fails].fullStatus).toBe('failed');
    expect(points.map((p) => p.configId)).toEqual(
      report.rows.filter((r) => r.fullStatus !== 'failed').map((r) => r.configId),
    );
    expect(points).toHaveLength(report.scored);
    expect(points.filter((p) => p.inside).length / points.length).toBeCloseTo(report.metaModel!.coverage, 12);
    const diverged = points.find((p) => p.configId === diverges)!;
    expect(diverged).toMatchObject({ diverged: true, actual: 0.1 });
    // The audit's RMSE, recomputed from the points.
    const rmse = Math.sqrt(points.reduce((s, p) => s + (p.predicted - p.actual) ** 2, 0) / points.length);
    expect(100 * rmse).toBeCloseTo(report.metaModel!.rmsePts, 9);
  });

  it('skips rows without a prediction or a result', () => {
    const row = (configId: number, patch: Partial<AuditConfigRow>): AuditConfigRow => ({
      configId,
      config: {} as TrialConfig,
      rung0Accuracy: 0.2,
      rung0Sharpness: null,
      lowFidelityResource: 0.25,
      fullFidelityAccuracy: 0.4,
      fullStatus: 'completed',
      reused: false,
      metaModel: { mean: 0.35, lower: 0.3, upper: 0.45, model: 'ridge' },
      ...patch,
    });
    const points = predictedVsActualPoints([
      row(0, {}),
      row(1, { metaModel: null }),
      row(2, { fullStatus: 'failed', fullFidelityAccuracy: null }),
      row(3, { fullFidelityAccuracy: 0.5 }),
    ]);
    expect(points.map((p) => [p.configId, p.inside])).toEqual([
      [0, true],
      [3, false],
    ]);
  });
});

describe('sharedDomain', () => {
  it('holds every value and whisker, clipped to [0, 1]', () => {
    const p = (actual: number, lower: number, upper: number) => ({
      configId: 0,
      actual,
      predicted: (lower + upper) / 2,
      lower,
      upper,
      inside: true,
      diverged: false,
      model: 'm',
    });
    const [lo, hi] = sharedDomain([p(0.3, 0.2, 0.5), p(0.45, 0.4, 0.6)]);
    expect(lo).toBeLessThan(0.2);
    expect(hi).toBeGreaterThan(0.6);
    expect(sharedDomain([p(0.02, -0.3, 0.1), p(0.9, 0.8, 1.4)])).toEqual([0, 1]);
  });
});
