// Asynchronous successive halving (ASHA): Li, Jamieson, Rostamizadeh, Gonina, Ben-tzur, Hardt,
// Recht & Talwalkar (2020), "A System for Massively Parallel Hyperparameter Tuning", MLSys,
// Algorithm 2. A pure state machine: the orchestrator asks for a job whenever a worker is free.
import { planSuccessiveHalving, promote, type RankedTrial } from './successiveHalving';

export interface AshaSettings {
  reductionFactor: number;
  minResource: number;
  maxResource: number;
  /** Trials to start at rung 0 before only promotions remain; null = unbounded, as in the paper. */
  maxTrials?: number | null;
}

export interface AshaRung {
  rung: number;
  resource: number;
  /** Completed results in arrival order; score null = diverged or failed, never promoted. */
  results: RankedTrial[];
  /** Trials already sent on from this rung (Algorithm 2 promotes each at most once). */
  promoted: number[];
}

export interface AshaState {
  reductionFactor: number;
  maxTrials: number | null;
  rungs: AshaRung[];
  /** Jobs handed out and not yet reported. */
  running: { trialId: number; rung: number }[];
  nextTrialId: number;
}

export type AshaJob =
  | { kind: 'promote'; trialId: number; rung: number; resource: number }
  | { kind: 'new'; trialId: number; rung: 0; resource: number }
  /** Only with maxTrials: nothing to promote now and no new trial left; a pending result may change that. */
  | { kind: 'none' };

export function initAsha(s: AshaSettings): AshaState {
  const maxTrials = s.maxTrials ?? null;
  if (maxTrials !== null && (!Number.isInteger(maxTrials) || maxTrials < 0)) {
    throw new Error(`Expected maxTrials to be a non-negative integer or null, but got ${maxTrials}`);
  }
  // Rung resources r_min eta^k up to R exactly, as in a successive-halving plan.
  const plan = planSuccessiveHalving({ numConfigs: 1, ...s });
  return {
    reductionFactor: s.reductionFactor,
    maxTrials,
    rungs: plan.map((r) => ({ rung: r.rung, resource: r.resource, results: [], promoted: [] })),
    running: [],
    nextTrialId: 0,
  };
}

/** Trials of rung k that are in its top floor(|results| / eta), not failed and not yet promoted; best first. */
export function promotable(state: AshaState, rung: number): RankedTrial[] {
  const r = state.rungs[rung];
  const top = promote(r.results, Math.floor(r.results.length / state.reductionFactor));
  return top.filter((t) => !r.promoted.includes(t.trialId));
}

/**
 * Algorithm 2's get_job: scan rungs from the highest promotable one down; the best promotable
 * trial moves up a rung. Otherwise a new trial starts at rung 0, so no worker waits.
 * The promotion is recorded now, not on completion, so a second call cannot promote it again.
 */
export function ashaNextJob(state: AshaState): { state: AshaState; job: AshaJob } {
  for (let k = state.rungs.length - 2; k >= 0; k--) {
    const best = promotable(state, k)[0];
    if (!best) continue;
    const rungs = state.rungs.map((r) => (r.rung === k ? { ...r, promoted: [...r.promoted, best.trialId] } : r));
    const job: AshaJob = { kind: 'promote', trialId: best.trialId, rung: k + 1, resource: state.rungs[k + 1].resource };
    return { state: { ...state, rungs, running: [...state.running, { trialId: best.trialId, rung: k + 1 }] }, job };
  }
  if (state.maxTrials !== null && state.nextTrialId >= state.maxTrials) return { state, job: { kind: 'none' } };
  const trialId = state.nextTrialId;
  const job: AshaJob = { kind: 'new', trialId, rung: 0, resource: state.rungs[0].resource };
  return { state: { ...state, nextTrialId: trialId + 1, running: [...state.running, { trialId, rung: 0 }] }, job };
}

/** Records a finished job. score: higher is better; null or NaN = diverged or failed. */
export function ashaReport(state: AshaState, trialId: number, rung: number, score: number | null): AshaState {
  const at = state.running.findIndex((j) => j.trialId === trialId && j.rung === rung);
  if (at < 0) throw new Error(`Expected trial ${trialId} to be running at rung ${rung}, but it is not`);
  const result: RankedTrial = { trialId, score: score === null || Number.isNaN(score) ? null : score };
  return {
    ...state,
    running: state.running.filter((_, i) => i !== at),
    rungs: state.rungs.map((r) => (r.rung === rung ? { ...r, results: [...r.results, result] } : r)),
  };
}

/** True when maxTrials is spent, nothing runs and nothing can be promoted. */
export function ashaFinished(state: AshaState): boolean {
  return ashaNextJob(state).job.kind === 'none' && state.running.length === 0;
}
