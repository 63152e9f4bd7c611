// Quasi-random search: scrambled Halton points (Halton 1960) mapped onto a SearchSpace. Each
// dimension's digits go through seeded random permutations, one per digit position (Owen-style
// permutation scrambling, as scipy's qmc.Halton(scramble=True) behind Optuna's QMCSampler).
import type { Rng } from '../rng';
import {
  DEFAULT_FIXED,
  validateSearchSpace,
  type ParamName,
  type ParamSpec,
  type SearchSpace,
  type TrialConfig,
} from '../searchSpace/searchSpace';

/** One base per dimension; a space has at most one parameter per TrialConfig key (14). */
const PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53] as const;

/** Van der Corput radical inverse: the base-b digits of index mirrored about the radix point. */
export function radicalInverse(index: number, base: number): number {
  let inverse = 0;
  let scale = 1 / base;
  for (let i = index; i > 0; i = Math.floor(i / base)) {
    inverse += (i % base) * scale;
    scale /= base;
  }
  return inverse;
}

export interface HaltonSequence {
  dimension: number;
  /** The index-th point in [0, 1)^dimension; index is a non-negative integer. */
  point(index: number): number[];
}

/**
 * Halton points with permuted digits. rng === null keeps the identity permutations (the plain
 * Halton sequence). Each dimension keeps K = floor(52 / log2(b)) digits, so the sum is an exact
 * integer below b^K <= 2^52 and every coordinate is strictly below 1.
 * Permuting digits keeps Halton's stratification: the first b^k points put exactly one
 * coordinate in each interval [j / b^k, (j + 1) / b^k).
 */
export function createScrambledHalton(dimension: number, rng: Rng | null): HaltonSequence {
  if (!Number.isInteger(dimension) || dimension < 0 || dimension > PRIMES.length) {
    throw new Error(`Expected dimension to be an integer in 0..${PRIMES.length}, but got ${dimension}`);
  }
  const bases = PRIMES.slice(0, dimension);
  const digits = bases.map((b) => Math.floor(52 / Math.log2(b)));
  const perms = bases.map((b, d) =>
    Array.from({ length: digits[d] }, () => {
      const perm = Array.from({ length: b }, (_, j) => j);
      if (rng)
        for (let i = b - 1; i > 0; i--) {
          const j = rng.nextInt(i + 1);
          [perm[i], perm[j]] = [perm[j], perm[i]];
        }
      return perm;
    }),
  );
  return {
    dimension,
    point(index: number): number[] {
      if (!Number.isSafeInteger(index) || index < 0)
        throw new Error(`Expected index to be a non-negative integer, but got ${index}`);
      return bases.map((b, d) => {
        let rest = index;
        let value = 0;
        for (let j = 0; j < digits[d]; j++) {
          value = value * b + perms[d][j][rest % b]; // digit j lands at b^-(j+1)
          rest = Math.floor(rest / b);
        }
        return value / b ** digits[d];
      });
    },
  };
}

/** The value of a parameter at unit coordinate u in [0, 1): linear, log, int-grid or categorical. */
export function paramFromUnit(spec: ParamSpec, u: number): string | number {
  switch (spec.kind) {
    case 'float': {
      if (!spec.log) return spec.low + u * (spec.high - spec.low);
      const logLow = Math.log(spec.low);
      return Math.min(spec.high, Math.exp(logLow + u * (Math.log(spec.high) - logLow))); // exp/log rounding
    }
    case 'int': {
      const gridSize = Math.floor((spec.high - spec.low) / spec.step) + 1;
      return spec.low + spec.step * Math.min(gridSize - 1, Math.floor(u * gridSize));
    }
    case 'categorical':
      return spec.choices[Math.min(spec.choices.length - 1, Math.floor(u * spec.choices.length))];
  }
}

export function checkSamplerArgs(space: SearchSpace, n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new Error(`Expected n to be a non-negative integer, but got ${n}`);
  const problems = validateSearchSpace(space);
  if (problems.length > 0) throw new Error(`Invalid search space: ${problems.join('; ')}`);
}

/**
 * n configurations from points 0..n-1 of a Halton sequence scrambled by rng. Parameter j of the
 * space always reads coordinate j, so an inactive conditional parameter leaves its coordinate
 * unused and keeps its value from `fixed` (then DEFAULT_FIXED), as in sampleRandomConfigs.
 */
export function sampleHaltonConfigs(
  space: SearchSpace,
  n: number,
  rng: Rng,
  fixed: Partial<TrialConfig> = {},
): TrialConfig[] {
  checkSamplerArgs(space, n);
  const sequence = createScrambledHalton(space.length, rng);
  const base: TrialConfig = { ...DEFAULT_FIXED, ...fixed };
  const configs: TrialConfig[] = [];
  for (let i = 0; i < n; i++) {
    const u = sequence.point(i);
    const values: Record<ParamName, string | number> = { ...base };
    space.forEach((spec, j) => {
      const active = !spec.condition || values[spec.condition.param] === spec.condition.equals;
      if (active) values[spec.name] = paramFromUnit(spec, u[j]);
    });
    configs.push(values as TrialConfig); // validated: names are known, kinds fit
  }
  return configs;
}
