// The schedulers a simulated study replays, planned by the lab's own planners (../schedulers/schedule's
// planBrackets over ../schedulers/successiveHalving and ../schedulers/hyperband), sized to a sub-pool of the table:
// successive halving (Jamieson & Talwalkar 2016) over data fractions or over epochs, Hyperband
// (Li et al. 2018, Algorithm 1) and two-step search (arXiv 2302.03845).
import { budgetAt, continuesFromWeights, planBrackets, type BracketPlan, type Budget } from '../schedulers/schedule';
import { SEED001_SPACE } from '../searchSpace/searchSpace';
import type { SchedulerSettings, StudyDefinition } from '../study/studyDefinition';
import { planSuccessiveHalving } from '../schedulers/successiveHalving';
import type { TableHeader } from './learningCurveTable';

export type ReplaySchedulerName = 'successiveHalving' | 'successiveHalvingEpochs' | 'hyperband' | 'twoStep';
export const REPLAY_SCHEDULERS: readonly ReplaySchedulerName[] = [
  'successiveHalving',
  'successiveHalvingEpochs',
  'hyperband',
  'twoStep',
];

export interface ReplayPlan {
  scheduler: ReplaySchedulerName;
  definition: StudyDefinition;
  /** Brackets in the order they run (Hyperband's most exploratory first, as in Algorithm 1). */
  brackets: BracketPlan[];
  /** One line on how the plan was sized to the pool. */
  note: string;
}

/** A study definition at the table's fidelity around the given scheduler (only `scheduler` and `fixed` matter to planning). */
export function replayDefinition(header: TableHeader, scheduler: SchedulerSettings): StudyDefinition {
  return {
    v: 2,
    name: 'replay',
    seed: header.tableSeed,
    space: SEED001_SPACE,
    fixed: header.fixed,
    sampler: 'halton',
    scheduler,
    data: {
      dataset: 'cifar10',
      validationSize: header.validationSize,
      maxTrainImages: header.trainImages,
      evalImages: header.validationSize,
    },
    readEvery: 50,
  };
}

const ETA = 3;

/**
 * Successive halving's smallest fraction for n configurations: eta^-k with eta^k <= n, so the last
 * rung keeps at least one (9 -> 1/9: 9, 3, 1; 27 -> 1/27: 27, 9, 3, 1), as the lab's presets do.
 */
function minFraction(header: TableHeader, n: number): number {
  const k = Math.floor(Math.log(n) / Math.log(ETA) + 1e-9);
  return Math.max(header.fractions[0], ETA ** -k);
}

/** Largest-remainder split of n configurations over brackets in proportion to Hyperband's own counts. */
export function splitProportionally(counts: readonly number[], n: number): number[] {
  const total = counts.reduce((s, c) => s + c, 0);
  const exact = counts.map((c) => (n * c) / total);
  const out = exact.map(Math.floor);
  const order = exact.map((e, i) => ({ i, rest: e - Math.floor(e) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  const left = n - out.reduce((s, c) => s + c, 0);
  for (let k = 0; k < left; k++) out[order[k].i]++;
  return out;
}

export function replayPlan(header: TableHeader, scheduler: ReplaySchedulerName, poolSize: number): ReplayPlan {
  if (!Number.isInteger(poolSize) || poolSize < 1)
    throw new Error(`Expected poolSize to be a positive integer, but got ${poolSize}`);
  const full = { numConfigs: poolSize, reductionFactor: ETA, maxResource: 1 };
  switch (scheduler) {
    case 'successiveHalving': {
      const definition = replayDefinition(header, {
        ...full,
        kind: 'successiveHalving',
        resource: 'dataFraction',
        minResource: minFraction(header, poolSize),
      });
      return {
        scheduler,
        definition,
        brackets: planBrackets(definition),
        note: `data fractions from ${fractionText(definition.scheduler.minResource)}, eta ${ETA}`,
      };
    }
    case 'successiveHalvingEpochs': {
      // Epochs 1..E at all the data: eta 2 gives rungs at 1, 2, 4 of 4 epochs; promoted trials continue.
      const definition = replayDefinition(header, {
        ...full,
        kind: 'successiveHalving',
        resource: 'epochs',
        reductionFactor: 2,
        minResource: 1 / header.epochs,
      });
      return {
        scheduler,
        definition,
        brackets: planBrackets(definition),
        note: `epochs ${planEpochs(definition)} at fraction 1, eta 2, continuing from weights`,
      };
    }
    case 'twoStep': {
      const definition = replayDefinition(header, {
        ...full,
        kind: 'twoStep',
        resource: 'dataFraction',
        minResource: 1 / 9,
      });
      const b = planBrackets(definition)[0];
      return {
        scheduler,
        definition,
        brackets: [b],
        note: `all at 1/9 of the data, the top ${b.rungs[1].numTrials} on all of it`,
      };
    }
    case 'hyperband': {
      const definition = replayDefinition(header, {
        ...full,
        kind: 'hyperband',
        resource: 'dataFraction',
        minResource: header.fractions[0],
      });
      const own = planBrackets(definition);
      const counts = splitProportionally(
        own.map((b) => b.numConfigs),
        poolSize,
      );
      const brackets = own
        .map((b, i) => ({
          bracket: b.bracket,
          numConfigs: counts[i],
          rungs:
            counts[i] === 0
              ? []
              : planSuccessiveHalving({
                  numConfigs: counts[i],
                  reductionFactor: ETA,
                  minResource: b.rungs[0].resource,
                  maxResource: 1,
                }),
        }))
        .filter((b) => b.numConfigs > 0);
      const total = own.reduce((s, b) => s + b.numConfigs, 0);
      return {
        scheduler,
        definition,
        brackets,
        note: `brackets of ${own.map((b) => b.numConfigs).join('/')} (${total} configurations) scaled to ${counts.join('/')}`,
      };
    }
  }
}

const fractionText = (f: number) => (f === 1 ? '1' : `1/${Math.round(1 / f)}`);
const planEpochs = (def: StudyDefinition) =>
  planBrackets(def)[0]
    .rungs.map((r) => budgetAt(def, r.resource).epochs)
    .join(', ');

/** What a trial at `resource` trains on, and the epochs it continues from (0 unless epochs continue). */
export function trialBudget(
  plan: ReplayPlan,
  rungs: BracketPlan['rungs'],
  rung: number,
): Budget & { startEpochs: number } {
  const budget = budgetAt(plan.definition, rungs[rung].resource);
  const startEpochs =
    continuesFromWeights(plan.definition) && rung > 0 ? budgetAt(plan.definition, rungs[rung - 1].resource).epochs : 0;
  return { ...budget, startEpochs };
}

/** Every low-fidelity resource the plan observes (the ladder memory examples are described on). */
export function lowFidelityResources(plan: ReplayPlan): number[] {
  const all = plan.brackets.flatMap((b) => b.rungs.map((r) => r.resource)).filter((r) => r < 1 - 1e-9);
  return [...new Set(all.map((r) => Number(r.toPrecision(12))))].sort((a, b) => a - b);
}
