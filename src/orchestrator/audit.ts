// Audit mode: after a study, train every configuration at full fidelity and measure how well each
// ranking rule — rung-0 accuracy, seed 000's composite (accuracy - alpha · sharpness), and the
// meta-model's nested leave-one-out predictions (../core/metaModel) — would have ordered them.
// Validation only: every score here is on the study's evaluation subset of its validation split.
import { buildFeatureTable, type ConfigEvidence, type FidelityObservation, type ProbeSignals } from '../core/metaModel/features';
import { compositeScores, leaveOneOutMetaModel, scoreRanking, type RankingRule, type RankingScore } from '../core/metaModel/rankingAudit';
import type { Regressor } from '../core/metaModel/regressor';
import { createRng, deriveSeed } from '../core/rng';
import { budgetAt, budgetCost } from '../core/schedule';
import type { TrialConfig } from '../core/searchSpace';
import { rankConfigs, trialSeed, type StudyState, type TrialRecord } from '../core/studyMachine';
import type { Outcome, TrainTrialInput, TrialResult } from '../../workers/protocol';
import type { TrainerPool } from './workerPool';
import { studySplits } from './studySplits';

export interface AuditOptions {
  /** Weight of sharpness in the composite rule (seed 000). Default 0.1. */
  alpha?: number;
  /** Seeds the meta-model's folds, restarts and forests. Default: derived from the study seed. */
  seed?: number;
  /** Reuse a study trial that already trained a configuration at full fidelity (same seed, data, epochs). Default true. */
  reuseFullFidelity?: boolean;
  candidates?: readonly Regressor[];
  /** Interval half-width in sds; default 1.645 (90%). */
  z?: number;
  numClasses?: number;
  /** Stops the audit: in-flight full-fidelity trials are cancelled and auditStudy rejects with AuditStopped. */
  signal?: AbortSignal;
  onFullFidelityTrial?(event: { configId: number; status: 'completed' | 'diverged' | 'failed'; reused: boolean; done: number; total: number; valAccuracy: number | null; durationMs: number }): void;
}

export interface AuditConfigRow {
  configId: number;
  config: TrialConfig;
  rung0Accuracy: number | null;
  rung0Sharpness: number | null;
  /** Largest low-fidelity resource the study gave it, as a share of full fidelity. */
  lowFidelityResource: number;
  fullFidelityAccuracy: number | null;
  fullStatus: 'completed' | 'diverged' | 'failed';
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
  /** The study's own winner (largest resource, then accuracy) and its regret at full fidelity. */
  successiveHalving: { configId: number; top1RegretPts: number } | null;
  metaModel: {
    rmsePts: number; maePts: number; coverage: number; z: number;
    chosen: Record<string, number>;
    perModel: { name: string; rmsePts: number; maePts: number; coverage: number; error?: string }[];
    features: string[];
  } | null;
  fullFidelityRuns: number;
  reusedRuns: number;
  auditMs: number;
  assumptions: string[];
}

/** Probe summaries of a trial result in the meta-model's vocabulary. */
export function probeSignalsOf(r: TrialResult): ProbeSignals | null {
  if (!r.probes && r.initGradientNorm === undefined) return null;
  const p = r.probes;
  return {
    sharpnessMean: p?.sharpnessMean ?? null, sharpnessMax: p?.sharpnessMax ?? null, samSharpness: p?.samSharpness ?? null,
    gradientNorm: p?.gradientNorm ?? null, topEigenvalue: p?.topEigenvalue ?? null, hessianTrace: p?.hessianTrace ?? null,
    initGradientNorm: r.initGradientNorm ?? null,
  };
}

const ran = (t: TrialRecord) => t.state === 'completed' || t.state === 'diverged';
const FULL_TRIAL_ID_BASE = 1_000_000; // audit trials must not share an id with study trials in the pool

/** Training compute of the trials the study ran, in units of one configuration trained fully. */
export function studyComputeFraction(state: StudyState): number {
  const def = state.definition;
  const cost = state.trials.filter(ran).reduce((s, t) =>
    s + budgetCost(def, { dataFraction: t.dataFraction, epochs: t.resumeFrom !== null ? t.epochs - t.startEpochs : t.epochs }), 0);
  return cost / state.configs.length;
}

function evidenceOf(state: StudyState, configId: number, results: ReadonlyMap<number, TrialResult>): ConfigEvidence {
  const observations: FidelityObservation[] = state.trials
    .filter((t) => t.configId === configId && ran(t) && t.resource < 1 && results.has(t.trialId))
    .map((t) => {
      const r = results.get(t.trialId)!;
      return { rung: t.rung, resource: t.resource, valAccuracy: r.valAccuracy, valLoss: r.valLoss, lossCurve: r.lossCurve, probes: probeSignalsOf(r) };
    });
  return { config: state.configs[configId], observations };
}

/** Thrown when options.signal stops an audit; `done` full-fidelity results (reused ones included) were reported before. */
export class AuditStopped extends Error {
  constructor(readonly done: number, readonly total: number) {
    super(`Audit stopped after ${done} of ${total} full-fidelity runs.`);
    this.name = 'AuditStopped';
  }
}

async function runWithRetry(pool: TrainerPool, input: TrainTrialInput, stopped: () => boolean = () => false): Promise<Outcome<TrialResult>> {
  // A run still queued for a worker when the audit stops starts anyway: its first progress report cancels it.
  const onProgress = () => { if (stopped()) pool.cancel(input.trialId); };
  const first = await pool.run(input, onProgress);
  return first.ok || stopped() ? first : pool.run(input, onProgress);
}

export async function auditStudy(
  state: StudyState, results: ReadonlyMap<number, TrialResult>, pool: TrainerPool, trainLabels: Uint8Array, options: AuditOptions = {},
): Promise<AuditReport> {
  const started = performance.now();
  const def = state.definition;
  const { alpha = 0.1, reuseFullFidelity = true, numClasses = 10 } = options;
  const chance = 1 / numClasses;
  const splits = studySplits(def, trainLabels, numClasses);
  const full = budgetAt(def, 1);
  const trainIndices = splits.trainIndicesAt(full.dataFraction);
  const fullFidelity = `${trainIndices.length} images x ${full.epochs} epoch${full.epochs === 1 ? '' : 's'}`;
  const configIds = state.configs.map((_, i) => i);

  // 1. Full fidelity for every configuration: reused from the study where it already trained one
  //    from scratch at resource 1 (an identical run), otherwise trained now on the pool.
  let done = 0;
  let reusedRuns = 0;
  const stopped = () => options.signal?.aborted === true;
  const pending = new Set(configIds);
  const cancelPending = () => pending.forEach((id) => pool.cancel(FULL_TRIAL_ID_BASE + id));
  options.signal?.addEventListener('abort', cancelPending, { once: true });
  const fullRuns = await Promise.all(configIds.map(async (configId): Promise<{ status: AuditConfigRow['fullStatus']; accuracy: number | null; reused: boolean }> => {
    const previous = reuseFullFidelity
      ? state.trials.find((t) => t.configId === configId && t.resource === 1 && t.resumeFrom === null && ran(t) && results.has(t.trialId))
      : undefined;
    let outcome: Outcome<TrialResult>;
    if (previous) {
      outcome = { ok: true, value: results.get(previous.trialId)! };
      reusedRuns++;
    } else {
      const anyTrial = state.trials.find((t) => t.configId === configId)!;
      outcome = stopped() ? { ok: false, error: { code: 'CANCELLED', message: 'audit stopped' } } : await runWithRetry(pool, {
        trialId: FULL_TRIAL_ID_BASE + configId, seed: trialSeed(state, anyTrial), config: { ...state.configs[configId], epochs: full.epochs },
        numClasses, trainIndices, evalIndices: splits.evalIndices, readEvery: def.readEvery,
      }, stopped);
    }
    pending.delete(configId);
    // A run cut short by a stop is no result: not reported, and the audit rejects below.
    if (!outcome.ok && stopped()) return { status: 'failed', accuracy: null, reused: false };
    const status = outcome.ok ? outcome.value.status : 'failed';
    const accuracy = outcome.ok ? outcome.value.valAccuracy : null;
    options.onFullFidelityTrial?.({ configId, status, reused: !!previous, done: ++done, total: configIds.length, valAccuracy: accuracy, durationMs: outcome.ok ? outcome.value.durationMs : 0 });
    return { status, accuracy, reused: !!previous };
  }));
  options.signal?.removeEventListener('abort', cancelPending);
  if (stopped()) throw new AuditStopped(done, configIds.length);

  // 2. Low-fidelity signals per configuration.
  const rung0 = configIds.map((id) => state.trials.find((t) => t.configId === id && t.rung === 0 && ran(t)));
  const rung0Accuracy = rung0.map((t) => t?.valAccuracy ?? null);
  const rung0Sharpness = rung0.map((t) => (t && results.get(t.trialId)?.probes?.sharpnessMean) ?? null);
  const evidence = configIds.map((id) => evidenceOf(state, id, results));

  // 3. Rules, over the configurations with a full-fidelity result (a diverged run scores chance).
  const scored = configIds.filter((id) => fullRuns[id].status !== 'failed');
  const actual = scored.map((id) => fullRuns[id].accuracy ?? chance);
  const lowAccuracy = scored.map((id) => rung0Accuracy[id] ?? chance);
  const shFraction = studyComputeFraction(state);
  const shCost = `the study's own cost (${state.trials.filter(ran).length} trials)`;
  const rules: AuditRuleRow[] = [];
  const rows: AuditConfigRow[] = configIds.map((id) => ({
    configId: id, config: state.configs[id], rung0Accuracy: rung0Accuracy[id], rung0Sharpness: rung0Sharpness[id],
    lowFidelityResource: Math.max(0, ...evidence[id].observations.map((o) => o.resource)),
    fullFidelityAccuracy: fullRuns[id].accuracy, fullStatus: fullRuns[id].status, reused: fullRuns[id].reused, metaModel: null,
  }));
  let metaModel: AuditReport['metaModel'] = null;
  if (scored.length >= 2) {
    rules.push({ rule: 'lowFidelity', ...scoreRanking(lowAccuracy, actual), computeFraction: shFraction,
      note: `rung-0 val accuracy; ${shCost} (rung 0 alone costs ${(def.scheduler.minResource * 100).toFixed(0)}%)` });
    const composite = compositeScores(lowAccuracy, scored.map((id) => rung0Sharpness[id]), alpha);
    rules.push({ rule: 'composite', ...scoreRanking(composite.scores, actual), computeFraction: shFraction, note: `${composite.note}; ${shCost} plus the probes` });
  }
  if (scored.length >= 3) {
    const table = buildFeatureTable(scored.map((id) => evidence[id]), { numClasses });
    const loo = leaveOneOutMetaModel(table.rows, actual, createRng(options.seed ?? deriveSeed(def.seed, 'audit', 'metaModel')), { candidates: options.candidates, featureNames: table.names, z: options.z });
    rules.push({ rule: 'metaModel', ...scoreRanking(loo.predictions.map((p) => p.mean), actual), computeFraction: shFraction,
      note: `nested leave-one-out over ${scored.length} configurations; ${shCost}, reusing its low-fidelity trials; the ${scored.length - 1} full-fidelity labels each fold learns from are not counted (in use they come from earlier studies)` });
    scored.forEach((id, k) => {
      const p = loo.predictions[k];
      rows[id].metaModel = { mean: p.mean, lower: p.lower, upper: p.upper, model: loo.chosen[k] };
    });
    const chosen: Record<string, number> = {};
    for (const name of loo.chosen) chosen[name] = (chosen[name] ?? 0) + 1;
    metaModel = {
      rmsePts: 100 * loo.rmse, maePts: 100 * loo.mae, coverage: loo.coverage, z: loo.z, chosen, features: table.names,
      perModel: loo.perModel.map((m) => ({ name: m.name, rmsePts: 100 * m.rmse, maePts: 100 * m.mae, coverage: m.coverage, error: m.error })),
    };
  }

  // 4. The study's own pick, judged at full fidelity.
  const winner = rankConfigs(state)[0];
  const best = Math.max(...actual);
  const winnerIndex = winner ? scored.indexOf(winner.configId) : -1;
  const successiveHalving = winnerIndex >= 0 ? { configId: winner.configId, top1RegretPts: 100 * (best - actual[winnerIndex]) } : null;

  return {
    study: def.name, numConfigs: configIds.length, scored: scored.length, fullFidelity, rows, rules, successiveHalving, metaModel,
    fullFidelityRuns: configIds.length - reusedRuns, reusedRuns, auditMs: performance.now() - started,
    assumptions: [
      `full fidelity = data fraction 1 of maxTrainImages (${fullFidelity}), the study's seed per configuration, scored on the study's ${splits.evalIndices.length} evaluation images of its validation split; the test set is never read`,
      'compute = images trained (data fraction x epochs), relative to training every configuration at full fidelity; evaluation and probe passes are not counted',
      'a diverged run scores chance (1 / classes); a run that failed twice is left out of every metric',
      'regret = best full-fidelity accuracy minus the best among the rule\'s top k, in accuracy points',
      reusedRuns > 0 ? `${reusedRuns} full-fidelity result(s) reused from the study's last rung (same seed, data and epochs: the same run)` : 'no full-fidelity result reused',
    ],
  };
}
