// Grid search over a SearchSpace (Bergstra & Bengio 2012 compare it with random search): ints
// and categoricals take every value, floats `levels` evenly spaced values (log-spaced when log),
// and a conditional parameter branches only under its parent's matching value.
import type { Rng } from '../rng';
import { DEFAULT_FIXED, type ParamName, type ParamSpec, type SearchSpace, type TrialConfig } from '../searchSpace';
import { checkSamplerArgs, createScrambledHalton } from './haltonSampler';

type Values = Record<ParamName, string | number>;

/** How many values the parameter takes on the grid. */
export function axisSize(spec: ParamSpec, floatLevels: number): number {
  switch (spec.kind) {
    case 'float': return floatLevels;
    case 'int': return Math.floor((spec.high - spec.low) / spec.step) + 1;
    case 'categorical': return spec.choices.length;
  }
}

/** The k-th grid value; one float level is the (geometric, when log) midpoint, more include both ends. */
export function axisValue(spec: ParamSpec, k: number, floatLevels: number): string | number {
  switch (spec.kind) {
    case 'float': {
      const t = floatLevels === 1 ? 0.5 : k / (floatLevels - 1);
      if (t === 0) return spec.low;
      if (t === 1) return spec.high;
      if (!spec.log) return spec.low + t * (spec.high - spec.low);
      const logLow = Math.log(spec.low);
      return Math.exp(logLow + t * (Math.log(spec.high) - logLow));
    }
    case 'int': return spec.low + k * spec.step;
    case 'categorical': return spec.choices[k];
  }
}

const isActive = (spec: ParamSpec, values: Values) => !spec.condition || values[spec.condition.param] === spec.condition.equals;

/**
 * Distinct configurations on the grid. Only a categorical that a later condition reads needs
 * branching; every other axis multiplies the count, so this stays cheap for huge grids.
 */
export function countGrid(space: SearchSpace, floatLevels: number, fixed: Partial<TrialConfig> = {}): number {
  const parents = new Set(space.flatMap((s) => (s.condition ? [s.condition.param] : [])));
  const count = (i: number, values: Values): number => {
    if (i === space.length) return 1;
    const spec = space[i];
    if (!isActive(spec, values)) return count(i + 1, values);
    const size = axisSize(spec, floatLevels);
    if (!parents.has(spec.name)) return size * count(i + 1, values);
    let total = 0;
    for (let k = 0; k < size; k++) total += count(i + 1, { ...values, [spec.name]: axisValue(spec, k, floatLevels) });
    return total;
  };
  return count(0, { ...DEFAULT_FIXED, ...fixed });
}

/** Fewest float levels (>= 1) whose grid has at least n points; 1 when the space has no float. */
export function chooseFloatLevels(space: SearchSpace, n: number, fixed: Partial<TrialConfig> = {}): number {
  if (!space.some((s) => s.kind === 'float')) return 1;
  // Every float is active on some branch, so n levels give at least n points; count rises with levels.
  let lo = 1;
  let hi = Math.max(1, n);
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (countGrid(space, mid, fixed) >= n) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Visits grid configurations in lexicographic order (the first parameter varies slowest) until visit returns false. */
function enumerateGrid(space: SearchSpace, floatLevels: number, base: Values, visit: (v: Values) => boolean): void {
  const walk = (i: number, values: Values): boolean => {
    if (i === space.length) return visit(values);
    const spec = space[i];
    if (!isActive(spec, values)) return walk(i + 1, values);
    for (let k = 0; k < axisSize(spec, floatLevels); k++) {
      if (!walk(i + 1, { ...values, [spec.name]: axisValue(spec, k, floatLevels) })) return false;
    }
    return true;
  };
  walk(0, base);
}

const keyOf = (space: SearchSpace, v: Values) => JSON.stringify(space.map((s) => v[s.name]));

/**
 * n grid configurations, floats at chooseFloatLevels(space, n) levels.
 * - Grid size <= n: the whole grid in lexicographic order, repeated from the start when smaller
 *   than n (a finite space), so a study always gets n trials.
 * - Grid size > n: the first n distinct grid cells visited by a Halton sequence scrambled by rng.
 *   Unlike every k-th point in lexicographic order, this keeps each axis stratified (a stride can
 *   alias an inner axis onto one value). Deterministic for a given rng state.
 */
export function sampleGridConfigs(
  space: SearchSpace,
  n: number,
  rng: Rng,
  fixed: Partial<TrialConfig> = {},
): TrialConfig[] {
  checkSamplerArgs(space, n);
  const levels = chooseFloatLevels(space, n, fixed);
  const base: Values = { ...DEFAULT_FIXED, ...fixed };
  const picked: Values[] = [];
  if (n === 0) return [];
  if (countGrid(space, levels, fixed) <= n) {
    enumerateGrid(space, levels, base, (v) => (picked.push(v), true));
    return Array.from({ length: n }, (_, i) => ({ ...picked[i % picked.length] }) as TrialConfig);
  }
  const seen = new Set<string>();
  const take = (v: Values) => {
    const key = keyOf(space, v);
    if (!seen.has(key)) { seen.add(key); picked.push(v); }
    return picked.length < n;
  };
  const sequence = createScrambledHalton(space.length, rng);
  // Tries are bounded; a grid barely larger than n can leave a few cells unvisited for long.
  for (let i = 0; picked.length < n && i < 64 * n + 1024; i++) {
    const u = sequence.point(i);
    const values: Values = { ...base };
    space.forEach((spec, j) => {
      if (isActive(spec, values)) values[spec.name] = axisValue(spec, Math.min(axisSize(spec, levels) - 1, Math.floor(u[j] * axisSize(spec, levels))), levels);
    });
    take(values);
  }
  if (picked.length < n) enumerateGrid(space, levels, base, take); // at most 2n visits
  return picked.map((v) => v as TrialConfig);
}
