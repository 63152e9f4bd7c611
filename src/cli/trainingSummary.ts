// How a trial's training went, in one line: mean training loss and batch accuracy over its first
// and its last epoch. A micro study's validation is chance by design (it memorises 24 images), so
// the training side is what shows that the chosen backend trains.
import type { LossPoint } from '../core/lossPoint';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export function trainingSummary(curve: readonly LossPoint[]): string | null {
  if (curve.length === 0) return null;
  const firstEpoch = curve[0].epoch;
  const lastEpoch = curve[curve.length - 1].epoch;
  // A one-epoch trial compares its first and last reads instead.
  const [first, last] =
    firstEpoch === lastEpoch
      ? [[curve[0]], [curve[curve.length - 1]]]
      : [curve.filter((p) => p.epoch === firstEpoch), curve.filter((p) => p.epoch === lastEpoch)];
  const loss = (ps: LossPoint[]) => mean(ps.map((p) => p.loss)).toFixed(3);
  const acc = (ps: LossPoint[]) => `${(100 * mean(ps.map((p) => p.accuracy))).toFixed(0)}%`;
  const span = firstEpoch === lastEpoch ? 'first to last batch' : `epoch ${firstEpoch + 1} to ${lastEpoch + 1}`;
  return `training loss ${loss(first)} -> ${loss(last)}, batch accuracy ${acc(first)} -> ${acc(last)} (${span})`;
}
