import { describe, expect, it } from 'vitest';
import { cutRange } from './cutRange';

describe('cutRange', () => {
  it('covers [0, total) exactly once, in order, with aligned starts', () => {
    for (const total of [1, 7, 8, 9, 64, 100, 256]) {
      for (const parts of [1, 2, 3, 4, 16]) {
        for (const align of [1, 4, 8]) {
          const ranges = cutRange(total, parts, align);
          const covered: number[] = ranges.flatMap(([b, e]) => Array.from({ length: e - b }, (_, i) => b + i));
          expect(covered).toEqual(Array.from({ length: total }, (_, i) => i));
          expect(ranges.every(([b]) => b % align === 0)).toBe(true);
          expect(ranges.length).toBeLessThanOrEqual(parts);
        }
      }
    }
  });

  it('balances: 64 output channels in two 8-aligned halves, 9 images in 5 and 4', () => {
    expect(cutRange(64, 2, 8)).toEqual([
      [0, 32],
      [32, 64],
    ]);
    expect(cutRange(9, 2)).toEqual([
      [0, 5],
      [5, 9],
    ]);
    expect(cutRange(3, 8)).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
  });
});
