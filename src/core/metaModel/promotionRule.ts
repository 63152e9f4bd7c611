// The meta-model promotion rule and the final recommendation, as pure functions of the study state,
// the kept trial signals and the examples in memory. The orchestrator calls scorePromotion when the
// study machine reports a complete rung waiting for scores (studyMachine.pendingPromotions), and
// recommend when the study ends. Plain successive halving is the fallback whenever the model cannot
// be trusted: too few examples at this study's full fidelity, or a fit that fails.
import { createRng, deriveSeed } from '../rng';
import { rankConfigs, type PromotionRecord, type StudyState } from '../studyMachine';
import type { TrialConfig } from '../searchSpace';
import type { PromotionGuard } from '../studyDefinition';
import { describeFidelity, evidenceFor, exampleIdentity, examplesFromStudy, fidelityKey, fidelityOf, studyFullAccuracies, type MetaExample, type TrialSignals } from './knowledge';
import { fitPromotionModel, predictFullAccuracy, promotionScore, type OutOfFoldRow, type PromotionModel } from './promotionModel';
import { spearman } from '../stats/rankCorrelation';

export interface PendingPromotion { bracket: number; rung: number; resource: number; configIds: number[] }

export interface MetaModelInputs {
  state: StudyState;
  signals: ReadonlyMap<number, TrialSignals>;
  /** Examples from earlier studies (any fidelity; the matching ones are used). */
  examples: readonly MetaExample[];
  /** Timestamps the study's own examples (newest rows are kept first). */
  now: number;
}

const pts = (x: number) => `${(100 * x).toFixed(1)}`;

/**
 * Earlier studies' examples at this study's full fidelity, less any with the identity of one of this
 * study's configurations (configuration, fidelity, split seed): another study with the same seed can
 * draw the same configurations, and its label would be this study's answer.
 */
export function matchingExamples(state: StudyState, examples: readonly MetaExample[]): MetaExample[] {
  const fidelity = fidelityOf(state.definition);
  const key = fidelityKey(fidelity);
  const seed = state.definition.seed;
  const own = new Set(state.configs.map((c) => exampleIdentity(fidelity, seed, c)));
  return examples.filter((e) => fidelityKey(e.fidelity) === key && !own.has(exampleIdentity(e.fidelity, e.source.seed, e.config)));
}

/** Every example the study's meta-model may learn from now: matching memory plus its own full runs so far. */
export function trainingExamples({ state, signals, examples, now }: MetaModelInputs): { all: MetaExample[]; fromMemory: number } {
  const memory = matchingExamples(state, examples);
  return { all: [...memory, ...examplesFromStudy(state, signals, now)], fromMemory: memory.length };
}

function describeModel(model: PromotionModel, fromMemory: number): string {
  const best = model.selection.scores.find((s) => s.name === model.selection.chosen);
  const cv = best && Number.isFinite(best.rmse) ? `, cross-validated RMSE ${pts(best.rmse)} pts` : '';
  return `${model.selection.chosen} on ${model.rows} rows from ${model.examples} configurations (${fromMemory} example(s) from earlier studies)${cv}`;
}

/**
 * When the model may overrule a rung's own accuracy (scheduler.promotionGuard; bench/promotionReplay.ts
 * compares them on saved runs):
 * - 'none': every rung, once it has minExamples examples;
 * - 'count': only where at least minExamples examples were seen at the rung's own resource;
 * - 'cvGate' (default): as 'count', and only if, out of fold on those examples, the model's
 *   predictions rank them by full-fidelity accuracy better (Spearman) than their own accuracy at
 *   that resource does. A model that cannot beat the rung's own measurement on earlier studies
 *   does not overrule it.
 */
export const DEFAULT_GUARD: PromotionGuard = 'cvGate';

const sameResource = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, b);

export interface Gate {
  rows: number;
  /** Out-of-fold Spearman of the model's predictions, and of the rows' own accuracy, with full-fidelity accuracy. */
  model: number;
  accuracy: number;
  /** Share of paired bootstrap resamples of the rows in which the model's Spearman beat accuracy's. */
  confidence: number;
}

/** Paired bootstrap resamples behind Gate.confidence, and the share the model must win to decide. */
export const GATE_RESAMPLES = 400;
export const GATE_CONFIDENCE = 0.8;

/**
 * The CV gate's evidence at one resource: out-of-fold rank correlations of the model and of raw
 * accuracy, and how often the model wins over paired bootstrap resamples of those rows (Efron &
 * Tibshirani 1993): a lead that a handful of configurations produced by luck does not count.
 * Null with fewer than 3 rows.
 */
export function gateAtResource(model: PromotionModel, resource: number, seed: number): Gate | null {
  const rows = model.outOfFold.filter((r) => sameResource(r.resource, resource));
  if (rows.length < 3) return null;
  const rhos = (sample: readonly OutOfFoldRow[]) => {
    const target = sample.map((r) => r.target);
    return { model: spearman(sample.map((r) => r.predicted), target), accuracy: spearman(sample.map((r) => r.accuracy), target) };
  };
  const rng = createRng(seed);
  let wins = 0;
  for (let b = 0; b < GATE_RESAMPLES; b++) {
    const r = rhos(Array.from({ length: rows.length }, () => rows[rng.nextInt(rows.length)]));
    // A resample with a constant column has an undefined correlation: the other side wins it.
    if ((Number.isNaN(r.accuracy) && !Number.isNaN(r.model)) || r.model > r.accuracy) wins++;
  }
  return { rows: rows.length, ...rhos(rows), confidence: wins / GATE_RESAMPLES };
}

/** How many examples were observed at `resource` (within rounding). */
export function examplesAtResource(examples: readonly MetaExample[], resource: number): number {
  return examples.filter((e) => e.observations.some((o) => sameResource(o.resource, resource))).length;
}

/** Scores for one complete rung: predicted full-fidelity accuracy (or its UCB) per configuration, or the fallback. */
export function scorePromotion(inputs: MetaModelInputs, pending: PendingPromotion): PromotionRecord {
  const { state, signals } = inputs;
  const s = state.definition.scheduler;
  const minExamples = s.minExamples ?? 8;
  const kappa = s.ucbKappa ?? 0;
  const guard = s.promotionGuard ?? DEFAULT_GUARD;
  const fallback = (why: string): PromotionRecord => ({ bracket: pending.bracket, rung: pending.rung, rule: 'accuracy', scores: null, predictions: null, note: `${why}: promoted by validation accuracy (plain successive halving)` });
  const { all, fromMemory } = trainingExamples(inputs);
  if (all.length < minExamples) {
    return fallback(`${all.length} example(s) at full fidelity ${describeFidelity(fidelityOf(state.definition))}, fewer than the ${minExamples} the meta-model needs`);
  }
  const atResource = examplesAtResource(all, pending.resource);
  if (guard !== 'none' && atResource < minExamples) {
    return fallback(`${atResource} example(s) seen at this rung's resource (${(100 * pending.resource).toFixed(1)}% of full fidelity), fewer than the ${minExamples} the meta-model needs there`);
  }
  try {
    const model = fitPromotionModel(all, deriveSeed(state.definition.seed, 'promotion', pending.bracket, pending.rung), { minExamples });
    if (!model) return fallback(`too few training rows in ${all.length} example(s)`);
    const gate = guard === 'cvGate' ? gateAtResource(model, pending.resource, deriveSeed(state.definition.seed, 'gate', pending.bracket, pending.rung)) : null;
    const rho = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : 'undefined');
    const evidenceText = (g: Gate) => `on ${g.rows} earlier configurations at this rung's resource, the meta-model's out-of-fold ranking (Spearman ${rho(g.model)}) against their own accuracy's (${rho(g.accuracy)}) won ${(100 * g.confidence).toFixed(0)}% of ${GATE_RESAMPLES} bootstrap resamples`;
    if (guard === 'cvGate' && (!gate || gate.confidence < GATE_CONFIDENCE)) {
      return fallback(gate
        ? `${evidenceText(gate)}, fewer than the ${100 * GATE_CONFIDENCE}% needed to overrule accuracy`
        : 'too few out-of-fold predictions at this rung\'s resource to check the meta-model against accuracy');
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
    const rule = kappa > 0 ? `predicted full-fidelity accuracy + ${kappa} sd (UCB)` : 'predicted full-fidelity accuracy';
    return { bracket: pending.bracket, rung: pending.rung, rule: 'metaModel', scores, predictions, note: `promoted by ${rule}; ${describeModel(model, fromMemory)}${gateNote}` };
  } catch (e) {
    return fallback(`the meta-model failed (${e instanceof Error ? e.message : String(e)})`);
  }
}

export interface PredictedAccuracy { mean: number; lower: number; upper: number }

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
  const minExamples = Math.max(3, state.definition.scheduler.minExamples ?? 8);
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
  const heldOut = confirmed.has(pick) ? fit(all.filter((e) => !(e.source.study === state.definition.name && e.source.seed === state.definition.seed && e.source.configId === pick))) : full;
  const predicted = predictOne(heldOut, pick);
  const best = confirmed.get(pick) ?? null;
  const contenders = best === null || !full ? [] : ranked
    .filter((r) => !confirmed.has(r.configId))
    .map((r) => ({ configId: r.configId, p: predictOne(full, r.configId) }))
    .filter((x) => x.p !== null && x.p.upper > best)
    .map((x) => ({ configId: x.configId, ...x.p! }))
    .sort((a, b) => b.upper - a.upper);
  const modelName = (heldOut ?? full)?.selection.chosen ?? null;
  const note = predicted === null
    ? `no meta-model prediction: ${all.length} example(s) at this full fidelity, ${minExamples} needed`
    : `predicted by ${modelName} from ${all.length - (heldOut === full ? 0 : 1)} example(s) (${fromMemory} from earlier studies), without this configuration's own full-fidelity result`;
  return { configId: pick, config: state.configs[pick], confirmedAccuracy: best, predicted, model: modelName, contenders, fidelity, note };
}
