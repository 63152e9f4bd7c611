import { describe, expect, it } from 'vitest';
import { learningRateAt } from './lrSchedule';

describe('learningRateAt', () => {
  const base = { learningRate: 0.1, warmupEpochs: 0 };
  it('constant stays put', () => {
    for (const step of [0, 50, 99])
      expect(learningRateAt({ ...base, lrSchedule: 'constant' }, step, 10, 100)).toBe(0.1);
  });
  it('step decays by 10 at half and three quarters of training', () => {
    const lr = (step: number) => learningRateAt({ ...base, lrSchedule: 'step' }, step, 10, 100);
    expect([lr(0), lr(49), lr(50), lr(74), lr(75), lr(99)]).toEqual([
      0.1,
      0.1,
      0.1 * 0.1,
      0.1 * 0.1,
      0.1 * 0.01,
      0.1 * 0.01,
    ]);
  });
  it('cosine goes from lr to 0 through lr/2 at the middle', () => {
    const lr = (step: number) => learningRateAt({ ...base, lrSchedule: 'cosine' }, step, 10, 100);
    expect(lr(0)).toBeCloseTo(0.1, 12);
    expect(lr(50)).toBeCloseTo(0.05, 12);
    expect(lr(100)).toBeCloseTo(0, 12);
  });
  it('warm-up rises linearly to lr over warmupEpochs, then the schedule starts from lr', () => {
    const s = { learningRate: 0.1, warmupEpochs: 2, lrSchedule: 'cosine' as const };
    expect(learningRateAt(s, 0, 10, 100)).toBeCloseTo(0.005, 12);
    expect(learningRateAt(s, 9, 10, 100)).toBeCloseTo(0.05, 12);
    expect(learningRateAt(s, 19, 10, 100)).toBeCloseTo(0.1, 12);
    expect(learningRateAt(s, 20, 10, 100)).toBeCloseTo(0.1, 12);
  });
});
