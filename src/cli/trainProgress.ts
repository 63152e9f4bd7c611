// The progress line of `npm run train`: where the run is, its speed, and the time left, measured
// over this process only (a resumed run's earlier steps ran at another time, maybe on another machine).
import { formatDuration, remainingMs } from '../core/eta';

export interface TrainProgressInput {
  stepsDone: number;
  stepsTotal: number;
  stepsPerEpoch: number;
  /** Steps already done when this process started (0 unless resumed). */
  stepsAtStart: number;
  elapsedMs: number;
  imagesPerSecond: number;
}

export function trainProgressLine(p: TrainProgressInput): string {
  const epoch = Math.max(1, Math.ceil(p.stepsDone / p.stepsPerEpoch));
  const inEpoch = p.stepsDone - (epoch - 1) * p.stepsPerEpoch;
  const left = remainingMs(
    { elapsedMs: p.elapsedMs, done: p.stepsDone - p.stepsAtStart, total: p.stepsTotal - p.stepsAtStart },
    { fraction: 0, elapsedMs: 30_000 }, // the first steps include compiling and warm-up
  );
  return (
    `[train] epoch ${epoch} of ${p.stepsTotal / p.stepsPerEpoch}: ${Math.round((100 * inEpoch) / p.stepsPerEpoch)}%, ` +
    `${((100 * p.stepsDone) / p.stepsTotal).toFixed(1)}% of the run, ${p.imagesPerSecond.toFixed(0)} images/s, ` +
    `elapsed ${formatDuration(p.elapsedMs)}, ETA ${left === null ? '—' : formatDuration(left)}`
  );
}
