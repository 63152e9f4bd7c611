import { describe, expect, it } from 'vitest';
import { syntheticStudy } from './syntheticStudy';

describe('syntheticStudy', () => {
  it('runs a study of about 500 trials through the study machine to the end', () => {
    const { study, curves } = syntheticStudy({ numConfigs: 337 });
    expect(study.phase).toBe('finished');
    expect(study.trials).toHaveLength(337 + 112 + 37 + 12);
    expect(Object.keys(curves)).toHaveLength(study.trials.length);
    expect(study.trials.every((t) => t.state === 'completed' || t.state === 'diverged')).toBe(true);
    expect(Math.max(...study.trials.map((t) => t.rung))).toBe(3);
  });

  it('is seeded: the same options give the same study', () => {
    const a = syntheticStudy({ numConfigs: 9, seed: 3 });
    const b = syntheticStudy({ numConfigs: 9, seed: 3 });
    expect(a).toEqual(b);
    expect(syntheticStudy({ numConfigs: 9, seed: 4 }).study.trials[0].valAccuracy).not.toBe(
      a.study.trials[0].valAccuracy,
    );
  });
});
