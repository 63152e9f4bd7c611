// What an audit teaches the meta-model: every full-fidelity result but the failed ones, a diverged
// run at chance, the audit's own runs as 'audit' and the study's reused ones as 'study'.
import { describe, expect, it } from 'vitest';
import { studyFullAccuracies } from '../core/metaModel/memory';
import { auditExamples, fullAccuracies, type FullFidelityRun } from './auditExamples';
import { notAtFullFidelity, scriptedStudy } from '../testing/scriptedStudy';

describe('fullAccuracies', () => {
  it('keeps completed and diverged (at chance), drops failed, splits by who trained it', () => {
    const runs: FullFidelityRun[] = [
      { configId: 0, status: 'completed', valAccuracy: 0.41, reused: false },
      { configId: 1, status: 'diverged', valAccuracy: 0.07, reused: false },
      { configId: 2, status: 'failed', valAccuracy: null, reused: false },
      { configId: 3, status: 'completed', valAccuracy: 0.5, reused: true },
      { configId: 4, status: 'completed', valAccuracy: null, reused: false },
    ];
    const { audit, study } = fullAccuracies(runs);
    expect([...audit]).toEqual([
      [0, 0.41],
      [1, 0.1],
    ]);
    expect([...study]).toEqual([[3, 0.5]]);
    expect([...fullAccuracies(runs, 4).audit]).toEqual([
      [0, 0.41],
      [1, 0.25],
    ]);
  });
});

describe('auditExamples', () => {
  it('labels each configuration with its full-fidelity result and its source', () => {
    const { state } = scriptedStudy();
    const trained = notAtFullFidelity(state);
    const reused = [...studyFullAccuracies(state)];
    const runs: FullFidelityRun[] = [
      ...trained.map((configId, i): FullFidelityRun => ({
        configId,
        status: i === 0 ? 'failed' : 'completed',
        valAccuracy: i === 0 ? null : 0.3 + i / 100,
        reused: false,
      })),
      ...reused.map(([configId, accuracy]): FullFidelityRun => ({
        configId,
        status: 'completed',
        valAccuracy: accuracy,
        reused: true,
      })),
    ];
    const examples = auditExamples(state, new Map(), runs, 123);
    const byConfig = new Map(examples.map((e) => [e.source.configId, e]));
    expect(byConfig.has(trained[0])).toBe(false); // failed
    trained.slice(1).forEach((id, k) =>
      expect(byConfig.get(id)).toMatchObject({
        fullAccuracy: 0.3 + (k + 1) / 100,
        source: { kind: 'audit' },
        createdAt: 123,
      }),
    );
    for (const [id, accuracy] of reused)
      expect(byConfig.get(id)).toMatchObject({ fullAccuracy: accuracy, source: { kind: 'study' } });
    expect(examples).toHaveLength(state.configs.length - 1);
    // Low-fidelity evidence only: every observation below full fidelity.
    expect(examples.every((e) => e.observations.length > 0 && e.observations.every((o) => o.resource < 1))).toBe(true);
  });
});
