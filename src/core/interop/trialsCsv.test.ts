import { describe, expect, it } from 'vitest';
import { PRESETS } from '../study/presets';
import { initStudy, studyReducer } from '../study/studyMachine';
import { trialsToCsv } from './trialsCsv';

describe('trialsToCsv', () => {
  it('writes one row per trial with its hyperparameters, quoting where needed', () => {
    let s = initStudy(PRESETS.find((p) => p.id === 'tiny')!.study);
    s = studyReducer(s, { type: 'trialStarted', trialId: 0 });
    s = studyReducer(s, { type: 'trialFailed', trialId: 0, code: 'WORKER_CRASHED', message: 'x' });
    s = { ...s, trials: s.trials.map((t, i) => (i === 1 ? { ...t, backend: 'we,ird "name"' } : t)) };
    const lines = trialsToCsv(s).trimEnd().split('\n');
    expect(lines).toHaveLength(1 + s.trials.length);
    expect(lines[0].split(',').slice(0, 4)).toEqual(['trialId', 'configId', 'bracket', 'rung']);
    expect(lines[0]).toContain('learningRate');
    expect(lines[2]).toContain('"we,ird ""name"""');
    const lr = lines[0].split(',').indexOf('learningRate');
    expect(Number(lines[1].split(',')[lr])).toBeCloseTo(s.configs[0].learningRate, 12);
  });
});
