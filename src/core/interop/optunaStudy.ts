// A lab study as an Optuna study (Akiba et al. 2019): its rung ladder as integer pruner steps, its
// budget of configurations, a stable study name, and the payload the exported worker runs from.
// The exporter writes this payload into the script; the importer maps steps back to rungs with it.
import { deriveSeed } from '../rng';
import { CIFAR10_SHARDS } from '../dataset/cifarChecksums';
import { CHUNK_IMAGES, CHUNK_ORDER_SEED } from '../dataset/chunkOrder';
import { studyUniverse } from '../dataset/studyUniverse';
import { budgetAt, continuesFromWeights, planBrackets } from '../schedulers/schedule';
import { DEFAULT_FIXED, type TrialConfig } from '../searchSpace/searchSpace';
import type { StudyDefinition } from '../study/studyDefinition';

export const OPTUNA_RESULTS_FORMAT = 'loss-landscape-probe/optuna-results';

/** One rung as the worker trains it: Optuna step `step` is the lab's trial at `resource`. */
export interface OptunaRung {
  rung: number;
  step: number;
  resource: number;
  dataFraction: number;
  epochs: number;
}

/**
 * Every resource any bracket trains at, ascending, as pruner steps in units of the smallest:
 * successive halving's minResource * eta^i, Hyperband's maxResource * eta^-s. Optuna's
 * successive-halving pruner with min_resource 1 judges rung i at step eta^i, i.e. at the lab's rung i.
 */
export function optunaLadder(def: StudyDefinition): OptunaRung[] {
  const resources: number[] = [];
  for (const b of planBrackets(def)) {
    for (const r of b.rungs)
      if (!resources.some((x) => Math.abs(x - r.resource) <= 1e-9 * r.resource)) resources.push(r.resource);
  }
  resources.sort((a, b) => a - b);
  return resources.map((resource, rung) => ({
    rung,
    step: Math.round(resource / resources[0]),
    resource,
    ...budgetAt(def, resource),
  }));
}

/** Configurations the workers sample between them (two-step search retrains topK of them on top). */
export function optunaBudget(def: StudyDefinition): number {
  return planBrackets(def).reduce((n, b) => n + b.numConfigs, 0);
}

/** Two-step search's second step: how many of the first step's best are retrained. */
export function optunaTopK(def: StudyDefinition): number {
  return def.scheduler.kind === 'twoStep' ? planBrackets(def)[0].rungs[1].numTrials : 0;
}

/** Fixed field order, so one study always gets one name and an edited study a new one. */
function canonical(def: StudyDefinition): string {
  const { name, seed, space, fixed, sampler, scheduler, data, readEvery } = def;
  return JSON.stringify({ v: 2, name, seed, space, fixed, sampler, scheduler, data, readEvery });
}

/** The Optuna study name every worker joins: the lab's name, the seed and a digest of the definition. */
export function optunaStudyName(def: StudyDefinition): string {
  const digest = deriveSeed('optuna-study', canonical(def)).toString(16).padStart(8, '0');
  return `llp-${def.name.replace(/[^A-Za-z0-9_.-]+/g, '_')}-seed${def.seed}-${digest}`;
}

/** What the Python worker reads: everything it needs, computed here once so both sides agree. */
export interface OptunaPayload {
  format: typeof OPTUNA_RESULTS_FORMAT;
  definition: StudyDefinition;
  studyName: string;
  /** Values of every TrialConfig field the space does not sample. */
  fixed: TrialConfig;
  ladder: OptunaRung[];
  /** Promoted trials continue from their weights (epoch resources), as in the lab. */
  continues: boolean;
  pruner: { kind: 'successiveHalving' | 'hyperband' | 'none'; reductionFactor: number; maxStep: number };
  budget: number;
  topK: number;
  /** The five training batches and their published sha256; the test batch is never opened. */
  shards: { name: string; sha256: string }[];
  /**
   * The images the splits draw from (../dataset/studyUniverse): null for all 50,000 in the official
   * order, else the first `images` of the chunk order seeded by `orderSeed`, with `heldOut` held out.
   */
  universe: { orderSeed: number; images: number; heldOut: number } | null;
}

export function optunaPayload(def: StudyDefinition): OptunaPayload {
  const ladder = optunaLadder(def);
  const kind = def.scheduler.kind;
  const universe = studyUniverse(def.data);
  return {
    format: OPTUNA_RESULTS_FORMAT,
    definition: def,
    studyName: optunaStudyName(def),
    fixed: { ...DEFAULT_FIXED, ...def.fixed, epochs: def.fixed.epochs ?? DEFAULT_FIXED.epochs },
    ladder,
    continues: continuesFromWeights(def),
    pruner: {
      kind: kind === 'hyperband' ? 'hyperband' : kind === 'twoStep' ? 'none' : 'successiveHalving',
      // Optuna's pruners take an integer reduction factor.
      reductionFactor: Math.max(2, Math.round(def.scheduler.reductionFactor)),
      maxStep: ladder[ladder.length - 1].step,
    },
    budget: optunaBudget(def),
    topK: optunaTopK(def),
    shards: CIFAR10_SHARDS.filter((s) => s.split === 'train').map(({ name, sha256 }) => ({ name, sha256 })),
    universe: universe.indices
      ? { orderSeed: CHUNK_ORDER_SEED, images: universe.chunks * CHUNK_IMAGES, heldOut: universe.heldOut }
      : null,
  };
}
