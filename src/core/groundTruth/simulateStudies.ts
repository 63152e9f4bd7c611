// Replays many studies per (scheduler, promotion rule, pool size) over random sub-pools of the
// table, as tabular HPO benchmarks do (LCBench, Zimmer et al. 2021; HPOBench, Eggensperger et al.
// 2021). Study k of a pool size draws the same sub-pool for every rule (common random numbers), so
// rules are compared on the same studies. The meta-model's memory is the table minus the sub-pool.
import { SCHEDULER_DEFAULTS } from '../study/schedulerDefaults';
import type { MetaExample } from '../metaModel/memory';
import { fitPromotionModel, PROMOTION_FEATURES, type PromotionModel } from '../metaModel/promotionModel';
import { defaultCandidates } from '../metaModel/select';
import { createRng, deriveSeed, shuffleInPlace } from '../rng';
import type { PromotionGuard } from '../study/studyDefinition';
import type { LearningCurveTable, TableHeader } from './learningCurveTable';
import { lowFidelityResources, replayPlan, type ReplayPlan, type ReplaySchedulerName } from './replayPlans';
import { refitsPerStudy, usesMemory, type PromotionRuleName, type PromotionSettings } from './replayPromotion';
import { replayStudy, type StudyOutcome } from './replayStudy';
import { noisyJudgement, type SeedNoise } from './seedNoise';
import { memoryFor } from './tableExamples';
import type { TableConfiguration } from './tableConfigurations';

export interface SimulationSettings {
  seed: number;
  /** Studies per (scheduler, rule, pool size); rules that refit a model per study (replayPromotion's
   * refitsPerStudy: the meta-model rules, probe regression) run the first `metaModelStudies` of them. */
  studies: number;
  metaModelStudies: number;
  /** Weight of sharpness in the composite rule: accuracy - alpha x sharpness. */
  alpha: number;
  /** The meta-model's minimum examples (the lab's default is 8) and when it may overrule accuracy. */
  minExamples: number;
  guard: PromotionGuard;
  /** 'ridge': ridge regressions only (fast); 'all': the lab's full candidate list (GP and forest too; slow). */
  candidates: 'ridge' | 'all';
}

export const DEFAULT_SIMULATION: SimulationSettings = {
  seed: 2026,
  studies: 10000,
  metaModelStudies: 1000,
  alpha: 0.1,
  minExamples: SCHEDULER_DEFAULTS.minExamples,
  guard: 'count',
  candidates: 'ridge',
};

/** The sub-pool of study k: `size` configurations drawn without replacement (all of them if the table has fewer). */
export function drawPool(
  configs: readonly TableConfiguration[],
  size: number,
  seed: number,
  k: number,
): TableConfiguration[] {
  const order = shuffleInPlace(
    configs.map((_, i) => i),
    createRng(deriveSeed(seed, 'pool', size, k)),
  );
  return order.slice(0, Math.min(size, configs.length)).map((i) => configs[i]);
}

export interface RuleRun {
  scheduler: ReplaySchedulerName;
  rule: PromotionRuleName;
  /** Configurations per study (the requested size, or the whole table when it has fewer). */
  poolSize: number;
  /** The table's header: what the studies' compute is measured against. */
  header: TableHeader;
  plan: ReplayPlan;
  outcomes: StudyOutcome[];
  /** Mean memory examples per study (rules that use memory), else 0. */
  memoryExamples: number;
}

/** Replays `count` studies of one (scheduler, rule, pool size); with `noise`, judges each pick under it too. */
export function simulateRule(
  table: LearningCurveTable,
  configs: readonly TableConfiguration[],
  scheduler: ReplaySchedulerName,
  rule: PromotionRuleName,
  requestedPoolSize: number,
  s: SimulationSettings,
  count = refitsPerStudy(rule) ? Math.min(s.studies, s.metaModelStudies) : s.studies,
  noise: SeedNoise | null = null,
): RuleRun {
  const poolSize = Math.min(requestedPoolSize, configs.length);
  const plan = replayPlan(table.header, scheduler, poolSize);
  const outcomes: StudyOutcome[] = [];
  let memoryExamples = 0;
  for (let k = 0; k < count; k++) {
    const study = replayStudyNumber(table, configs, plan, poolSize, rule, k, s);
    memoryExamples += study.memoryExamples;
    if (noise && Number.isFinite(noise.sdPts))
      study.outcome.underNoise = noisyJudgement(study.pool, study.outcome.pick, noise, s.seed, k);
    outcomes.push(study.outcome);
  }
  const meanMemory = count > 0 ? memoryExamples / count : 0;
  return { scheduler, rule, poolSize, header: table.header, plan, outcomes, memoryExamples: meanMemory };
}

export interface NumberedStudy {
  pool: TableConfiguration[];
  outcome: StudyOutcome;
  memoryExamples: number;
}

/** Study k of a (plan, rule): the sub-pool drawPool gives it, replayed (simulateRule's study k, alone). */
export function replayStudyNumber(
  table: LearningCurveTable,
  configs: readonly TableConfiguration[],
  plan: ReplayPlan,
  poolSize: number,
  rule: PromotionRuleName,
  k: number,
  s: SimulationSettings,
): NumberedStudy {
  const { header } = table;
  const index = new Map(configs.map((c, i) => [c.configId, i]));
  const candidates =
    s.candidates === 'all'
      ? undefined
      : defaultCandidates(PROMOTION_FEATURES).filter((c) => c.name.startsWith('ridge'));
  const pool = drawPool(configs, poolSize, s.seed, k);
  const memory: MetaExample[] = usesMemory(rule)
    ? memoryFor(header, plan, lowFidelityResources(plan), configs, new Set(pool.map((c) => c.configId)))
    : [];
  // A study refits only when its examples change (Hyperband's later brackets): one cache per study.
  const fits = new Map<string, PromotionModel | null>();
  const settings: PromotionSettings = {
    alpha: s.alpha,
    metaModel: {
      minExamples: s.minExamples,
      guard: s.guard,
      seed: deriveSeed(s.seed, 'gate', k),
      fit: (examples) => {
        const key = examples
          .map((e) => `${e.source.configId}:${e.observations.map((o) => o.resource.toFixed(6)).join(',')}`)
          .join('|');
        if (!fits.has(key))
          fits.set(
            key,
            fitPromotionModel(examples, deriveSeed(s.seed, 'fit', k), { minExamples: s.minExamples, candidates }),
          );
        return fits.get(key)!;
      },
    },
  };
  const outcome = replayStudy({ header, plan, pool, rule, settings, memory, tableIndex: (id) => index.get(id)! });
  return { pool, outcome, memoryExamples: memory.length };
}
