import { describe, expect, it } from 'vitest';
import { compareToReference, relativeL2Error } from './agreement';

describe('agreement', () => {
  it('relative L2 error against hand-computed values', () => {
    expect(relativeL2Error([3, 4], [3, 4])).toBe(0);
    expect(relativeL2Error([3, 4.5], [3, 4])).toBeCloseTo(0.5 / 5, 12);
    expect(relativeL2Error([0.1], [0])).toBeCloseTo(0.1, 12);
    expect(() => relativeL2Error([1], [1, 2])).toThrow(/equal length/);
  });
  it('agrees only when loss and every gradient are within 1e-3', () => {
    expect(compareToReference(1.0005, [[1, 0]], 1, [[1, 0]]).agrees).toBe(true);
    expect(
      compareToReference(
        1,
        [
          [1, 0],
          [1.01, 0],
        ],
        1,
        [
          [1, 0],
          [1, 0],
        ],
      ),
    ).toMatchObject({ agrees: false, maxGradientError: expect.closeTo(0.01, 9) });
  });
});
