// The train CLI's progress line against hand-computed positions and a constant-rate ETA.
import { describe, expect, it } from 'vitest';
import { formatDuration } from '../core/eta';
import { trainProgressLine } from './trainProgress';

describe('trainProgressLine', () => {
  it('places the step in its epoch and extrapolates the rate of this process only', () => {
    // Resumed after 4 of 30 epochs of 351 steps; 175 steps in 600 s since.
    const line = trainProgressLine({
      stepsDone: 4 * 351 + 175,
      stepsTotal: 30 * 351,
      stepsPerEpoch: 351,
      stepsAtStart: 4 * 351,
      elapsedMs: 600_000,
      imagesPerSecond: 37.4,
    });
    const leftMs = (600_000 * (30 * 351 - (4 * 351 + 175))) / 175;
    expect(line).toBe(
      `[train] epoch 5 of 30: 50%, 15.0% of the run, 37 images/s, elapsed 10 min 00 s, ETA ${formatDuration(leftMs)}`,
    );
    expect(formatDuration(leftMs)).toBe('8 h 31 min');
  });

  it('withholds the ETA during the first half minute and counts a finished epoch as its own, at 100%', () => {
    const early = trainProgressLine({
      stepsDone: 50,
      stepsTotal: 702,
      stepsPerEpoch: 351,
      stepsAtStart: 0,
      elapsedMs: 20_000,
      imagesPerSecond: 300,
    });
    expect(early).toMatch(/epoch 1 of 2: 14%, .* ETA —$/);
    const boundary = trainProgressLine({
      stepsDone: 351,
      stepsTotal: 702,
      stepsPerEpoch: 351,
      stepsAtStart: 0,
      elapsedMs: 50_000,
      imagesPerSecond: 300,
    });
    expect(boundary).toMatch(/^\[train\] epoch 1 of 2: 100%, 50\.0% of the run, .* ETA 50 s$/);
    const last = trainProgressLine({
      stepsDone: 702,
      stepsTotal: 702,
      stepsPerEpoch: 351,
      stepsAtStart: 0,
      elapsedMs: 100_000,
      imagesPerSecond: 300,
    });
    expect(last).toMatch(/^\[train\] epoch 2 of 2: 100%, 100\.0% of the run, .* ETA 0 s$/);
  });
});
