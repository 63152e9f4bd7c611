import { describe, expect, it } from 'vitest';
import { findPreset } from '../../core/study/presets';
import { initStudy, requestTrials, studyReducer } from '../../core/study/studyMachine';
import { progressLabel, trialCounts } from './trialCounts';

describe('trial counts after Stop', () => {
  it('does not count trials that Stop cancelled before they trained as settled', () => {
    const definition = findPreset('smoke')!.study;
    let study = requestTrials(initStudy(definition), 2);
    const first = study.trials[0];
    study = studyReducer(study, { type: 'trialStarted', trialId: first.trialId });
    study = studyReducer(study, {
      type: 'trialFinished',
      trialId: first.trialId,
      status: 'completed',
      valAccuracy: 0.3,
      valLoss: 2,
      durationMs: 1000,
      imagesPerSecond: 100,
      backend: 'wasm',
    });
    study = studyReducer(study, { type: 'trialStarted', trialId: study.trials[1].trialId });
    study = studyReducer(study, { type: 'stop' });
    expect(study.phase).toBe('stopped');
    // The running one and every queued one are cancelled: nine at rung 1, less the one that trained.
    const queued = study.trials.length - 1;
    expect(study.trials.filter((t) => t.state === 'cancelled')).toHaveLength(queued);
    expect(trialCounts(study, 13)).toEqual({ settled: 1, cancelled: queued, planned: 13 });
    expect(progressLabel(study, 13)).toBe(`1 / 13 trials · stopped (${queued} not run)`);
  });
});
