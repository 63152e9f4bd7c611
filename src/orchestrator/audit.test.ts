// Tests for audit.ts with a scripted study and a fake trainer pool (no tfjs): the audit trains only
// the configurations the study did not already train at full fidelity, on the full training subset
// and the study's evaluation images, and scores the rules against a known full-fidelity order.
import { describe, expect, it } from 'vitest';
import type { StudyState } from '../core/study/studyMachine';
import type { StudyDefinition } from '../core/study/studyDefinition';
import { SEED001_SPACE, type TrialConfig } from '../core/searchSpace/searchSpace';
import type { TrainTrialInput, TrialResult } from '../../workers/protocol';
import { auditStudy, FULL_TRIAL_ID_BASE, studyComputeFraction } from './audit';
import { studySplits } from './studySplits';
import type { TrainerPool } from './workerPool';
import { driveStudy } from '../testing/driveStudy';
import { chunkLabels } from '../testing/chunkLabels';
import { fakePool } from '../testing/fakePool';

const definition: StudyDefinition = {
  v: 2,
  name: 'audit-test',
  seed: 3,
  space: SEED001_SPACE,
  sampler: 'random',
  fixed: { batchSize: 64, epochs: 2 },
  readEvery: 4,
  scheduler: {
    kind: 'successiveHalving',
    resource: 'dataFraction',
    numConfigs: 8,
    reductionFactor: 2,
    minResource: 0.25,
    maxResource: 1,
  },
  data: { dataset: 'cifar10', validationSize: 1000, maxTrainImages: 2000, evalImages: 200 },
};
const labels = chunkLabels();

// Full-fidelity accuracy rises with log learning rate; a rung at resource r sees a fixed share of it.
const truth = (c: TrialConfig) => 0.3 + 0.1 * Math.log10(c.learningRate / 5e-4);
const resultFor = (trialId: number, accuracy: number, sharpness: number): TrialResult => ({
  trialId,
  status: 'completed',
  valAccuracy: accuracy,
  valLoss: 2 - accuracy,
  steps: 10,
  imagesTrained: 640,
  durationMs: 1,
  imagesPerSecond: 1,
  backend: 'fake',
  lossCurve: Array.from({ length: 10 }, (_, i) => ({
    step: i + 1,
    epoch: i < 5 ? 0 : 1,
    loss: 2.3 - 0.1 * i * accuracy,
    accuracy: accuracy * 0.9,
  })),
  probes: {
    loss: 1,
    accuracy,
    images: 64,
    sharpnessMean: sharpness,
    sharpnessMax: 2 * sharpness,
    samSharpness: sharpness,
    gradientNorm: 1,
    ms: 1,
  },
  initGradientNorm: 3,
});

function runStudyScripted(): { state: StudyState; results: Map<number, TrialResult> } {
  const results = new Map<number, TrialResult>();
  const state = driveStudy(definition, (t, s) => {
    const accuracy = truth(s.configs[t.configId]) * (0.6 + 0.4 * t.resource);
    results.set(t.trialId, resultFor(t.trialId, accuracy, 0.5));
    return { status: 'completed', valAccuracy: accuracy, valLoss: 1, backend: 'fake' };
  });
  return { state, results };
}

/** Full-fidelity runs follow the truth, with zero sharpness. */
const truthPool = (runs: TrainTrialInput[]) =>
  fakePool((input) => ({ ok: true, value: resultFor(input.trialId, truth(input.config), 0) }), { runs, cancels: [] });

describe('auditStudy', () => {
  it('trains the rest at full fidelity on the study splits and scores the rules', async () => {
    const { state, results } = runStudyScripted();
    expect(state.phase).toBe('finished');
    const calls: TrainTrialInput[] = [];
    const report = await auditStudy(state, results, truthPool(calls), labels);
    const splits = studySplits(definition, labels);
    // Two configurations reached resource 1 in the study (8 -> 4 -> 2): only six are trained now.
    expect(report.reusedRuns).toBe(2);
    expect(calls).toHaveLength(6);
    for (const input of calls) {
      expect(input.trainIndices).toEqual(splits.trainIndicesAt(1));
      expect(input.trainIndices.length).toBe(2000);
      expect(input.evalIndices).toEqual(splits.evalIndices);
      expect(input.config.epochs).toBe(2);
    }
    expect(report.fullFidelity).toBe('2000 images x 2 epochs');
    expect(report.scored).toBe(8);
    // Rung-0 accuracy is a fixed share of the truth here, so it ranks perfectly; equal sharpness
    // leaves the composite order unchanged.
    const rule = (name: string) => report.rules.find((r) => r.rule === name)!;
    expect(rule('lowFidelity')).toMatchObject({ spearman: 1, kendall: 1, top1RegretPts: 0, top3RegretPts: 0 });
    expect(rule('composite').spearman).toBe(1);
    expect(rule('composite').note).toMatch(/sharpness/);
    expect(rule('metaModel').spearman).toBeGreaterThan(0.8);
    // Study cost: 8 x 1/4 + 4 x 1/2 + 2 x 1 = 6 of 8 full runs.
    expect(studyComputeFraction(state)).toBeCloseTo(0.75, 12);
    report.rules.forEach((r) => expect(r.computeFraction).toBeCloseTo(0.75, 12));
    expect(report.successiveHalving?.top1RegretPts).toBeCloseTo(0, 10);
    expect(report.rows.every((r) => r.metaModel !== null && r.metaModel.lower <= r.metaModel.upper)).toBe(true);
  });

  it('says so when probes are missing, and leaves a twice-failed configuration out', async () => {
    const { state, results } = runStudyScripted();
    for (const [id, r] of results) results.set(id, { ...r, probes: undefined });
    const pool = truthPool([]);
    const failing: TrainerPool = {
      ...pool,
      run: async (input, p) =>
        input.trialId === FULL_TRIAL_ID_BASE
          ? { ok: false, error: { code: 'TRAINING_ERROR', message: 'x' } }
          : pool.run(input, p),
    };
    const report = await auditStudy(state, results, failing, labels);
    const failedRow = report.rows.find((r) => r.configId === 0)!;
    const reachedFull = state.trials.some((t) => t.configId === 0 && t.resource === 1);
    expect(report.scored).toBe(reachedFull ? 8 : 7);
    if (!reachedFull) expect(failedRow.fullStatus).toBe('failed');
    expect(report.rules.find((r) => r.rule === 'composite')!.note).toMatch(/missing/);
  });
});
