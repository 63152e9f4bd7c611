// Checks a study record read back from storage or an imported JSON file before the lab trusts it:
// the definition must pass the share-link schema and the state must have the shape the machine
// needs. A corrupt record gets a message naming what is wrong instead of crashing the page.
import type { StudyState, TrialRecord } from './studyMachine';
import { parseStudy } from './urlState';

export interface CheckedRecord { id: string; createdAt: number; updatedAt: number; state: StudyState; curves: Record<number, { step: number; loss: number; accuracy: number }[]> }

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const TRIAL_STATES = ['queued', 'running', 'completed', 'diverged', 'failed', 'cancelled'];

function trialProblem(t: unknown, i: number): string | null {
  if (!isObject(t)) return `trial ${i} is not an object`;
  const r = t as Partial<TrialRecord>;
  if (r.trialId !== i) return `trial ${i} has trialId ${String(r.trialId)}`;
  if (!TRIAL_STATES.includes(String(r.state))) return `trial ${i} has an unknown state`;
  if (typeof r.configId !== 'number' || typeof r.rung !== 'number' || typeof r.dataFraction !== 'number') return `trial ${i} lacks configId, rung or dataFraction`;
  if (r.valAccuracy !== null && typeof r.valAccuracy !== 'number') return `trial ${i} has a non-numeric accuracy`;
  return null;
}

export function checkStudyRecord(raw: unknown): { ok: true; record: CheckedRecord } | { ok: false; error: string } {
  const bad = (why: string) => ({ ok: false as const, error: `This saved study is damaged and was not opened: ${why}.` });
  if (!isObject(raw) || raw.v !== 1) return bad('unknown record version');
  if (typeof raw.id !== 'string' || !/^[A-Za-z0-9-]{1,64}$/.test(raw.id)) return bad('it has no valid id');
  const state = raw.state;
  if (!isObject(state)) return bad('it has no study state');
  const def = parseStudy(state.definition);
  if (!def.ok) return bad(`its definition is invalid (${def.error})`);
  if (!Array.isArray(state.configs) || !Array.isArray(state.trials) || !Array.isArray(state.brackets)) return bad('its configurations, brackets or trials are missing');
  for (let i = 0; i < state.trials.length; i++) {
    const p = trialProblem(state.trials[i], i);
    if (p) return bad(p);
  }
  if (!['running', 'finished', 'stopped'].includes(String(state.phase))) return bad('its phase is unknown');
  const curves = isObject(raw.curves) ? (raw.curves as CheckedRecord['curves']) : {};
  return { ok: true, record: { id: raw.id, createdAt: Number(raw.createdAt) || 0, updatedAt: Number(raw.updatedAt) || 0, state: { ...(state as unknown as StudyState), definition: def.study }, curves } };
}
