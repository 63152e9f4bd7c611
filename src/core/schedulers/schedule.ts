// From a study's scheduler settings to brackets of rungs, and from a rung's resource to what a trial
// trains on. Successive halving (Jamieson & Talwalkar 2016) is one bracket; Hyperband (Li et al. 2018)
// runs all of its brackets side by side; two-step search (arXiv 2302.03845) is a two-rung
// bracket; ASHA (Li et al. 2020) has one rung ladder whose trials it promotes asynchronously.
import { hyperbandBrackets } from './hyperband';
import { MAX_CONFIGURATIONS, MAX_TRIALS } from './planLimits';
import { planSuccessiveHalving, type RungPlan } from './successiveHalving';
import type { StudyDefinition } from '../study/studyDefinition';

export interface BracketPlan {
  bracket: number;
  numConfigs: number;
  rungs: RungPlan[];
}

/** What one trial trains on at a resource r in (0, 1]. */
export interface Budget {
  dataFraction: number;
  epochs: number;
}

/**
 * The study's brackets. Throws with the field to change when the derived plan exceeds the caps of
 * ./planLimits (rungs, configurations, trials); the work done here is bounded by those caps.
 */
export function planBrackets(def: StudyDefinition): BracketPlan[] {
  const brackets = buildBrackets(def);
  const configurations = brackets.reduce((n, b) => n + b.numConfigs, 0);
  const trials = brackets.reduce((n, b) => n + b.rungs.reduce((m, r) => m + r.numTrials, 0), 0);
  if (!(configurations <= MAX_CONFIGURATIONS)) {
    throw new Error(
      `Expected the study to plan at most ${MAX_CONFIGURATIONS} configurations, but its scheduler settings plan ${configurations}`,
    );
  }
  if (!(trials <= MAX_TRIALS)) {
    throw new Error(
      `Expected the study to plan at most ${MAX_TRIALS} trials, but its scheduler settings plan ${trials}; raise reductionFactor or lower numConfigs`,
    );
  }
  return brackets;
}

function buildBrackets(def: StudyDefinition): BracketPlan[] {
  const s = def.scheduler;
  switch (s.kind) {
    case 'successiveHalving':
    case 'asha':
      return [{ bracket: 0, numConfigs: s.numConfigs, rungs: planSuccessiveHalving(s) }];
    case 'hyperband':
      return hyperbandBrackets(s).map((b, i) => ({
        bracket: i,
        numConfigs: b.numConfigs,
        rungs: b.rungs.map((r) => ({ ...r })),
      }));
    case 'twoStep': {
      const topK = Math.min(s.topK ?? Math.max(1, Math.round(s.numConfigs / s.reductionFactor)), s.numConfigs);
      return [
        {
          bracket: 0,
          numConfigs: s.numConfigs,
          rungs: [
            { rung: 0, numTrials: s.numConfigs, resource: s.minResource },
            { rung: 1, numTrials: topK, resource: s.maxResource },
          ],
        },
      ];
    }
  }
}

/** Epoch resources let a promoted trial continue from its weights (as KerasTuner's Hyperband does). */
export function continuesFromWeights(def: StudyDefinition): boolean {
  return def.scheduler.resource === 'epochs';
}

export function budgetAt(def: StudyDefinition, resource: number): Budget {
  const fullEpochs = def.fixed.epochs ?? 1;
  switch (def.scheduler.resource) {
    case 'dataFraction':
      return { dataFraction: resource, epochs: fullEpochs };
    case 'epochs':
      return { dataFraction: 1, epochs: Math.max(1, Math.round(resource * fullEpochs)) };
    // Both grow with the resource and their product is proportional to it.
    case 'both':
      return { dataFraction: Math.sqrt(resource), epochs: Math.max(1, Math.round(Math.sqrt(resource) * fullEpochs)) };
  }
}

/** Relative cost of a budget: images seen, in units of one configuration trained fully. */
export function budgetCost(def: StudyDefinition, b: Budget): number {
  return (b.dataFraction * b.epochs) / (def.fixed.epochs ?? 1);
}

export interface PlanSummary {
  trials: number;
  configurations: number;
  computeFraction: number;
}

/**
 * Planned trials and compute against training every configuration of the study fully. Continued
 * trials pay only for their extra epochs. ASHA's total depends on arrival order; this is its
 * synchronous equivalent.
 */
export function summarisePlan(def: StudyDefinition): PlanSummary {
  const brackets = planBrackets(def);
  const continues = continuesFromWeights(def);
  let cost = 0,
    trials = 0,
    configurations = 0;
  for (const b of brackets) {
    configurations += b.numConfigs;
    b.rungs.forEach((r, i) => {
      trials += r.numTrials;
      const here = budgetCost(def, budgetAt(def, r.resource));
      const before = continues && i > 0 ? budgetCost(def, budgetAt(def, b.rungs[i - 1].resource)) : 0;
      cost += r.numTrials * (here - before);
    });
  }
  return { trials, configurations, computeFraction: cost / configurations };
}
