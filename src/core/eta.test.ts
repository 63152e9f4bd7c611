import { describe, expect, it } from 'vitest';
import { formatDuration, remainingMs, timingText } from './eta';

describe('remainingMs', () => {
  it('extrapolates the measured rate (hand-computed)', () => {
    // 30 of 120 units in 60 s: 2 s per unit, 90 units left -> 180 s.
    expect(remainingMs({ elapsedMs: 60_000, done: 30, total: 120 })).toBe(180_000);
    // 0.25 of 1 in 10 s -> 30 s more.
    expect(remainingMs({ elapsedMs: 10_000, done: 0.25, total: 1 })).toBe(30_000);
    // 153.7 MB at 46.11 MB in 12 s: 12 × 107.59 / 46.11 = 28.0 s.
    expect(remainingMs({ elapsedMs: 12_000, done: 46.11, total: 153.7 })).toBeCloseTo(28_000, 6);
  });

  it('is 0 once the work is done, even past the plan', () => {
    expect(remainingMs({ elapsedMs: 5_000, done: 7, total: 7 })).toBe(0);
    expect(remainingMs({ elapsedMs: 5_000, done: 8, total: 7 })).toBe(0);
  });

  it('withholds an estimate until enough is measured', () => {
    expect(remainingMs({ elapsedMs: 60_000, done: 0, total: 10 })).toBeNull();
    expect(remainingMs({ elapsedMs: 60_000, done: 4, total: 100 })).toBeNull(); // 4% < 5%
    expect(remainingMs({ elapsedMs: 60_000, done: 5, total: 100 })).toBe(1_140_000); // 5% is enough: 60 × 95 / 5 s
    expect(remainingMs({ elapsedMs: 4_999, done: 50, total: 100 })).toBeNull(); // under 5 s
    expect(remainingMs({ elapsedMs: 2_000, done: 50, total: 100 }, { fraction: 0, elapsedMs: 0 })).toBe(2_000);
    expect(remainingMs({ elapsedMs: 1_000, done: 1, total: 0 })).toBeNull();
    expect(remainingMs({ elapsedMs: Number.NaN, done: 1, total: 2 })).toBeNull();
  });
});

describe('formatDuration and timingText', () => {
  it('writes seconds, minutes and hours', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(42_400)).toBe('42 s');
    expect(formatDuration(59_600)).toBe('1 min 00 s');
    expect(formatDuration(185_000)).toBe('3 min 05 s');
    expect(formatDuration(3_725_000)).toBe('1 h 02 min');
    expect(formatDuration(-5)).toBe('0 s');
  });

  it('shows ETA — without an estimate', () => {
    expect(timingText(65_000, 42_000)).toBe('elapsed 1 min 05 s · ETA 42 s');
    expect(timingText(2_000, null)).toBe('elapsed 2 s · ETA —');
  });
});
