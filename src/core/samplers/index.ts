// The samplers a study can name: random (Bergstra & Bengio 2012), scrambled Halton and grid.
// One entry point so the study machine and the share link agree on the kinds.
import type { Rng } from '../rng';
import { sampleRandomConfigs, type SearchSpace, type TrialConfig } from '../searchSpace/searchSpace';
import { sampleGridConfigs } from './gridSampler';
import { sampleHaltonConfigs } from './haltonSampler';

export type SamplerKind = 'random' | 'halton' | 'grid';

export const SAMPLER_KINDS: readonly SamplerKind[] = ['random', 'halton', 'grid'];

/** n configurations of the space; parameters outside it (or inactive) come from `fixed`, then DEFAULT_FIXED. */
export function sampleConfigs(
  kind: SamplerKind,
  space: SearchSpace,
  n: number,
  rng: Rng,
  fixed: Partial<TrialConfig> = {},
): TrialConfig[] {
  switch (kind) {
    case 'random':
      return sampleRandomConfigs(space, n, rng, fixed);
    case 'halton':
      return sampleHaltonConfigs(space, n, rng, fixed);
    case 'grid':
      return sampleGridConfigs(space, n, rng, fixed);
    default:
      throw new Error(`Expected sampler to be one of ${SAMPLER_KINDS.join(', ')}, but got ${String(kind)}`);
  }
}

export { sampleGridConfigs, sampleHaltonConfigs };
