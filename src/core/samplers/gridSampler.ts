// Grid search over a SearchSpace (Bergstra & Bengio 2012 compare it with random search): ints
// and categoricals take every value, floats `levels` evenly spaced values (log-spaced when log),
// and a conditional parameter branches only under its parent's matching value.
import type { Rng } from '../rng';
import {
  DEFAULT_FIXED,
  type ParamName,
  type ParamSpec,
  type SearchSpace,
  type TrialConfig,
} from '../searchSpace/searchSpace';
import { checkSamplerArgs, createScrambledHalton } from './haltonSampler';

type Values = Record<ParamName, string | number>;

/** How many values the parameter takes on the grid. */
export function axisSize(spec: ParamSpec, floatLevels: number): number {
  switch (spec.kind) {
    case 'float':
      return floatLevels;
    case 'int':
      return Math.floor((spec.high - spec.low) / spec.step) + 1;
    case 'categorical':
      return spec.choices.length;
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
    case 'int':
      return spec.low + k * spec.step;
    case 'categorical':
      return spec.choices[k];
  }
}

const isActive = (spec: ParamSpec, values: Values) =>
  !spec.condition || values[spec.condition.param] === spec.condition.equals;

/** Default cap of countGrid: the count saturates there, and so does the work. */
export const GRID_COUNT_CAP = 1_000_000;

/**
 * Distinct configurations on the grid, or `cap` when there are at least that many. Only a
 * categorical that a later condition reads needs branching; every other axis multiplies the count.
 * Every branch visited ends in at least one configuration, so the work is bounded by cap
 * branches (several conditional parents of 64 choices would otherwise mean 64^k of them).
 */
export function countGrid(
  space: SearchSpace,
  floatLevels: number,
  fixed: Partial<TrialConfig> = {},
  cap = GRID_COUNT_CAP,
): number {
  const parents = new Set(space.flatMap((s) => (s.condition ? [s.condition.param] : [])));
  const count = (i: number, values: Values): number => {
    if (i === space.length) return 1;
    const spec = space[i];
    if (!isActive(spec, values)) return count(i + 1, values);
    const size = axisSize(spec, floatLevels);
    if (!parents.has(spec.name)) return Math.min(cap, size * count(i + 1, values));
    let total = 0;
    for (let k = 0; k < size && total < cap; k++)
      total += count(i + 1, { ...values, [spec.name]: axisValue(spec, k, floatLevels) });
    return Math.min(cap, total);
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
    if (countGrid(space, mid, fixed, n) >= n)
      hi = mid; // saturating at n bounds each count
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Visits grid cells in lexicographic order (the first parameter varies slowest) until visit
 * returns false. A cell is its axis indices (-1 for an inactive parameter).
 */
function enumerateGrid(
  space: SearchSpace,
  floatLevels: number,
  base: Values,
  visit: (v: Values, cell: number[]) => boolean,
): void {
  const walk = (i: number, values: Values, cell: number[]): boolean => {
    if (i === space.length) return visit(values, cell);
    const spec = space[i];
    if (!isActive(spec, values)) return walk(i + 1, values, [...cell, -1]);
    for (let k = 0; k < axisSize(spec, floatLevels); k++) {
      if (!walk(i + 1, { ...values, [spec.name]: axisValue(spec, k, floatLevels) }, [...cell, k])) return false;
    }
    return true;
  };
  walk(0, base, []);
}

/**
 * n grid configurations, floats at chooseFloatLevels(space, n) levels.
 * - Grid size <= n: the whole grid in lexicographic order, repeated from the start when smaller
 *   than n (a finite space), so a study always gets n trials.
 * - Grid size in (n, 2n]: a seeded random n of its cells, in grid order.
 * - Grid size > 2n: the first n distinct grid cells visited by a Halton sequence scrambled by rng.
 *   Unlike every k-th point in lexicographic order, this keeps each axis stratified (a stride can
 *   alias an inner axis onto one value). Deterministic for a given rng state.
 * Cells are told apart by their indices, not their values: a float range between two adjacent
 * doubles has many levels but two values, and must still give n configurations.
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
  const size = countGrid(space, levels, fixed, 2 * n + 1);
  if (size <= n) {
    enumerateGrid(space, levels, base, (v) => (picked.push(v), true));
    return Array.from({ length: n }, (_, i) => ({ ...picked[i % picked.length] }) as TrialConfig);
  }
  if (size <= 2 * n) {
    // Dense: at least half the grid is taken. A seeded random n of its cells, in grid order; a
    // Halton search would spend most of its tries on the last few unvisited cells.
    enumerateGrid(space, levels, base, (v) => (picked.push(v), true));
    const order = picked.map((_, i) => i);
    for (let i = 0; i < n; i++) {
      const j = i + rng.nextInt(order.length - i);
      [order[i], order[j]] = [order[j], order[i]];
    }
    return order
      .slice(0, n)
      .sort((a, b) => a - b)
      .map((i) => picked[i] as TrialConfig);
  }
  const seen = new Set<string>();
  const take = (v: Values, cell: number[]) => {
    const key = cell.join(',');
    if (!seen.has(key)) {
      seen.add(key);
      picked.push(v);
    }
    return picked.length < n;
  };
  const sequence = createScrambledHalton(space.length, rng);
  // Tries are bounded: a grid barely larger than n can leave a few cells unvisited for long, and
  // the lexicographic walk below then fills the rest.
  for (let i = 0; picked.length < n && i < 4 * n + 256; i++) {
    const u = sequence.point(i);
    const drawn: Partial<Values> = {}; // only the space's parameters; an inactive parent keeps its base value
    const cell = space.map((spec, j) => {
      if (spec.condition && (drawn[spec.condition.param] ?? base[spec.condition.param]) !== spec.condition.equals)
        return -1;
      const k = Math.min(axisSize(spec, levels) - 1, Math.floor(u[j] * axisSize(spec, levels)));
      drawn[spec.name] = axisValue(spec, k, levels);
      return k;
    });
    if (!seen.has(cell.join(','))) take({ ...base, ...drawn }, cell);
  }
  if (picked.length < n) enumerateGrid(space, levels, base, take); // at most 2n visits
  return picked.map((v) => v as TrialConfig);
}
