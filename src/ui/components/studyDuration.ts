// How long a study would take here, as a range, from the training speed this device measured on the
// trials on screen (slowest to fastest trial, each scaled to the reference network's cost), or
// nothing when no trial has run: a fixed guess misleads a teacher planning a lesson by minutes.
import { estimateStudy, formatSeconds, relativeImageCost, type Machine } from '../../core/study/studyEstimate';
import type { StudyDefinition } from '../../core/study/studyDefinition';
import type { StudyState } from '../../core/study/studyMachine';

export interface DurationRange {
  lowSeconds: number;
  highSeconds: number;
  /** Measured images/s per worker at the reference network, slowest and fastest trial. */
  rates: [number, number];
  text: string;
}

/** Reference-network images/s of each finished trial on `backend`, ascending. */
export function measuredRates(study: Pick<StudyState, 'trials' | 'configs'> | null, backend: string): number[] {
  return (study?.trials ?? [])
    .filter((t) => t.backend === backend && t.imagesPerSecond !== null && t.imagesPerSecond > 0)
    .map((t) => t.imagesPerSecond! * relativeImageCost(study!.configs[t.configId]?.channels ?? 32))
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
}

export function durationRange(
  definition: StudyDefinition,
  machine: Machine,
  study: Pick<StudyState, 'trials' | 'configs'> | null,
): DurationRange | null {
  const rates = measuredRates(study, machine.backend);
  if (rates.length === 0) return null;
  const [slow, fast] = [rates[0], rates[rates.length - 1]];
  const at = (rate: number) => estimateStudy(definition, { ...machine, measuredImagesPerSecond: rate }).seconds;
  const [lowSeconds, highSeconds] = [at(fast), at(slow)];
  const [low, high] = [formatSeconds(lowSeconds), formatSeconds(highSeconds)];
  return {
    lowSeconds,
    highSeconds,
    rates: [slow, fast],
    text: low === high ? `about ${low}` : `${low} to ${high}`,
  };
}
