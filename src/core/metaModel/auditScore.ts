// Scoring an audit (../../orchestrator/audit trains; this judges): given every configuration's
// full-fidelity result, how well would each ranking rule have ordered them — rung-0 accuracy, seed
// 000's composite (accuracy - alpha · sharpness), the meta-model's nested leave-one-out predictions,
// and (with a memory of earlier studies) the meta-model fitted on those alone. Pure, so the page runs
// it in the meta-model worker: the nested leave-one-out fits hundreds of models.
// Validation only: every score here is on the study's evaluation subset of its validation split.
import { SCHEDULER_DEFAULTS } from '../study/schedulerDefaults';
import { createRng, deriveSeed } from '../rng';
import { budgetCost } from '../schedulers/schedule';
import type { TrialConfig } from '../searchSpace/searchSpace';
import { trainedToEnd, type StudyState } from '../study/studyMachine';
import { rankConfigs } from '../study/studyRanking';
import { buildFeatureTable } from './features';
import { evidenceFor, type MetaExample, type TrialSignals } from './memory';
import { checkPromotions, predictFromMemory, type PromotionCheck } from './promotionAudit';
import {
  compositeScores,
  leaveOneOutMetaModel,
  scoreRanking,
  type RankingRule,
  type RankingScore,
} from './rankingAudit';
import type { Regressor } from './regressor';

export interface FullRun {
  status: 'completed' | 'diverged' | 'failed';
  accuracy: number | null;
  reused: boolean;
}

export interface AuditConfigRow {
  configId: number;
  config: TrialConfig;
  rung0Accuracy: number | null;
  rung0Sharpness: number | null;
  /** Largest low-fidelity resource the study gave it, as a share of full fidelity. */
  lowFidelityResource: number;
  fullFidelityAccuracy: number | null;
  fullStatus: FullRun['status'];
  reused: boolean;
  metaModel: { mean: number; lower: number; upper: number; model: string } | null;
}

export interface AuditRuleRow extends RankingScore {
  rule: RankingRule;
  /** Training compute the rule needs, relative to training every configuration at full fidelity. */
  computeFraction: number;
  note: string;
}

export interface AuditReport {
  study: string;
  numConfigs: number;
  /** Configurations with a full-fidelity result, the ones every metric is over. */
  scored: number;
  /** What full fidelity means here, e.g. "4500 images x 2 epochs". */
  fullFidelity: string;
  rows: AuditConfigRow[];
  rules: AuditRuleRow[];
  /** Each rung transition judged at full fidelity, beside promoting the top n by accuracy instead. */
  promotions?: PromotionCheck[];
  /** The study's own winner (largest resource, then accuracy) and its regret at full fidelity. */
  successiveHalving: { configId: number; top1RegretPts: number } | null;
  metaModel: {
    rmsePts: number;
    maePts: number;
    coverage: number;
    z: number;
    chosen: Record<string, number>;
    perModel: { name: string; rmsePts: number; maePts: number; coverage: number; error?: string }[];
    features: string[];
  } | null;
  fullFidelityRuns: number;
  reusedRuns: number;
  auditMs: number;
  assumptions: string[];
}

export interface AuditScoreInputs {
  state: StudyState;
  /** Loss curves and probes of the study's trials, by trial id. */
  signals: ReadonlyMap<number, TrialSignals>;
  /** One per configuration id. */
  fullRuns: readonly FullRun[];
  reusedRuns: number;
  fullFidelity: string;
  evalImages: number;
  alpha: number;
  numClasses: number;
  seed?: number;
  z?: number;
  memory?: readonly MetaExample[];
}

/** Training compute of the trials the study ran, in units of one configuration trained fully. */
export function studyComputeFraction(state: StudyState): number {
  const def = state.definition;
  const cost = state.trials.filter(trainedToEnd).reduce(
    (s, t) =>
      s +
      budgetCost(def, {
        dataFraction: t.dataFraction,
        epochs: t.resumeFrom !== null ? t.epochs - t.startEpochs : t.epochs,
      }),
    0,
  );
  return cost / state.configs.length;
}

export function scoreAudit(inputs: AuditScoreInputs, candidates?: readonly Regressor[]): Omit<AuditReport, 'auditMs'> {
  const { state, signals, fullRuns, reusedRuns, fullFidelity, alpha, numClasses } = inputs;
  const def = state.definition;
  const chance = 1 / numClasses;
  const configIds = state.configs.map((_, i) => i);

  // Low-fidelity signals per configuration.
  const rung0 = configIds.map((id) => state.trials.find((t) => t.configId === id && t.rung === 0 && trainedToEnd(t)));
  const rung0Accuracy = rung0.map((t) => t?.valAccuracy ?? null);
  const rung0Sharpness = rung0.map((t) => (t && signals.get(t.trialId)?.probes?.sharpnessMean) ?? null);
  const evidence = configIds.map((id) => evidenceFor(state, id, signals));

  // Rules, over the configurations with a full-fidelity result (a diverged run scores chance).
  const scored = configIds.filter((id) => fullRuns[id].status !== 'failed');
  const actual = scored.map((id) => fullRuns[id].accuracy ?? chance);
  const lowAccuracy = scored.map((id) => rung0Accuracy[id] ?? chance);
  const shFraction = studyComputeFraction(state);
  const shCost = `the study's own cost (${state.trials.filter(trainedToEnd).length} trials)`;
  const rules: AuditRuleRow[] = [];
  const rows: AuditConfigRow[] = configIds.map((id) => ({
    configId: id,
    config: state.configs[id],
    rung0Accuracy: rung0Accuracy[id],
    rung0Sharpness: rung0Sharpness[id],
    lowFidelityResource: Math.max(0, ...evidence[id].observations.map((o) => o.resource)),
    fullFidelityAccuracy: fullRuns[id].accuracy,
    fullStatus: fullRuns[id].status,
    reused: fullRuns[id].reused,
    metaModel: null,
  }));
  let metaModel: AuditReport['metaModel'] = null;
  if (scored.length >= 2) {
    rules.push({
      rule: 'lowFidelity',
      ...scoreRanking(lowAccuracy, actual),
      computeFraction: shFraction,
      note: `rung-0 val accuracy; ${shCost} (rung 0 alone costs ${(def.scheduler.minResource * 100).toFixed(0)}%)`,
    });
    const composite = compositeScores(
      lowAccuracy,
      scored.map((id) => rung0Sharpness[id]),
      alpha,
    );
    rules.push({
      rule: 'composite',
      ...scoreRanking(composite.scores, actual),
      computeFraction: shFraction,
      note: `${composite.note}; ${shCost} plus the probes`,
    });
  }
  if (scored.length >= 3) {
    const table = buildFeatureTable(
      scored.map((id) => evidence[id]),
      { numClasses },
    );
    const loo = leaveOneOutMetaModel(
      table.rows,
      actual,
      createRng(inputs.seed ?? deriveSeed(def.seed, 'audit', 'metaModel')),
      { candidates, featureNames: table.names, z: inputs.z },
    );
    rules.push({
      rule: 'metaModel',
      ...scoreRanking(
        loo.predictions.map((p) => p.mean),
        actual,
      ),
      computeFraction: shFraction,
      note: `nested leave-one-out over ${scored.length} configurations; ${shCost}, reusing its low-fidelity trials; the ${scored.length - 1} full-fidelity labels each fold learns from are not counted (in use they come from earlier studies)`,
    });
    scored.forEach((id, k) => {
      const p = loo.predictions[k];
      rows[id].metaModel = { mean: p.mean, lower: p.lower, upper: p.upper, model: loo.chosen[k] };
    });
    const chosen: Record<string, number> = {};
    for (const name of loo.chosen) chosen[name] = (chosen[name] ?? 0) + 1;
    metaModel = {
      rmsePts: 100 * loo.rmse,
      maePts: 100 * loo.mae,
      coverage: loo.coverage,
      z: loo.z,
      chosen,
      features: table.names,
      perModel: loo.perModel.map((m) => ({
        name: m.name,
        rmsePts: 100 * m.rmse,
        maePts: 100 * m.mae,
        coverage: m.coverage,
        error: m.error,
      })),
    };
  }
  // The meta-model as it is used: fitted on earlier studies' examples only (none of this study's
  // full-fidelity labels), predicting each configuration from its first rung.
  if (inputs.memory && inputs.memory.length > 0 && scored.length >= 2) {
    const fromMemory = predictFromMemory(
      state,
      signals,
      inputs.memory,
      def.scheduler.minExamples ?? SCHEDULER_DEFAULTS.minExamples,
    );
    if (fromMemory) {
      rules.push({
        rule: 'metaModelMemory',
        ...scoreRanking(
          scored.map((id) => fromMemory.predictions[id].mean),
          actual,
        ),
        computeFraction: shFraction,
        note: `${fromMemory.model} fitted on ${fromMemory.examples} earlier studies' examples only, from each configuration's rung-0 evidence; no full-fidelity label of this study used; ${shCost}`,
      });
    }
  }
  const promotions = checkPromotions(state, new Map(scored.map((id, k) => [id, actual[k]])));

  // The study's own pick, judged at full fidelity.
  const winner = rankConfigs(state)[0];
  const best = Math.max(...actual);
  const winnerIndex = winner ? scored.indexOf(winner.configId) : -1;
  const successiveHalving =
    winnerIndex >= 0 ? { configId: winner.configId, top1RegretPts: 100 * (best - actual[winnerIndex]) } : null;

  return {
    study: def.name,
    numConfigs: configIds.length,
    scored: scored.length,
    fullFidelity,
    rows,
    rules,
    promotions,
    successiveHalving,
    metaModel,
    fullFidelityRuns: configIds.length - reusedRuns,
    reusedRuns,
    assumptions: [
      `full fidelity = data fraction 1 of maxTrainImages (${fullFidelity}), the study's seed per configuration, scored on the study's ${inputs.evalImages} evaluation images of its validation split; the test set is never read`,
      'compute = images trained (data fraction x epochs), relative to training every configuration at full fidelity; evaluation and probe passes are not counted',
      'a diverged run scores chance (1 / classes); a run that failed twice is left out of every metric',
      "regret = best full-fidelity accuracy minus the best among the rule's top k, in accuracy points",
      reusedRuns > 0
        ? `${reusedRuns} full-fidelity result(s) reused from the study's last rung (same seed, data and epochs: the same run)`
        : 'no full-fidelity result reused',
    ],
  };
}
