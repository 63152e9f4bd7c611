// Each numeric hyperparameter's domain: the values training accepts. A fixed value and a search
// space's range are both checked against it, so no link samples negative channels, dropout 5 or a
// learning rate of 1e9. The fixed-value schema (../study/studySchema) is built from this one table.
import type { ParamName } from './searchSpace';

export interface NumericDomain {
  low: number;
  high: number;
  /** low itself is excluded (a learning rate of 0 trains nothing). */
  lowOpen?: boolean;
  integer?: boolean;
}

export type NumericParam = Exclude<ParamName, 'optimizer' | 'lrSchedule'>;

export const PARAM_DOMAINS: Readonly<Record<NumericParam, NumericDomain>> = Object.freeze({
  channels: { low: 1, high: 1024, integer: true },
  dropout: { low: 0, high: 0.95 },
  learningRate: { low: 0, high: 10, lowOpen: true },
  momentum: { low: 0, high: 0.999 },
  weightDecay: { low: 0, high: 1 },
  batchSize: { low: 1, high: 4096, integer: true },
  epochs: { low: 1, high: 1000, integer: true },
  nesterov: { low: 0, high: 1, integer: true },
  warmupEpochs: { low: 0, high: 1000 },
  batchNorm: { low: 0, high: 1, integer: true },
  labelSmoothing: { low: 0, high: 0.9 },
  augment: { low: 0, high: 1, integer: true },
});

/** The domain of a numeric parameter; undefined for string parameters and unknown names (own keys only). */
export function domainOf(name: string): NumericDomain | undefined {
  return Object.hasOwn(PARAM_DOMAINS, name) ? PARAM_DOMAINS[name as NumericParam] : undefined;
}

/** "a whole number between 1 and 1024", "a number in (0, 10]". */
export function describeDomain(d: NumericDomain): string {
  if (d.integer) return `a whole number between ${d.low} and ${d.high}`;
  return d.lowOpen ? `a number in (${d.low}, ${d.high}]` : `a number between ${d.low} and ${d.high}`;
}

export function inDomain(d: NumericDomain, x: number): boolean {
  return (
    Number.isFinite(x) && (d.lowOpen ? x > d.low : x >= d.low) && x <= d.high && (!d.integer || Number.isInteger(x))
  );
}
