// A saved study as IndexedDB and export files hold it, version 2: the study state and every fact a
// later computation (meta-model, audit, recommendation) reads: each trial's curve with its epochs,
// its probes, its initial gradient norm, and the backend. Version 1 records (curves without epochs,
// no probes) are migrated; newer versions are refused with the version named; a damaged record
// gets a message naming what is wrong instead of crashing the page.
import { downsampleCurve } from '../charts/downsampleCurve';
import type { ProbeValues } from '../probeValues';
import type { StudyState, TrialRecord } from './studyMachine';
import { CURRENT_STUDY_VERSION } from '../link/urlMigrations';
import { parseStudy } from '../link/urlState';

export const RECORD_VERSION = 2;
/** Points kept per trial curve; live and saved curves both go through recordCurve, so they agree. */
export const MAX_CURVE_POINTS = 2000;
/** Trials a record may hold (imported external results have up to 100,000). */
const MAX_RECORD_TRIALS = 100_000;

export interface RecordPoint {
  step: number;
  epoch: number;
  loss: number;
  accuracy: number;
}

export interface StudyRecord {
  v: typeof RECORD_VERSION;
  id: string;
  createdAt: number;
  updatedAt: number;
  state: StudyState;
  curves: Record<number, RecordPoint[]>;
  probes: Record<number, ProbeValues>;
  initGradientNorms: Record<number, number>;
  /** The backend the study's workers trained on (its trials name theirs too); null when unknown. */
  backend: string | null;
}

/** A record that passed checkStudyRecord (migrated to the current version). */
export type CheckedRecord = StudyRecord;

/** The one curve downsampler of saved and live curves: LTTB (../charts/downsampleCurve) on loss over steps. */
export function recordCurve(points: readonly RecordPoint[]): RecordPoint[] {
  return downsampleCurve(
    points,
    MAX_CURVE_POINTS,
    (p) => p.step,
    (p) => p.loss,
  ).map(({ step, epoch, loss, accuracy }) => ({ step, epoch, loss, accuracy }));
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const TRIAL_STATES = ['queued', 'running', 'completed', 'diverged', 'failed', 'cancelled'];
/** JSON export turns NaN and Infinity (a diverged loss) into null; they come back as NaN. */
const numberOrNaN = (x: unknown): number | undefined => (typeof x === 'number' ? x : x === null ? NaN : undefined);
const BACKEND = /^[a-z0-9-]{1,24}$/;

function trialProblem(t: unknown, i: number): string | null {
  if (!isObject(t)) return `trial ${i} is not an object`;
  const r = t as Partial<TrialRecord>;
  if (r.trialId !== i) return `trial ${i} has trialId ${String(r.trialId)}`;
  if (!TRIAL_STATES.includes(String(r.state))) return `trial ${i} has an unknown state`;
  if (typeof r.configId !== 'number' || typeof r.rung !== 'number' || typeof r.dataFraction !== 'number')
    return `trial ${i} lacks configId, rung or dataFraction`;
  if (r.valAccuracy !== null && typeof r.valAccuracy !== 'number') return `trial ${i} has a non-numeric accuracy`;
  return null;
}

/** Per-trial entries keyed by trial id; each value checked by `read`. Own keys only. */
function perTrial<T>(
  raw: unknown,
  what: string,
  trials: number,
  read: (x: unknown) => T | null,
): Record<number, T> | string {
  if (raw === undefined) return {};
  if (!isObject(raw)) return `its ${what} are not an object`;
  const out: Record<number, T> = {};
  for (const key of Object.keys(raw)) {
    const id = Number(key);
    if (!Number.isInteger(id) || id < 0 || id >= trials || String(id) !== key)
      return `its ${what} name a trial it does not have`;
    const value = read(raw[key]);
    if (value === null) return `its ${what} of trial ${id} are damaged`;
    out[id] = value;
  }
  return out;
}

function readCurve(x: unknown, hasEpochs: boolean): RecordPoint[] | null {
  if (!Array.isArray(x)) return null;
  const points: RecordPoint[] = [];
  for (const p of x) {
    if (!isObject(p)) return null;
    const step = p.step,
      loss = numberOrNaN(p.loss),
      accuracy = numberOrNaN(p.accuracy);
    const epoch = hasEpochs ? p.epoch : 0; // version 1 dropped the epochs: every point reads as epoch 0
    if (typeof step !== 'number' || typeof epoch !== 'number' || loss === undefined || accuracy === undefined)
      return null;
    points.push({ step, epoch, loss, accuracy });
  }
  return points.length > MAX_CURVE_POINTS ? recordCurve(points) : points;
}

function readProbes(x: unknown): ProbeValues | null {
  if (!isObject(x)) return null;
  const names = ['loss', 'images', 'sharpnessMean', 'sharpnessMax', 'samSharpness', 'gradientNorm', 'ms'] as const;
  const out: Record<string, number | null> = {};
  for (const n of names) {
    const v = numberOrNaN(x[n]);
    if (v === undefined) return null;
    out[n] = v;
  }
  const accuracy = x.accuracy === null ? null : numberOrNaN(x.accuracy);
  if (accuracy === undefined) return null;
  for (const n of ['topEigenvalue', 'hessianTrace'] as const) {
    if (x[n] === undefined) continue;
    const v = numberOrNaN(x[n]);
    if (v === undefined) return null;
    out[n] = v;
  }
  return { ...out, accuracy } as unknown as ProbeValues;
}

export function checkStudyRecord(raw: unknown): { ok: true; record: CheckedRecord } | { ok: false; error: string } {
  const bad = (why: string) => ({
    ok: false as const,
    error: `This saved study is damaged and was not opened: ${why}.`,
  });
  if (!isObject(raw)) return bad('it is not a study record');
  const v = raw.v;
  if (typeof v === 'number' && Number.isInteger(v) && v > RECORD_VERSION) {
    return {
      ok: false,
      error: `This saved study was written by a newer version of the lab (study record version ${v}); this page reads versions 1 to ${RECORD_VERSION}. Reload the page to update the lab.`,
    };
  }
  if (v !== 1 && v !== 2) return bad('unknown record version');
  if (typeof raw.id !== 'string' || !/^[A-Za-z0-9-]{1,64}$/.test(raw.id)) return bad('it has no valid id');
  const state = raw.state;
  if (!isObject(state)) return bad('it has no study state');
  const dv = isObject(state.definition) ? state.definition.v : undefined;
  if (typeof dv === 'number' && Number.isInteger(dv) && dv > CURRENT_STUDY_VERSION) {
    return {
      ok: false,
      error: `This saved study was written by a newer version of the lab (study format version ${dv}); this page reads versions 1 to ${CURRENT_STUDY_VERSION}. Reload the page to update the lab.`,
    };
  }
  const def = parseStudy(state.definition);
  if (!def.ok) return bad(`its definition is invalid (${def.error})`);
  if (!Array.isArray(state.configs) || !Array.isArray(state.trials) || !Array.isArray(state.brackets))
    return bad('its configurations, brackets or trials are missing');
  if (state.trials.length > MAX_RECORD_TRIALS)
    return bad(`it has ${state.trials.length} trials, more than ${MAX_RECORD_TRIALS}`);
  for (let i = 0; i < state.trials.length; i++) {
    const p = trialProblem(state.trials[i], i);
    if (p) return bad(p);
  }
  if (!['running', 'finished', 'stopped'].includes(String(state.phase))) return bad('its phase is unknown');
  const trials = state.trials.length;
  const curves = perTrial(raw.curves, 'curves', trials, (x) => readCurve(x, v === 2));
  if (typeof curves === 'string') return bad(curves);
  const probes = v === 2 ? perTrial(raw.probes, 'probes', trials, readProbes) : {};
  if (typeof probes === 'string') return bad(probes);
  const norms =
    v === 2 ? perTrial(raw.initGradientNorms, 'initial gradient norms', trials, (x) => numberOrNaN(x) ?? null) : {};
  if (typeof norms === 'string') return bad(norms);
  const backend = typeof raw.backend === 'string' && BACKEND.test(raw.backend) ? raw.backend : null;
  return {
    ok: true,
    record: {
      v: RECORD_VERSION,
      id: raw.id,
      createdAt: Number(raw.createdAt) || 0,
      updatedAt: Number(raw.updatedAt) || 0,
      state: { ...(state as unknown as StudyState), definition: def.study },
      curves,
      probes,
      initGradientNorms: norms,
      backend,
    },
  };
}
