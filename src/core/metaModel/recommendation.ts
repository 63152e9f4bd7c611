// The final recommendation when a study ends: the configuration to use, with the meta-model's
// forecast of its full-fidelity accuracy made without its own result, and the untrained
// configurations whose interval still reaches above it.
import { SCHEDULER_DEFAULTS } from '../study/schedulerDefaults';
import { deriveSeed } from '../rng';
import type { TrialConfig } from '../searchSpace/searchSpace';
import { rankConfigs } from '../study/studyRanking';
import { describeFidelity, evidenceFor, fidelityOf, studyFullAccuracies, type MetaExample } from './memory';
import { trainingExamples, type MetaModelInputs } from './metaModelInputs';
import { fitPromotionModel, predictFullAccuracy, type PromotionModel } from './promotionModel';

export interface PredictedAccuracy {
  mean: number;
  lower: number;
  upper: number;
}

export interface Recommendation {
  configId: number;
  config: TrialConfig;
  /** Its validation accuracy at full fidelity, when the study trained it that far. */
  confirmedAccuracy: number | null;
  /** The meta-model's prediction made without its own full-fidelity result, with a 90% interval. */
  predicted: PredictedAccuracy | null;
  model: string | null;
  /** Configurations never trained fully whose interval reaches above the recommended one's result. */
  contenders: ({ configId: number } & PredictedAccuracy)[];
  fidelity: string;
  note: string;
}

/**
 * The final pick: the best configuration confirmed at full fidelity (successive halving's survivors
 * are), else the best predicted, else the study's own ranking. Its prediction is made by a model
 * that never saw its full result, so the interval is an honest forecast, then checked against it.
 */
export function recommend(inputs: MetaModelInputs): Recommendation | null {
  const { state, signals } = inputs;
  const ranked = rankConfigs(state);
  if (ranked.length === 0) return null;
  const confirmed = studyFullAccuracies(state);
  const fidelity = describeFidelity(fidelityOf(state.definition));
  const { all, fromMemory } = trainingExamples(inputs);
  const minExamples = Math.max(3, state.definition.scheduler.minExamples ?? SCHEDULER_DEFAULTS.minExamples);
  const seed = deriveSeed(state.definition.seed, 'recommend');
  const fit = (examples: MetaExample[]) => {
    try {
      return examples.length >= minExamples ? fitPromotionModel(examples, seed, { minExamples }) : null;
    } catch {
      return null;
    }
  };
  const predictOne = (model: PromotionModel | null, configId: number): PredictedAccuracy | null => {
    if (!model) return null;
    const evidence = evidenceFor(state, configId, signals);
    if (evidence.observations.length === 0) return null; // trained at full fidelity only (Hyperband's last bracket)
    const p = predictFullAccuracy(model, [evidence])[0];
    return Number.isFinite(p.mean) ? { mean: p.mean, lower: p.lower, upper: p.upper } : null;
  };
  const full = fit(all);
  let pick = ranked[0].configId;
  if (confirmed.size > 0) {
    pick = [...confirmed].reduce((b, c) => (c[1] > b[1] ? c : b))[0];
  } else if (full) {
    const scored = ranked.map((r) => ({ id: r.configId, p: predictOne(full, r.configId) })).filter((x) => x.p !== null);
    if (scored.length > 0) pick = scored.reduce((b, x) => (x.p!.mean > b.p!.mean ? x : b)).id;
  }
  // Leave the pick's own example out, so its interval is a forecast and not a fit.
  const heldOut = confirmed.has(pick)
    ? fit(
        all.filter(
          (e) =>
            !(
              e.source.study === state.definition.name &&
              e.source.seed === state.definition.seed &&
              e.source.configId === pick
            ),
        ),
      )
    : full;
  const predicted = predictOne(heldOut, pick);
  const best = confirmed.get(pick) ?? null;
  const contenders =
    best === null || !full
      ? []
      : ranked
          .filter((r) => !confirmed.has(r.configId))
          .map((r) => ({ configId: r.configId, p: predictOne(full, r.configId) }))
          .filter((x) => x.p !== null && x.p.upper > best)
          .map((x) => ({ configId: x.configId, ...x.p! }))
          .sort((a, b) => b.upper - a.upper);
  const modelName = (heldOut ?? full)?.selection.chosen ?? null;
  const note =
    predicted === null
      ? `no meta-model prediction: ${all.length} example(s) at this full fidelity, ${minExamples} needed`
      : `predicted by ${modelName} from ${all.length - (heldOut === full ? 0 : 1)} example(s) (${fromMemory} from earlier studies), without this configuration's own full-fidelity result`;
  return {
    configId: pick,
    config: state.configs[pick],
    confirmedAccuracy: best,
    predicted,
    model: modelName,
    contenders,
    fidelity,
    note,
  };
}
