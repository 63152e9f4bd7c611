// Meta-model promotion: scores for a complete rung, as a pure function of the study state, the kept
// trial signals and the examples in memory. The orchestrator calls scorePromotion when the study
// machine reports a rung waiting for scores (studyMachine.pendingPromotions). Plain successive
// halving is the fallback whenever the model cannot be trusted: too few examples at this study's
// full fidelity or at the rung's resource, a closed CV gate (./cvGate), or a fit that fails.
import { SCHEDULER_DEFAULTS } from '../study/schedulerDefaults';
import { deriveSeed } from '../rng';
import type { PromotionRecord } from '../study/studyMachine';
import { examplesAtResource, GATE_CONFIDENCE, GATE_RESAMPLES, gateAtResource, type Gate } from './cvGate';
import { describeFidelity, evidenceFor, fidelityOf } from './memory';
import { trainingExamples, type MetaModelInputs } from './metaModelInputs';
import { fitPromotionModel, predictFullAccuracy, promotionScore, type PromotionModel } from './promotionModel';

export interface PendingPromotion {
  bracket: number;
  rung: number;
  resource: number;
  configIds: number[];
}

const pts = (x: number) => `${(100 * x).toFixed(1)}`;

function describeModel(model: PromotionModel, fromMemory: number): string {
  const best = model.selection.scores.find((s) => s.name === model.selection.chosen);
  const cv = best && Number.isFinite(best.rmse) ? `, cross-validated RMSE ${pts(best.rmse)} pts` : '';
  return `${model.selection.chosen} on ${model.rows} rows from ${model.examples} configurations (${fromMemory} example(s) from earlier studies)${cv}`;
}

/** Scores for one complete rung: predicted full-fidelity accuracy (or its UCB) per configuration, or the fallback. */
export function scorePromotion(inputs: MetaModelInputs, pending: PendingPromotion): PromotionRecord {
  const { state, signals } = inputs;
  const s = state.definition.scheduler;
  const minExamples = s.minExamples ?? SCHEDULER_DEFAULTS.minExamples;
  const kappa = s.ucbKappa ?? SCHEDULER_DEFAULTS.ucbKappa;
  const guard = s.promotionGuard ?? SCHEDULER_DEFAULTS.promotionGuard;
  const fallback = (why: string): PromotionRecord => ({
    bracket: pending.bracket,
    rung: pending.rung,
    rule: 'accuracy',
    scores: null,
    predictions: null,
    note: `${why}: promoted by validation accuracy (plain successive halving)`,
  });
  const { all, fromMemory } = trainingExamples(inputs);
  if (all.length < minExamples) {
    return fallback(
      `${all.length} example(s) at full fidelity ${describeFidelity(fidelityOf(state.definition))}, fewer than the ${minExamples} the meta-model needs`,
    );
  }
  const atResource = examplesAtResource(all, pending.resource);
  if (guard !== 'none' && atResource < minExamples) {
    return fallback(
      `${atResource} example(s) seen at this rung's resource (${(100 * pending.resource).toFixed(1)}% of full fidelity), fewer than the ${minExamples} the meta-model needs there`,
    );
  }
  try {
    const model = fitPromotionModel(
      all,
      deriveSeed(state.definition.seed, 'promotion', pending.bracket, pending.rung),
      { minExamples },
    );
    if (!model) return fallback(`too few training rows in ${all.length} example(s)`);
    const gate =
      guard === 'cvGate'
        ? gateAtResource(
            model,
            pending.resource,
            deriveSeed(state.definition.seed, 'gate', pending.bracket, pending.rung),
          )
        : null;
    const rho = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : 'undefined');
    const evidenceText = (g: Gate) =>
      `on ${g.rows} earlier configurations at this rung's resource, the meta-model's out-of-fold ranking (Spearman ${rho(g.model)}) against their own accuracy's (${rho(g.accuracy)}) won ${(100 * g.confidence).toFixed(0)}% of ${GATE_RESAMPLES} bootstrap resamples`;
    if (guard === 'cvGate' && (!gate || gate.confidence < GATE_CONFIDENCE)) {
      return fallback(
        gate
          ? `${evidenceText(gate)}, fewer than the ${100 * GATE_CONFIDENCE}% needed to overrule accuracy`
          : "too few out-of-fold predictions at this rung's resource to check the meta-model against accuracy",
      );
    }
    const gateNote = gate ? `; ${evidenceText(gate)}` : '';
    const evidence = pending.configIds.map((id) => evidenceFor(state, id, signals, pending.resource));
    const predicted = predictFullAccuracy(model, evidence);
    const scores: Record<number, number> = {};
    const predictions: PromotionRecord['predictions'] = {};
    pending.configIds.forEach((id, i) => {
      const p = predicted[i];
      if (!Number.isFinite(p.mean)) return;
      predictions[id] = { mean: p.mean, lower: p.lower, upper: p.upper };
      scores[id] = promotionScore(p, kappa);
    });
    const rule =
      kappa > 0 ? `predicted full-fidelity accuracy + ${kappa} sd (UCB)` : 'predicted full-fidelity accuracy';
    return {
      bracket: pending.bracket,
      rung: pending.rung,
      rule: 'metaModel',
      scores,
      predictions,
      note: `promoted by ${rule}; ${describeModel(model, fromMemory)}${gateNote}`,
    };
  } catch (e) {
    return fallback(`the meta-model failed (${e instanceof Error ? e.message : String(e)})`);
  }
}
