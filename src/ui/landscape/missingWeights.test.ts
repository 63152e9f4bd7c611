import { describe, expect, it } from 'vitest';
import type { TrialRecord, TrialState } from '../../core/study/studyMachine';
import { missingWeightsText } from './missingWeights';

const trial = (trialId: number, state: TrialState): TrialRecord => ({
  trialId,
  configId: trialId,
  bracket: 0,
  rung: 0,
  resource: 1,
  dataFraction: 1,
  epochs: 1,
  resumeFrom: null,
  startEpochs: 0,
  state,
  attempts: 1,
  valAccuracy: state === 'completed' ? 0.4 : null,
  valLoss: null,
  durationMs: null,
  imagesPerSecond: null,
  backend: null,
  error: null,
});

describe('why a study has no weights to probe', () => {
  it('says a reopened study with completed trials keeps no weights, not that every trial failed', () => {
    const text = missingWeightsText({ trials: [trial(0, 'completed'), trial(1, 'completed'), trial(2, 'diverged')] });
    expect(text).toContain('2 trained trials are saved without their weights');
    expect(text).not.toMatch(/failed or diverged/);
  });
  it('says no trial finished when none completed', () => {
    const text = missingWeightsText({ trials: [trial(0, 'failed'), trial(1, 'cancelled')] });
    expect(text).toMatch(/no trial finished/);
  });
  it('counts one trial in the singular', () => {
    expect(missingWeightsText({ trials: [trial(0, 'completed')] })).toContain('1 trained trial is saved without its');
  });
});
