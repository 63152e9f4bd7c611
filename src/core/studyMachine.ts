// A successive-halving study as a pure state machine: (state, event) -> state. The orchestrator
// feeds it worker events and asks it which trials to run; it never does I/O.
// Successive halving: Jamieson & Talwalkar 2016; rung plan in ./successiveHalving.
import { createRng, deriveSeed } from './rng';
import { sampleRandomConfigs, type TrialConfig } from './searchSpace';
import { planSuccessiveHalving, promote, rankTrials, type RungPlan } from './successiveHalving';
import type { StudyDefinition } from './studyDefinition';

export type TrialState = 'queued' | 'running' | 'completed' | 'diverged' | 'failed' | 'cancelled';

export interface TrialRecord {
  trialId: number;
  configId: number;
  rung: number;
  dataFraction: number;
  state: TrialState;
  attempts: number;
  valAccuracy: number | null;
  valLoss: number | null;
  durationMs: number | null;
  imagesPerSecond: number | null;
  /** The tfjs backend the trial trained on. */
  backend: string | null;
  error: { code: string; message: string } | null;
}

export interface StudyState {
  definition: StudyDefinition;
  configs: TrialConfig[];
  plan: RungPlan[];
  trials: TrialRecord[];
  rung: number;
  phase: 'running' | 'finished' | 'stopped';
}

export type StudyEvent =
  | { type: 'trialStarted'; trialId: number }
  | { type: 'trialFinished'; trialId: number; status: 'completed' | 'diverged'; valAccuracy: number | null; valLoss: number | null; durationMs: number; imagesPerSecond: number; backend: string }
  | { type: 'trialFailed'; trialId: number; code: string; message: string }
  | { type: 'stop' };

/** A failing trial (crashed worker, lost device) is retried once on a fresh worker, then marked failed. */
export const MAX_ATTEMPTS = 2;
const TERMINAL: readonly TrialState[] = ['completed', 'diverged', 'failed', 'cancelled'];

function newTrial(trialId: number, configId: number, rung: number, dataFraction: number): TrialRecord {
  return { trialId, configId, rung, dataFraction, state: 'queued', attempts: 0, valAccuracy: null, valLoss: null, durationMs: null, imagesPerSecond: null, backend: null, error: null };
}

export function initStudy(definition: StudyDefinition): StudyState {
  const s = definition.scheduler;
  const plan = planSuccessiveHalving(s);
  const configs = sampleRandomConfigs(definition.space, s.numConfigs, createRng(deriveSeed(definition.seed, 'sampler')), definition.fixed);
  const trials = configs.map((_, i) => newTrial(i, i, 0, plan[0].resource));
  return { definition, configs, plan, trials, rung: 0, phase: 'running' };
}

/** Trials waiting for a worker, in the order they should start. */
export function queuedTrials(state: StudyState): TrialRecord[] {
  return state.phase === 'running' ? state.trials.filter((t) => t.state === 'queued') : [];
}

/** Per-configuration seed: the same configuration gets the same initial weights at every rung. */
export function trialSeed(state: StudyState, trial: TrialRecord): number {
  return deriveSeed(state.definition.seed, 'config', trial.configId);
}

const score = (t: TrialRecord) => (t.state === 'completed' ? t.valAccuracy : null);

function update(state: StudyState, trialId: number, patch: Partial<TrialRecord>): StudyState {
  return { ...state, trials: state.trials.map((t) => (t.trialId === trialId ? { ...t, ...patch } : t)) };
}

// When every trial of the current rung is terminal, promote the top n_{i+1} or finish.
function advance(state: StudyState): StudyState {
  const current = state.trials.filter((t) => t.rung === state.rung);
  if (!current.every((t) => TERMINAL.includes(t.state))) return state;
  const next = state.plan[state.rung + 1];
  if (!next) return { ...state, phase: 'finished' };
  const survivors = promote(current.map((t) => ({ ...t, score: score(t) })), next.numTrials);
  if (survivors.length === 0) return { ...state, phase: 'finished' };
  const first = state.trials.length;
  const added = survivors.map((t, i) => newTrial(first + i, t.configId, state.rung + 1, next.resource));
  return { ...state, rung: state.rung + 1, trials: [...state.trials, ...added] };
}

export function studyReducer(state: StudyState, event: StudyEvent): StudyState {
  switch (event.type) {
    case 'trialStarted':
      return update(state, event.trialId, { state: 'running', attempts: (state.trials[event.trialId]?.attempts ?? 0) + 1 });
    case 'trialFinished': {
      // A result that arrives after Stop is kept (nothing computed is lost) but promotes nobody.
      const next = update(state, event.trialId, {
        state: event.status, valAccuracy: event.valAccuracy, valLoss: event.valLoss, durationMs: event.durationMs, imagesPerSecond: event.imagesPerSecond, backend: event.backend, error: null,
      });
      return state.phase === 'running' ? advance(next) : next;
    }
    case 'trialFailed': {
      if (state.phase !== 'running' || event.code === 'CANCELLED') return update(state, event.trialId, { state: 'cancelled' });
      const retry = (state.trials[event.trialId]?.attempts ?? 0) < MAX_ATTEMPTS;
      return advance(update(state, event.trialId, { state: retry ? 'queued' : 'failed', error: { code: event.code, message: event.message } }));
    }
    case 'stop':
      return {
        ...state,
        phase: state.phase === 'finished' ? 'finished' : 'stopped',
        trials: state.trials.map((t) => (TERMINAL.includes(t.state) ? t : { ...t, state: 'cancelled' })),
      };
  }
}

export interface RankedConfig { configId: number; config: TrialConfig; rung: number; dataFraction: number; valAccuracy: number | null; state: TrialState }

/** Final ranking: the highest rung reached first, then validation accuracy there (diverged last). */
export function rankConfigs(state: StudyState): RankedConfig[] {
  const last = new Map<number, TrialRecord>();
  for (const t of state.trials) if (TERMINAL.includes(t.state) && t.state !== 'cancelled') last.set(t.configId, t);
  const byRung = new Map<number, TrialRecord[]>();
  for (const t of last.values()) byRung.set(t.rung, [...(byRung.get(t.rung) ?? []), t]);
  const rungs = [...byRung.keys()].sort((a, b) => b - a);
  return rungs.flatMap((r) => rankTrials(byRung.get(r)!.map((t) => ({ ...t, trialId: t.configId, score: score(t) }))))
    .map((t) => ({ configId: t.configId, config: state.configs[t.configId], rung: t.rung, dataFraction: t.dataFraction, valAccuracy: t.valAccuracy, state: t.state }));
}
