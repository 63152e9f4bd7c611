// Learning-rate schedules per optimizer step: constant, step decay (x0.1 at 50% and 75% of
// training, as in He et al. 2016), cosine annealing (Loshchilov & Hutter 2017), all after an
// optional linear warm-up (Goyal et al. 2017).
import type { LrSchedule } from './searchSpace';

export interface ScheduleSettings {
  learningRate: number;
  lrSchedule: LrSchedule;
  warmupEpochs: number;
}

/** Learning rate for optimizer step `step` (0-based) of `totalSteps`. */
export function learningRateAt(s: ScheduleSettings, step: number, stepsPerEpoch: number, totalSteps: number): number {
  const warmupSteps = Math.round(s.warmupEpochs * stepsPerEpoch);
  if (step < warmupSteps) return (s.learningRate * (step + 1)) / warmupSteps;
  const t = totalSteps > warmupSteps ? (step - warmupSteps) / (totalSteps - warmupSteps) : 0;
  switch (s.lrSchedule) {
    case 'constant':
      return s.learningRate;
    case 'step':
      return s.learningRate * (t >= 0.75 ? 0.01 : t >= 0.5 ? 0.1 : 1);
    case 'cosine':
      return 0.5 * s.learningRate * (1 + Math.cos(Math.PI * t));
  }
}
