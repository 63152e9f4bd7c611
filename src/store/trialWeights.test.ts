// Which weights stay in memory, against enumeration by hand.
import { describe, expect, it } from 'vitest';
import { weightsToKeep } from './trialWeights';

describe('weightsToKeep', () => {
  it('keeps every trial of the last rung reached and the best of each earlier rung', () => {
    const kept = weightsToKeep([
      { trialId: 0, rung: 0, valAccuracy: 0.2 },
      { trialId: 1, rung: 0, valAccuracy: 0.4 },
      { trialId: 2, rung: 0, valAccuracy: null },
      { trialId: 3, rung: 0, valAccuracy: 0.3 },
      { trialId: 4, rung: 1, valAccuracy: 0.35 },
      { trialId: 5, rung: 1, valAccuracy: 0.45 },
    ]);
    expect([...kept].sort()).toEqual([1, 4, 5]);
  });

  it('keeps all of rung 0 while it is the last rung, and nothing of nothing', () => {
    expect(
      [
        ...weightsToKeep([
          { trialId: 0, rung: 0, valAccuracy: 0.1 },
          { trialId: 1, rung: 0, valAccuracy: null },
        ]),
      ].sort(),
    ).toEqual([0, 1]);
    expect(weightsToKeep([]).size).toBe(0);
  });
});
