// Audit mode: after a study, train every configuration at full fidelity and measure how well each
// ranking rule — rung-0 accuracy, the sharpness composite (accuracy - alpha · sharpness), and the
// meta-model's nested leave-one-out predictions (../core/metaModel) — would have ordered them.
// Validation only: every score here is on the study's evaluation subset of its validation split.
import {
  scoreAudit,
  studyComputeFraction,
  type AuditReport,
  type AuditScoreInputs,
  type FullRun,
} from '../core/metaModel/auditScore';
import type { ProbeSignals } from '../core/metaModel/features';
import type { Regressor } from '../core/metaModel/regressor';
import type { MetaExample, TrialSignals } from '../core/metaModel/memory';
import { budgetAt } from '../core/schedulers/schedule';
import { trainedToEnd, trialSeed, type StudyState } from '../core/study/studyMachine';
import type { Outcome, TrainTrialInput, TrialResult } from '../../workers/protocol';
import type { TrainerPool } from './workerPool';
import { studySplits } from './studySplits';

export interface AuditOptions {
  /** Weight of sharpness in the composite rule. Default 0.1. */
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
  /** Earlier studies' examples: the meta-model fitted on the matching ones alone is a fourth rule. */
  memory?: readonly MetaExample[];
  /** Where the scoring runs (the page passes its meta-model worker); in this thread by default. */
  scorer?: (inputs: AuditScoreInputs) => Promise<Omit<AuditReport, 'auditMs'>>;
  onFullFidelityTrial?(event: {
    configId: number;
    status: 'completed' | 'diverged' | 'failed';
    reused: boolean;
    done: number;
    total: number;
    valAccuracy: number | null;
    durationMs: number;
  }): void;
}

export type { AuditConfigRow, AuditReport, AuditRuleRow, FullRun } from '../core/metaModel/auditScore';

/** Probe summaries of a trial result in the meta-model's vocabulary. */
export function probeSignalsOf(r: Pick<TrialResult, 'probes' | 'initGradientNorm'>): ProbeSignals | null {
  if (!r.probes && r.initGradientNorm === undefined) return null;
  const p = r.probes;
  return {
    sharpnessMean: p?.sharpnessMean ?? null,
    sharpnessMax: p?.sharpnessMax ?? null,
    samSharpness: p?.samSharpness ?? null,
    gradientNorm: p?.gradientNorm ?? null,
    topEigenvalue: p?.topEigenvalue ?? null,
    hessianTrace: p?.hessianTrace ?? null,
    initGradientNorm: r.initGradientNorm ?? null,
  };
}

/** Loss curves and probes of trial results, by trial id, as the meta-model reads them. */
export function trialSignalsOf(results: Iterable<readonly [number, TrialResult]>): Map<number, TrialSignals> {
  return new Map([...results].map(([id, r]) => [id, { lossCurve: r.lossCurve, probes: probeSignalsOf(r) }]));
}

export const FULL_TRIAL_ID_BASE = 1_000_000; // audit trials must not share an id with study trials in the pool

export { studyComputeFraction };

/** Thrown when options.signal stops an audit; `done` full-fidelity results (reused ones included) were reported before. */
export class AuditStopped extends Error {
  constructor(
    readonly done: number,
    readonly total: number,
  ) {
    super(`Audit stopped after ${done} of ${total} full-fidelity runs.`);
    this.name = 'AuditStopped';
  }
}

async function runWithRetry(
  pool: TrainerPool,
  input: TrainTrialInput,
  stopped: () => boolean = () => false,
): Promise<Outcome<TrialResult>> {
  // A run still queued for a worker when the audit stops starts anyway: its first progress report cancels it.
  const onProgress = () => {
    if (stopped()) pool.cancel(input.trialId);
  };
  const first = await pool.run(input, onProgress);
  return first.ok || stopped() ? first : pool.run(input, onProgress);
}

export async function auditStudy(
  state: StudyState,
  results: ReadonlyMap<number, TrialResult>,
  pool: TrainerPool,
  trainLabels: Uint8Array,
  options: AuditOptions = {},
): Promise<AuditReport> {
  const started = performance.now();
  const def = state.definition;
  const { alpha = 0.1, reuseFullFidelity = true, numClasses = 10 } = options;
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
  const fullRuns = await Promise.all(
    configIds.map(async (configId): Promise<FullRun> => {
      const previous = reuseFullFidelity
        ? state.trials.find(
            (t) =>
              t.configId === configId &&
              t.resource === 1 &&
              t.resumeFrom === null &&
              trainedToEnd(t) &&
              results.has(t.trialId),
          )
        : undefined;
      let outcome: Outcome<TrialResult>;
      if (previous) {
        outcome = { ok: true, value: results.get(previous.trialId)! };
        reusedRuns++;
      } else {
        const anyTrial = state.trials.find((t) => t.configId === configId)!;
        outcome = stopped()
          ? { ok: false, error: { code: 'CANCELLED', message: 'audit stopped' } }
          : await runWithRetry(
              pool,
              {
                trialId: FULL_TRIAL_ID_BASE + configId,
                seed: trialSeed(state, anyTrial),
                config: { ...state.configs[configId], epochs: full.epochs },
                numClasses,
                trainIndices,
                evalIndices: splits.evalIndices,
                readEvery: def.readEvery,
              },
              stopped,
            );
      }
      pending.delete(configId);
      // A run cut short by a stop is no result: not reported, and the audit rejects below.
      if (!outcome.ok && stopped()) return { status: 'failed', accuracy: null, reused: false };
      const status = outcome.ok ? outcome.value.status : 'failed';
      const accuracy = outcome.ok ? outcome.value.valAccuracy : null;
      options.onFullFidelityTrial?.({
        configId,
        status,
        reused: !!previous,
        done: ++done,
        total: configIds.length,
        valAccuracy: accuracy,
        durationMs: outcome.ok ? outcome.value.durationMs : 0,
      });
      return { status, accuracy, reused: !!previous };
    }),
  );
  options.signal?.removeEventListener('abort', cancelPending);
  if (stopped()) throw new AuditStopped(done, configIds.length);

  // 2-4. The rules, scored by a pure function: in a worker for the page, since the nested
  //      leave-one-out meta-model fits hundreds of models.
  const signals = trialSignalsOf(results);
  const inputs: AuditScoreInputs = {
    state,
    signals,
    fullRuns,
    reusedRuns,
    fullFidelity,
    evalImages: splits.evalIndices.length,
    alpha,
    numClasses,
    seed: options.seed,
    z: options.z,
    memory: options.memory,
  };
  const report = options.scorer ? await options.scorer(inputs) : scoreAudit(inputs, options.candidates);
  return { ...report, auditMs: performance.now() - started };
}
