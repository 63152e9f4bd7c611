// One axis per hyperparameter of a search space, for the charts and for fANOVA: log-uniform
// parameters are read in log10 (the measure they were sampled with), categoricals by choice index,
// and a conditional parameter is inactive (null) where its condition is false.
import type { ParamCondition, ParamName, SearchSpace, TrialConfig } from '../searchSpace/searchSpace';

export interface ParamAxis {
  name: ParamName;
  scale: 'linear' | 'log' | 'categorical';
  /** Raw units for numeric axes; for categorical axes [0, choices.length - 1]. */
  domain: [number, number];
  choices: readonly (string | number)[];
  condition?: ParamCondition;
}

export function paramAxes(space: SearchSpace): ParamAxis[] {
  return space.map((spec): ParamAxis => {
    const condition = spec.condition;
    switch (spec.kind) {
      case 'float':
        return {
          name: spec.name,
          scale: spec.log ? 'log' : 'linear',
          domain: [spec.low, spec.high],
          choices: [],
          condition,
        };
      case 'int':
        return { name: spec.name, scale: 'linear', domain: [spec.low, spec.high], choices: [], condition };
      case 'categorical':
        return {
          name: spec.name,
          scale: 'categorical',
          domain: [0, Math.max(0, spec.choices.length - 1)],
          choices: spec.choices,
          condition,
        };
    }
  });
}

export function isActive(axis: ParamAxis, config: TrialConfig): boolean {
  return !axis.condition || config[axis.condition.param] === axis.condition.equals;
}

/** The raw value on a numeric axis, or the choice index on a categorical one; null when inactive or off the choices. */
export function axisValue(axis: ParamAxis, config: TrialConfig): number | null {
  if (!isActive(axis, config)) return null;
  const v = config[axis.name];
  if (axis.scale === 'categorical') {
    const i = axis.choices.indexOf(v);
    return i < 0 ? null : i;
  }
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Position along the axis in [0, 1] (log10 on a log axis; choices evenly spaced); null when inactive. */
export function axisPosition(axis: ParamAxis, config: TrialConfig): number | null {
  const v = axisValue(axis, config);
  if (v === null) return null;
  const [lo, hi] = axis.domain;
  if (axis.scale === 'categorical') return axis.choices.length < 2 ? 0.5 : v / (axis.choices.length - 1);
  const t =
    axis.scale === 'log' ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : (v - lo) / (hi - lo);
  return Math.min(1, Math.max(0, t));
}

/** A numeric feature for regression (fANOVA): log10 on log axes; an inactive parameter takes its axis's low end. */
export function axisFeature(axis: ParamAxis, config: TrialConfig): number {
  const v = axisValue(axis, config);
  const raw = v ?? (axis.scale === 'categorical' ? 0 : axis.domain[0]);
  return axis.scale === 'log' ? Math.log10(raw) : raw;
}

/** The value as a reader wants it: "adam", "3.2e-3", "0.15", "48". */
export function formatAxisValue(axis: ParamAxis, config: TrialConfig): string {
  const v = axisValue(axis, config);
  if (v === null) return 'inactive';
  if (axis.scale === 'categorical') return String(axis.choices[v]);
  if (axis.scale === 'log') return v.toExponential(1);
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}
