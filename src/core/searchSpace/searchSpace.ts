// The hyperparameter search space (SEED001_SPACE: the seed project's SimpleCNN space), its
// validation and a seeded random sampler. Random search as in Bergstra & Bengio (2012); log-uniform
// scales and conditional parameters follow the Optuna distributions (FloatDistribution(log=True),
// IntDistribution(step)).
import type { Rng } from '../rng';

/** 'adam' and 'sgd' take weightDecay as an L2 penalty (PyTorch's weight_decay); 'adamw' decouples it (Loshchilov & Hutter 2019). */
export type Optimizer = 'adam' | 'sgd' | 'adamw';
export type LrSchedule = 'constant' | 'step' | 'cosine';
/** On/off options are 0/1 numbers so that a search space can make them categorical choices. */
export type Flag = 0 | 1;

export interface TrialConfig {
  channels: number;
  dropout: number;
  optimizer: Optimizer;
  learningRate: number;
  momentum: number;
  weightDecay: number;
  batchSize: number;
  epochs: number;
  /** Nesterov momentum for sgd. */
  nesterov: Flag;
  lrSchedule: LrSchedule;
  /** Linear warm-up from 0, in epochs (may be fractional). */
  warmupEpochs: number;
  batchNorm: Flag;
  labelSmoothing: number;
  /** Random crop (4-pixel padding) and horizontal flip, on the device. */
  augment: Flag;
}

export type ParamName = keyof TrialConfig;

/** A parameter is active only when an earlier categorical parameter took this value. */
export interface ParamCondition {
  param: ParamName;
  equals: string | number;
}

export type ParamSpec =
  | { kind: 'float'; name: ParamName; low: number; high: number; log: boolean; condition?: ParamCondition }
  | { kind: 'int'; name: ParamName; low: number; high: number; step: number; condition?: ParamCondition }
  | { kind: 'categorical'; name: ParamName; choices: readonly (string | number)[]; condition?: ParamCondition };

export type SearchSpace = readonly ParamSpec[];

/** Values for parameters outside the space or whose condition is false. */
export const DEFAULT_FIXED: TrialConfig = Object.freeze({
  channels: 32,
  dropout: 0.2,
  optimizer: 'adam',
  learningRate: 1e-3,
  momentum: 0, // Adam has no momentum hyperparameter here: 0 marks "inactive"
  weightDecay: 5e-4,
  batchSize: 64,
  epochs: 1,
  nesterov: 0,
  lrSchedule: 'constant',
  warmupEpochs: 0,
  batchNorm: 0,
  labelSmoothing: 0,
  augment: 0,
});

export const SEED001_SPACE: SearchSpace = Object.freeze([
  { kind: 'int', name: 'channels', low: 32, high: 64, step: 16 },
  { kind: 'float', name: 'dropout', low: 0.1, high: 0.3, log: false },
  { kind: 'categorical', name: 'optimizer', choices: ['adam', 'sgd'] },
  { kind: 'float', name: 'learningRate', low: 5e-4, high: 1e-2, log: true },
  { kind: 'float', name: 'momentum', low: 0, high: 0.9, log: false, condition: { param: 'optimizer', equals: 'sgd' } },
  { kind: 'float', name: 'weightDecay', low: 1e-4, high: 1e-3, log: true },
] as const satisfies readonly ParamSpec[]);

const STRING_PARAMS: ReadonlySet<ParamName> = new Set<ParamName>(['optimizer', 'lrSchedule']);
const STRING_CHOICES: Partial<Record<ParamName, readonly string[]>> = {
  optimizer: ['adam', 'sgd', 'adamw'],
  lrSchedule: ['constant', 'step', 'cosine'],
};

/** Human-readable problems with the space; empty when it is valid. */
export function validateSearchSpace(space: SearchSpace): string[] {
  const problems: string[] = [];
  const seen = new Map<ParamName, ParamSpec>();
  for (const spec of space) {
    const where = `param "${spec.name}"`;
    if (!Object.hasOwn(DEFAULT_FIXED, spec.name)) problems.push(`${where} is not a known parameter`);
    if (seen.has(spec.name)) problems.push(`${where} is listed more than once`);
    if (spec.kind === 'float' || spec.kind === 'int') {
      if (!Number.isFinite(spec.low) || !Number.isFinite(spec.high)) {
        problems.push(`${where} needs finite bounds, got low=${spec.low} high=${spec.high}`);
      } else if (!(spec.low < spec.high)) {
        problems.push(`${where} needs low < high, got low=${spec.low} high=${spec.high}`);
      }
      if (STRING_PARAMS.has(spec.name)) problems.push(`${where} takes strings, so it must be categorical`);
    }
    if (spec.kind === 'float' && spec.log && !(spec.low > 0)) {
      problems.push(`${where} is log-scaled, so it needs low > 0, got ${spec.low}`);
    }
    if (spec.kind === 'int') {
      if (!(spec.step > 0) || !Number.isFinite(spec.step)) {
        problems.push(`${where} needs step > 0, got ${spec.step}`);
      }
      if (!Number.isInteger(spec.low) || !Number.isInteger(spec.high) || !Number.isInteger(spec.step)) {
        problems.push(`${where} is an int, so low, high and step must be integers`);
      }
    }
    if (spec.kind === 'categorical') {
      if (spec.choices.length === 0) problems.push(`${where} needs at least one choice`);
      if (new Set(spec.choices).size !== spec.choices.length) problems.push(`${where} has duplicate choices`);
      for (const choice of spec.choices) {
        const ok = STRING_PARAMS.has(spec.name)
          ? (Object.hasOwn(STRING_CHOICES, spec.name) ? STRING_CHOICES[spec.name]! : []).includes(String(choice))
          : typeof choice === 'number' && Number.isFinite(choice);
        if (!ok) problems.push(`${where} cannot take the choice ${JSON.stringify(choice)}`);
      }
    }
    if (spec.condition) {
      const parent = seen.get(spec.condition.param);
      if (!parent) {
        problems.push(`${where} has a condition on "${spec.condition.param}", which is not an earlier parameter`);
      } else if (parent.kind !== 'categorical') {
        problems.push(`${where} has a condition on "${spec.condition.param}", which is not categorical`);
      } else if (!parent.choices.includes(spec.condition.equals)) {
        problems.push(
          `${where} has a condition value ${JSON.stringify(spec.condition.equals)} that "${spec.condition.param}" never takes`,
        );
      }
    }
    if (!seen.has(spec.name)) seen.set(spec.name, spec);
  }
  return problems;
}

function sampleParam(spec: ParamSpec, rng: Rng): string | number {
  switch (spec.kind) {
    case 'float': {
      const u = rng.next();
      if (!spec.log) return spec.low + u * (spec.high - spec.low);
      const logLow = Math.log(spec.low);
      // min() guards exp/log rounding from stepping past the upper bound.
      return Math.min(spec.high, Math.exp(logLow + u * (Math.log(spec.high) - logLow)));
    }
    case 'int': {
      const gridSize = Math.floor((spec.high - spec.low) / spec.step) + 1;
      return spec.low + spec.step * rng.nextInt(gridSize);
    }
    case 'categorical':
      return spec.choices[rng.nextInt(spec.choices.length)];
  }
}

/**
 * n configurations drawn independently. Parameters are sampled in the order listed, so a
 * condition sees its parent's value; an inactive parameter draws nothing from rng and keeps
 * its value from `fixed` (then DEFAULT_FIXED).
 */
export function sampleRandomConfigs(
  space: SearchSpace,
  n: number,
  rng: Rng,
  fixed: Partial<TrialConfig> = {},
): TrialConfig[] {
  if (!Number.isInteger(n) || n < 0) throw new Error(`Expected n to be a non-negative integer, but got ${n}`);
  const problems = validateSearchSpace(space);
  if (problems.length > 0) throw new Error(`Invalid search space: ${problems.join('; ')}`);
  const base: TrialConfig = { ...DEFAULT_FIXED, ...fixed };
  const configs: TrialConfig[] = [];
  for (let i = 0; i < n; i++) {
    const values: Record<ParamName, string | number> = { ...base };
    for (const spec of space) {
      const active = !spec.condition || values[spec.condition.param] === spec.condition.equals;
      if (active) values[spec.name] = sampleParam(spec, rng);
    }
    configs.push(values as TrialConfig); // validated above: names are known, kinds fit
  }
  return configs;
}

/** Short label, e.g. "c32 adam lr=1.0e-3 wd=5.0e-4 drop=0.20" (sgd adds "m=0.90"; non-default options follow). */
export function describeConfig(c: TrialConfig): string {
  const momentum = c.optimizer === 'sgd' ? ` m=${c.momentum.toFixed(2)}${c.nesterov ? ' nesterov' : ''}` : '';
  const extras = [
    c.lrSchedule !== 'constant' && c.lrSchedule !== undefined ? c.lrSchedule : '',
    c.warmupEpochs > 0 ? `warmup=${c.warmupEpochs}` : '',
    c.batchNorm ? 'bn' : '',
    c.labelSmoothing > 0 ? `ls=${c.labelSmoothing}` : '',
    c.augment ? 'aug' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    `c${c.channels} ${c.optimizer} lr=${c.learningRate.toExponential(1)}${momentum}` +
    ` wd=${c.weightDecay.toExponential(1)} drop=${c.dropout.toFixed(2)}${extras ? ` ${extras}` : ''}`
  );
}
