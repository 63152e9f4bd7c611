// One simulated study over the table: the planned brackets run one after another (Li et al. 2018,
// Algorithm 1 order), every rung reads its trials off the table instead of training, promotes with
// the lab's own `promote` by the rule's scores, and the study's pick (largest resource reached, then
// score, as ../study/studyMachine's rankConfigs) is judged against the sub-pool's best at full fidelity.
import type { FidelityObservation } from '../metaModel/features';
import type { MetaExample } from '../metaModel/memory';
import { spearman } from '../stats/rankCorrelation';
import { promote, rankTrials } from '../schedulers/successiveHalving';
import type { TableHeader } from './learningCurveTable';
import { isPoolBest, poolBest } from './poolBest';
import { computeUnits, fullTrainingCost, measuredMs, trialCost, type TrialCost } from './replayCost';
import { trialBudget, type ReplayPlan } from './replayPlans';
import {
  readsProbes,
  scoreRung,
  usesMemory,
  type PromotionRuleName,
  type PromotionSettings,
  type RungScores,
} from './replayPromotion';
import type { NoisyJudgement } from './seedNoise';
import { fidelityObservation, probeSignals, readRung } from './rungObservation';
import { exampleOf } from './tableExamples';
import type { TableConfiguration } from './tableConfigurations';

export interface ReplayTrial {
  configId: string;
  bracket: number;
  rung: number;
  resource: number;
  dataFraction: number;
  epochs: number;
  startEpochs: number;
  valAccuracy: number | null;
  cost: TrialCost;
}

export interface StudyOutcome {
  pick: string;
  /** Accuracy points: the pool's best full-fidelity accuracy minus the pick's. */
  regretPts: number;
  /** The pick's accuracy equals the pool's best (./poolBest: by value, ties count). */
  isBest: boolean;
  /** Spearman of the study's ranking of the whole pool with full-fidelity accuracy. */
  spearman: number;
  /** Charged compute / training every pool configuration fully, in image-epochs (./replayCost COMPUTE_UNIT). */
  computeFraction: number;
  /** The same ratio in the table's measured milliseconds (secondary: load-dependent). */
  computeFractionMs: number;
  trials: ReplayTrial[];
  /** Configuration ids, best first. */
  ranking: string[];
  /** Promotions (rung transitions) decided by each scorer. */
  decidedBy: Record<RungScores['decidedBy'], number>;
  /** The pick judged under seed noise (./seedNoise), where the simulator was given a noise model. */
  underNoise?: NoisyJudgement;
}

export interface ReplayInputs {
  header: TableHeader;
  plan: ReplayPlan;
  /** The sub-pool, in the order the brackets take configurations. */
  pool: readonly TableConfiguration[];
  rule: PromotionRuleName;
  settings: PromotionSettings;
  /** The memory of the rules that learn across studies (./replayPromotion usesMemory): never one of the pool's configurations. */
  memory: readonly MetaExample[];
  /** A configuration's number in the whole table (an example's source id). */
  tableIndex: (configId: string) => number;
}

interface Reached {
  index: number;
  resource: number;
  score: number | null;
}

export function replayStudy(inputs: ReplayInputs): StudyOutcome {
  const { header, plan, pool, rule, settings } = inputs;
  const trials: ReplayTrial[] = [];
  const evidence = pool.map((): FidelityObservation[] => []);
  const reached = new Map<number, Reached>();
  const own: MetaExample[] = [];
  const decidedBy = { accuracy: 0, compositeSharpness: 0, powerLaw: 0, probeRegression: 0, metaModel: 0 };
  let offset = 0;
  for (const b of plan.brackets) {
    let ids = Array.from({ length: b.numConfigs }, (_, k) => offset + k);
    offset += b.numConfigs;
    for (let i = 0; i < b.rungs.length && ids.length > 0; i++) {
      // 1. Train the rung: read every trial off the table and charge it.
      const { resource } = b.rungs[i];
      const budget = trialBudget(plan, b.rungs, i);
      const last = i === b.rungs.length - 1;
      const readings = ids.map((k) => readRung(header, pool[k], budget));
      readings.forEach((r, j) => {
        const cost = trialCost(header, r.row, budget.startEpochs, budget.epochs, readsProbes(rule) && !last);
        trials.push({
          configId: pool[ids[j]].configId,
          bracket: b.bracket,
          rung: i,
          resource,
          ...budget,
          valAccuracy: r.epoch?.valAccuracy ?? null,
          cost,
        });
        if (resource < 1) evidence[ids[j]].push(fidelityObservation(r, i, resource));
      });
      const accuracy = readings.map((r) => r.epoch?.valAccuracy ?? null);
      if (last) {
        // 2. Full fidelity: the bracket's result, and examples the in-study meta-model may learn from.
        ids.forEach((k, j) => {
          reached.set(k, { index: k, resource, score: accuracy[j] });
          if (evidence[k].length > 0)
            own.push(exampleOf(header, pool[k], inputs.tableIndex(pool[k].configId), evidence[k], 1e6 + own.length));
        });
        break;
      }
      // 3. Score the rung under the rule and promote the top n_{i+1}.
      const examples = rule === 'metaModel' ? own : usesMemory(rule) ? [...inputs.memory, ...own] : [];
      const scored = scoreRung(
        rule,
        {
          resource,
          accuracy,
          sharpness: readings.map((r) => probeSignals(r)?.sharpnessMean ?? null),
          evidence: ids.map((k) => ({ config: pool[k].config, observations: evidence[k] })),
        },
        examples,
        settings,
      );
      decidedBy[scored.decidedBy]++;
      ids.forEach((k, j) => reached.set(k, { index: k, resource, score: scored.scores[j] }));
      ids = promote(
        ids.map((k, j) => ({ trialId: k, score: scored.scores[j] })),
        b.rungs[i + 1].numTrials,
      ).map((t) => t.trialId);
    }
  }
  return judge(header, pool, [...reached.values()], trials, decidedBy);
}

/** The pick, regret, rank agreement and compute of a finished replay. */
function judge(
  header: TableHeader,
  pool: readonly TableConfiguration[],
  reached: Reached[],
  trials: ReplayTrial[],
  decidedBy: StudyOutcome['decidedBy'],
): StudyOutcome {
  const resources = [...new Set(reached.map((r) => r.resource))].sort((a, b) => b - a);
  const order = resources
    .flatMap((res) =>
      rankTrials(reached.filter((r) => r.resource === res).map((r) => ({ trialId: r.index, score: r.score }))),
    )
    .map((t) => t.trialId);
  const truth = pool.map((c) => c.fullAccuracy);
  const best = poolBest(truth);
  const pick = order[0];
  const regretPts = 100 * (best - truth[pick]);
  const position = new Array<number>(pool.length).fill(pool.length); // never reached: tied last
  order.forEach((k, p) => {
    position[k] = p;
  });
  const full = pool.map((c) => fullTrainingCost(header, c));
  const sum = (costs: readonly TrialCost[], unit: (c: TrialCost) => number) => costs.reduce((s, c) => s + unit(c), 0);
  const spent = trials.map((t) => t.cost);
  return {
    pick: pool[pick].configId,
    regretPts,
    isBest: isPoolBest(truth[pick], best),
    spearman: spearman(
      position.map((p) => -p),
      truth,
    ),
    computeFraction: sum(spent, computeUnits) / sum(full, computeUnits),
    computeFractionMs: sum(spent, measuredMs) / sum(full, measuredMs),
    trials,
    ranking: order.map((k) => pool[k].configId),
    decidedBy,
  };
}
