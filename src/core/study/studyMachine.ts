// A study as a pure state machine: (state, event) -> state. The orchestrator feeds it worker
// events and asks it which trials to run; it never does I/O. Synchronous brackets (successive
// halving, Hyperband's brackets, two-step search) promote when a rung is complete; ASHA promotes
// whenever a worker asks for work (../schedulers/asha). Rung plans come from ../schedulers/schedule.
// With the meta-model promotion rule a complete rung waits for a 'promotionScored' event: the
// orchestrator fits the model (impure inputs: stored examples, trial curves) and the machine
// records the scores it promoted by, so a saved study shows why each configuration went on.
import { ashaFinished, ashaNextJob, ashaReport, initAsha, type AshaState } from '../schedulers/asha';
import { createRng, deriveSeed } from '../rng';
import { sampleConfigs } from '../samplers/index';
import { budgetAt, continuesFromWeights, planBrackets } from '../schedulers/schedule';
import type { TrialConfig } from '../searchSpace/searchSpace';
import { promote, type RungPlan } from '../schedulers/successiveHalving';
import type { StudyDefinition } from './studyDefinition';

export type TrialState = 'queued' | 'running' | 'completed' | 'diverged' | 'failed' | 'cancelled';

export interface TrialRecord {
  trialId: number;
  configId: number;
  bracket: number;
  rung: number;
  resource: number;
  dataFraction: number;
  epochs: number;
  /** Trial whose trained weights this one continues (epoch resources), and the epochs they hold. */
  resumeFrom: number | null;
  startEpochs: number;
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

export interface BracketState {
  bracket: number;
  plan: RungPlan[];
  configIds: number[];
  rung: number;
  done: boolean;
  /** The rung is complete and waits for meta-model scores before it promotes. */
  awaitingScores?: boolean;
}

/** How one rung of one bracket was promoted, when the meta-model rule was asked for. */
export interface PromotionRecord {
  bracket: number;
  rung: number;
  /** 'accuracy' when the meta-model had too few examples (or failed) and plain successive halving decided. */
  rule: 'metaModel' | 'accuracy';
  /** Score per configuration id (predicted full-fidelity accuracy, or its UCB); null under 'accuracy'. */
  scores: Record<number, number> | null;
  /** Predicted full-fidelity accuracy with its interval, per configuration id. */
  predictions: Record<number, { mean: number; lower: number; upper: number }> | null;
  note: string;
}

export interface StudyState {
  definition: StudyDefinition;
  configs: TrialConfig[];
  brackets: BracketState[];
  asha: AshaState | null;
  trials: TrialRecord[];
  /** The first bracket's plan and current rung, for views that show one ladder. */
  plan: RungPlan[];
  rung: number;
  phase: 'running' | 'finished' | 'stopped';
  /** Meta-model promotions so far (absent in studies saved before the rule existed). */
  promotions?: PromotionRecord[];
}

export type StudyEvent =
  | { type: 'trialStarted'; trialId: number }
  | {
      type: 'trialFinished';
      trialId: number;
      status: 'completed' | 'diverged';
      valAccuracy: number | null;
      valLoss: number | null;
      durationMs: number;
      imagesPerSecond: number;
      backend: string;
    }
  | { type: 'trialFailed'; trialId: number; code: string; message: string }
  | ({ type: 'promotionScored' } & PromotionRecord)
  | { type: 'stop' };

/** A failing trial (crashed worker, lost device) is retried once on a fresh worker, then marked failed. */
export const MAX_ATTEMPTS = 2;
const TERMINAL: readonly TrialState[] = ['completed', 'diverged', 'failed', 'cancelled'];
export const isTerminal = (t: TrialRecord) => TERMINAL.includes(t.state);
/** Trained to the end (a diverged trial too): it has a result and cost its full budget. */
export const trainedToEnd = (t: TrialRecord) => t.state === 'completed' || t.state === 'diverged';
/** A trial's score for promotion and ranking: validation accuracy, none unless it completed. */
export const trialScore = (t: TrialRecord) => (t.state === 'completed' ? t.valAccuracy : null);

function newTrial(
  state: Pick<StudyState, 'definition' | 'trials'>,
  configId: number,
  bracket: number,
  rung: number,
  resource: number,
): TrialRecord {
  const budget = budgetAt(state.definition, resource);
  const previous =
    rung > 0 && continuesFromWeights(state.definition)
      ? state.trials.filter((t) => t.configId === configId && t.rung === rung - 1 && t.state === 'completed').pop()
      : undefined;
  return {
    trialId: state.trials.length,
    configId,
    bracket,
    rung,
    resource,
    dataFraction: budget.dataFraction,
    epochs: budget.epochs,
    resumeFrom: previous?.trialId ?? null,
    startEpochs: previous?.epochs ?? 0,
    state: 'queued',
    attempts: 0,
    valAccuracy: null,
    valLoss: null,
    durationMs: null,
    imagesPerSecond: null,
    backend: null,
    error: null,
  };
}

function append(state: StudyState, configIds: number[], bracket: number, rung: number, resource: number): StudyState {
  // One copy of the list, not one per trial: a 1,000-configuration rung stays linear.
  const trials = [...state.trials];
  for (const configId of configIds)
    trials.push(newTrial({ definition: state.definition, trials }, configId, bracket, rung, resource));
  return { ...state, trials };
}

export function initStudy(definition: StudyDefinition): StudyState {
  const plans = planBrackets(definition);
  const total = plans.reduce((n, b) => n + b.numConfigs, 0);
  const configs = sampleConfigs(
    definition.sampler,
    definition.space,
    total,
    createRng(deriveSeed(definition.seed, 'sampler')),
    definition.fixed,
  );
  let first = 0;
  const brackets = plans.map((b) => {
    const configIds = Array.from({ length: b.numConfigs }, (_, i) => first + i);
    first += b.numConfigs;
    return { bracket: b.bracket, plan: b.rungs, configIds, rung: 0, done: false };
  });
  const s = definition.scheduler;
  const asha = s.kind === 'asha' ? initAsha({ ...s, maxTrials: s.numConfigs }) : null;
  let state: StudyState = {
    definition,
    configs,
    brackets,
    asha,
    trials: [],
    plan: brackets[0].plan,
    rung: 0,
    phase: 'running',
  };
  if (!asha) for (const b of brackets) state = append(state, b.configIds, b.bracket, 0, b.plan[0].resource);
  return state;
}

/** ASHA creates work on demand: one job per free worker, so no worker waits for a rung to fill. */
export function requestTrials(state: StudyState, freeWorkers: number): StudyState {
  if (!state.asha || state.phase !== 'running') return state;
  let next = state;
  let asha = state.asha;
  const queued = state.trials.filter((t) => t.state === 'queued').length;
  for (let i = queued; i < freeWorkers; i++) {
    const step = ashaNextJob(asha);
    if (step.job.kind === 'none') break;
    asha = step.state;
    next = append({ ...next, asha }, [step.job.trialId], 0, step.job.rung, step.job.resource);
  }
  return { ...next, asha };
}

/** Complete rungs waiting for meta-model scores: the configurations to score and the resource they reached. */
export function pendingPromotions(
  state: StudyState,
): { bracket: number; rung: number; resource: number; configIds: number[] }[] {
  if (state.phase !== 'running') return [];
  return state.brackets
    .filter((b) => b.awaitingScores && !b.done)
    .map((b) => ({
      bracket: b.bracket,
      rung: b.rung,
      resource: b.plan[b.rung].resource,
      configIds: state.trials.filter((t) => t.bracket === b.bracket && t.rung === b.rung).map((t) => t.configId),
    }));
}

/** Trials waiting for a worker, in the order they should start. */
export function queuedTrials(state: StudyState): TrialRecord[] {
  return state.phase === 'running' ? state.trials.filter((t) => t.state === 'queued') : [];
}

/** Per-configuration seed: the same configuration gets the same initial weights at every rung. */
export function trialSeed(state: StudyState, trial: TrialRecord): number {
  return deriveSeed(state.definition.seed, 'config', trial.configId);
}

function update(state: StudyState, trialId: number, patch: Partial<TrialRecord>): StudyState {
  return { ...state, trials: state.trials.map((t) => (t.trialId === trialId ? { ...t, ...patch } : t)) };
}

const usesMetaModel = (state: StudyState) => state.definition.scheduler.promotion === 'metaModel';
const promotionOf = (state: StudyState, bracket: number, rung: number) =>
  state.promotions?.find((p) => p.bracket === bracket && p.rung === rung);

// A synchronous bracket promotes the top n_{i+1} of a complete rung, or is done. Under the
// meta-model rule it first waits for that rung's scores; a diverged or failed trial stays last.
function advanceBracket(state: StudyState, b: BracketState): StudyState {
  const current = state.trials.filter((t) => t.bracket === b.bracket && t.rung === b.rung);
  if (b.done || !current.every(isTerminal)) return state;
  const next = b.plan[b.rung + 1];
  const record = next && usesMetaModel(state) ? promotionOf(state, b.bracket, b.rung) : undefined;
  if (next && usesMetaModel(state) && !record) {
    return b.awaitingScores
      ? state
      : {
          ...state,
          brackets: state.brackets.map((x) => (x.bracket === b.bracket ? { ...b, awaitingScores: true } : x)),
        };
  }
  const scoreOf = (t: TrialRecord) =>
    record?.scores && trialScore(t) !== null ? (record.scores[t.configId] ?? trialScore(t)) : trialScore(t);
  const survivors = next
    ? promote(
        current.map((t) => ({ ...t, score: scoreOf(t) })),
        next.numTrials,
      )
    : [];
  const updated = {
    ...b,
    awaitingScores: false,
    rung: survivors.length ? b.rung + 1 : b.rung,
    done: survivors.length === 0,
  };
  const withBracket = { ...state, brackets: state.brackets.map((x) => (x.bracket === b.bracket ? updated : x)) };
  return survivors.length
    ? append(
        withBracket,
        survivors.map((t) => t.configId),
        b.bracket,
        b.rung + 1,
        next.resource,
      )
    : withBracket;
}

function advance(state: StudyState, finished: TrialRecord): StudyState {
  if (state.phase !== 'running') return state;
  let next = state;
  if (next.asha) {
    if (isTerminal(finished))
      next = { ...next, asha: ashaReport(next.asha!, finished.configId, finished.rung, trialScore(finished)) };
    const idle = !next.trials.some((t) => t.state === 'queued' || t.state === 'running');
    return ashaFinished(next.asha!) && idle ? { ...next, phase: 'finished' } : next;
  }
  for (const b of next.brackets) next = advanceBracket(next, b);
  const first = next.brackets[0];
  return {
    ...next,
    plan: first.plan,
    rung: first.rung,
    phase: next.brackets.every((b) => b.done) ? 'finished' : 'running',
  };
}

export function studyReducer(state: StudyState, event: StudyEvent): StudyState {
  switch (event.type) {
    case 'trialStarted':
      return update(state, event.trialId, {
        state: 'running',
        attempts: (state.trials[event.trialId]?.attempts ?? 0) + 1,
      });
    case 'trialFinished': {
      // A result that arrives after Stop is kept (nothing computed is lost) but promotes nobody.
      const next = update(state, event.trialId, {
        state: event.status,
        valAccuracy: event.valAccuracy,
        valLoss: event.valLoss,
        durationMs: event.durationMs,
        imagesPerSecond: event.imagesPerSecond,
        backend: event.backend,
        error: null,
      });
      return advance(next, next.trials[event.trialId]);
    }
    case 'trialFailed': {
      if (state.phase !== 'running' || event.code === 'CANCELLED')
        return update(state, event.trialId, { state: 'cancelled' });
      const retry = (state.trials[event.trialId]?.attempts ?? 0) < MAX_ATTEMPTS;
      const next = update(state, event.trialId, {
        state: retry ? 'queued' : 'failed',
        error: { code: event.code, message: event.message },
      });
      return advance(next, next.trials[event.trialId]);
    }
    case 'promotionScored': {
      const { type: _type, ...record } = event;
      const b = state.brackets.find((x) => x.bracket === record.bracket);
      // Scores that arrive after Stop are dropped: a resumed study asks again, with what it knows then.
      if (
        state.phase !== 'running' ||
        !b ||
        !b.awaitingScores ||
        b.rung !== record.rung ||
        promotionOf(state, record.bracket, record.rung)
      )
        return state;
      return advance({ ...state, promotions: [...(state.promotions ?? []), record] }, state.trials[0]);
    }
    case 'stop':
      return {
        ...state,
        phase: state.phase === 'finished' ? 'finished' : 'stopped',
        trials: state.trials.map((t) => (isTerminal(t) ? t : { ...t, state: 'cancelled' })),
      };
  }
}

/**
 * A study saved mid-run, reopened: trials that were running when the page closed go back to the
 * queue (their interrupted attempt does not count); completed trials are kept and never rerun.
 */
export function resumeStudy(state: StudyState): StudyState {
  return {
    ...state,
    phase: 'running',
    trials: state.trials.map((t) =>
      t.state === 'running' || (t.state === 'cancelled' && state.phase === 'stopped')
        ? { ...t, state: 'queued', attempts: Math.max(0, t.attempts - 1) }
        : t,
    ),
  };
}
