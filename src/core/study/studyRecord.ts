// A saved study as IndexedDB and export files hold it, version 2: the study state and every fact a
// later computation (meta-model, audit, recommendation) reads: each trial's curve with its epochs,
// its probes, its initial gradient norm, and the backend. Version 1 records (curves without epochs,
// no probes) are migrated; newer versions are refused with the version named; a damaged record
// gets a message naming what is wrong instead of crashing the page.
import { downsampleCurve } from '../charts/downsampleCurve';
import type { ProbeValues } from '../probeValues';
import type { StudyState } from './studyMachine';
import { CURRENT_STUDY_VERSION } from '../link/urlMigrations';
import { parseStudy } from '../link/urlState';
import { z } from 'zod';
import { describeValue } from './studySchema';
import {
  checkStudyState,
  curvePointSchema,
  gradientNormSchema,
  perTrialFacts,
  probeValuesSchema,
} from './studyStateSchema';
import type { LossPoint } from '../lossPoint';

/** The state's fields other than the definition, own keys only. */
function stateWithoutDefinition(state: Record<string, unknown>): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  for (const k of Object.keys(state))
    if (k !== 'definition') Object.defineProperty(rest, k, { value: state[k], enumerable: true });
  return rest;
}
const firstOf = (problems: string[]) =>
  `${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : ''}`;

export const RECORD_VERSION = 2;
/** Points kept per trial curve; live and saved curves both go through recordCurve, so they agree. */
export const MAX_CURVE_POINTS = 2000;

export interface StudyRecord {
  v: typeof RECORD_VERSION;
  id: string;
  createdAt: number;
  updatedAt: number;
  state: StudyState;
  curves: Record<number, LossPoint[]>;
  probes: Record<number, ProbeValues>;
  initGradientNorms: Record<number, number>;
  /** The backend the study's workers trained on (its trials name theirs too); null when unknown. */
  backend: string | null;
}

/** A record that passed checkStudyRecord (migrated to the current version). */
export type CheckedRecord = StudyRecord;

/** The one curve downsampler of saved and live curves: LTTB (../charts/downsampleCurve) on loss over steps. */
export function recordCurve(points: readonly LossPoint[]): LossPoint[] {
  return downsampleCurve(
    points,
    MAX_CURVE_POINTS,
    (p) => p.step,
    (p) => p.loss,
  ).map(({ step, epoch, loss, accuracy }) => ({ step, epoch, loss, accuracy }));
}

/** What the page holds beside a study's state, per trial id. */
export interface RecordFacts {
  curves: Readonly<Record<number, readonly LossPoint[] | undefined>>;
  probes: Readonly<Record<number, ProbeValues | undefined>>;
  initGradientNorms: Readonly<Record<number, number | undefined>>;
  backend: string | null;
}

/**
 * The record of a study with the facts the page holds for it, every curve through recordCurve:
 * what the IndexedDB save and the JSON export write, and what a reload or an import shows.
 */
export function studyRecordOf(
  id: string,
  state: StudyState,
  facts: RecordFacts,
  at: { createdAt: number; updatedAt: number },
): StudyRecord {
  const record: StudyRecord = {
    v: RECORD_VERSION,
    id,
    ...at,
    state,
    curves: {},
    probes: {},
    initGradientNorms: {},
    backend: facts.backend,
  };
  for (const t of state.trials) {
    const id = t.trialId;
    const curve = facts.curves[id];
    if (curve) record.curves[id] = recordCurve(curve);
    const probes = facts.probes[id];
    if (probes) record.probes[id] = probes;
    const norm = facts.initGradientNorms[id];
    if (norm !== undefined) record.initGradientNorms[id] = norm;
  }
  return record;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const BACKEND = /^[a-z0-9-]{1,24}$/;
/** Milliseconds since 1970 that a Date can hold. */
const MAX_TIME = 8.64e15;

/** A version-1 curve had no epochs: every point reads as epoch 0. */
const v1CurveSchema = z.array(
  z
    .looseObject({})
    .transform((p) => ({ ...p, epoch: 0 }))
    .pipe(curvePointSchema),
);
const curveSchema = z.array(curvePointSchema);
const timeOf = (x: unknown): number | null =>
  x === undefined ? 0 : typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= MAX_TIME ? x : null;

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
  if (v !== 1 && v !== 2) return bad(`unknown record version (expected 1 or 2, got ${describeValue(v)})`);
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
  const checked = checkStudyState(stateWithoutDefinition(state), def.study.space);
  if (!checked.ok) return bad(firstOf(checked.problems));
  const trials = checked.state.trials.length;
  const curves = perTrialFacts(raw.curves, 'curves', trials, v === 2 ? curveSchema : v1CurveSchema);
  if (!curves.ok) return bad(curves.problem);
  const probes =
    v === 2 ? perTrialFacts(raw.probes, 'probes', trials, probeValuesSchema) : { ok: true as const, facts: {} };
  if (!probes.ok) return bad(probes.problem);
  const norms =
    v === 2
      ? perTrialFacts(raw.initGradientNorms, 'initial gradient norms', trials, gradientNormSchema)
      : { ok: true as const, facts: {} };
  if (!norms.ok) return bad(norms.problem);
  const createdAt = timeOf(raw.createdAt),
    updatedAt = timeOf(raw.updatedAt);
  if (createdAt === null || updatedAt === null)
    return bad(
      `its ${createdAt === null ? 'createdAt' : 'updatedAt'} is not a time (got ${describeValue(createdAt === null ? raw.createdAt : raw.updatedAt)})`,
    );
  if (
    raw.backend !== undefined &&
    raw.backend !== null &&
    !(typeof raw.backend === 'string' && BACKEND.test(raw.backend))
  )
    return bad(`its backend is not a backend name (got ${describeValue(raw.backend)})`);
  const curveFacts = curves.facts as Record<number, LossPoint[]>;
  for (const id of Object.keys(curveFacts)) {
    const c = curveFacts[Number(id)];
    if (c.length > MAX_CURVE_POINTS) curveFacts[Number(id)] = recordCurve(c);
  }
  return {
    ok: true,
    record: {
      v: RECORD_VERSION,
      id: raw.id,
      createdAt,
      updatedAt,
      state: { ...checked.state, definition: def.study },
      curves: curveFacts,
      probes: probes.facts as Record<number, ProbeValues>,
      initGradientNorms: norms.facts as Record<number, number>,
      backend: typeof raw.backend === 'string' ? raw.backend : null,
    },
  };
}
