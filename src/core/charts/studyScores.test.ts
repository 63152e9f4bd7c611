import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { studyImportance } from './studyImportance';
import type { StudyState, TrialRecord } from '../study/studyMachine';
import { equalBudgetSample, finalScores, rungLadder } from './studyScores';
import { syntheticStudy } from '../../testing/syntheticStudy';

const trial = (patch: Partial<TrialRecord> & Pick<TrialRecord, 'trialId' | 'configId'>): TrialRecord => ({
  bracket: 0,
  rung: 0,
  resource: 0.25,
  dataFraction: 0.25,
  epochs: 1,
  resumeFrom: null,
  startEpochs: 0,
  state: 'completed',
  attempts: 1,
  valAccuracy: 0.3,
  valLoss: 2,
  durationMs: 1,
  imagesPerSecond: 1,
  backend: 'cpu',
  error: null,
  ...patch,
});
const withTrials = (trials: TrialRecord[]): StudyState => ({ ...syntheticStudy({ numConfigs: 3 }).study, trials });

describe('equalBudgetSample', () => {
  it('takes every completed rung-0 trial and counts the others', () => {
    const s = withTrials([
      trial({ trialId: 0, configId: 0, valAccuracy: 0.4 }),
      trial({ trialId: 1, configId: 1, state: 'diverged', valAccuracy: null }),
      trial({ trialId: 2, configId: 2, state: 'running', valAccuracy: null }),
      trial({ trialId: 3, configId: 3, state: 'failed', valAccuracy: null }),
      trial({ trialId: 4, configId: 0, rung: 1, resource: 0.5, valAccuracy: 0.5 }),
    ]);
    expect(equalBudgetSample(s)).toMatchObject({ scores: [0.4], resource: 0.25, diverged: 1, pending: 1, lost: 1 });
  });

  it("under Hyperband keeps the largest bracket's budget only", () => {
    const s = withTrials([
      trial({ trialId: 0, configId: 0, bracket: 0, resource: 1 / 9, valAccuracy: 0.2 }),
      trial({ trialId: 1, configId: 1, bracket: 0, resource: 1 / 9, valAccuracy: 0.3 }),
      trial({ trialId: 2, configId: 2, bracket: 1, resource: 1 / 3, valAccuracy: 0.6 }),
    ]);
    expect(equalBudgetSample(s)).toMatchObject({ scores: [0.2, 0.3], resource: 1 / 9 });
    expect(equalBudgetSample(withTrials([]))).toMatchObject({ scores: [], resource: null });
  });
});

describe('rungLadder', () => {
  it('joins each configuration across rungs and measures rank agreement', () => {
    const { study } = syntheticStudy({ numConfigs: 27 });
    const ladder = rungLadder(study);
    expect(ladder.rungs.map((r) => r.trials)).toEqual([27, 9, 3, 1]);
    expect(ladder.nodes).toHaveLength(40);
    expect(ladder.links).toHaveLength(9 + 3 + 1);
    expect(ladder.nodes.filter((n) => n.promoted)).toHaveLength(13);
    expect(ladder.agreement.map((a) => [a.from, a.to, a.pairs])).toEqual([
      [0, 1, 9],
      [1, 2, 3],
      [2, 3, 1],
    ]);
    expect(ladder.agreement[0].rho).toBeGreaterThan(0.3); // the synthetic truth is shared across rungs
    expect(ladder.agreement[2].rho).toBeNaN();
  });

  it('reports each configuration at the highest rung it completed', () => {
    const s = withTrials([
      trial({ trialId: 0, configId: 0, valAccuracy: 0.4 }),
      trial({ trialId: 1, configId: 0, rung: 1, valAccuracy: 0.6 }),
      trial({ trialId: 2, configId: 1, valAccuracy: 0.3 }),
      trial({ trialId: 3, configId: 1, rung: 1, state: 'running', valAccuracy: null }),
    ]);
    expect([...finalScores(s)]).toEqual([
      [0, { rung: 1, valAccuracy: 0.6 }],
      [1, { rung: 0, valAccuracy: 0.3 }],
    ]);
  });
});

describe('studyImportance', () => {
  it('finds the learning rate, which drives the synthetic accuracy', () => {
    const { study } = syntheticStudy({ numConfigs: 81 });
    const result = studyImportance(study, createRng(1));
    expect(result.note).toBeNull();
    expect(result.params[0].name).toBe('learningRate');
    expect(result.params.reduce((s, p) => s + p.importance, 0)).toBeCloseTo(1, 10);
  });

  it('says why there is nothing to show', () => {
    expect(studyImportance(syntheticStudy({ numConfigs: 3 }).study, createRng(1)).note).toContain('at least 4');
  });
});
