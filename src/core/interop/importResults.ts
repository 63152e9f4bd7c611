// Results from an external engine back into the lab as a finished StudyState, so the same ladder,
// curves, charts and meta-model work on them. The exported Optuna worker's results file, version 2,
// gives every rung of every trial (pruned ones too) with its training curve: each Optuna step is a
// rung of ./optunaStudy's ladder. Version 1 files and CSVs (hyperparameter columns and "value") give
// one value per trial. Validated and size-bounded; a bad file gets a message, never an exception.
import Papa from 'papaparse';
import { OPTUNA_RESULTS_FORMAT, optunaLadder, type OptunaRung } from './optunaStudy';
import { continuesFromWeights } from '../schedulers/schedule';
import { DEFAULT_FIXED, type TrialConfig } from '../searchSpace/searchSpace';
import type { StudyDefinition } from '../study/studyDefinition';
import type { StudyState, TrialRecord, TrialState } from '../study/studyMachine';
import { parseStudy } from '../link/urlState';

/** A training-curve point, as the lab's LossPoint. */
export interface ImportedPoint {
  step: number;
  epoch: number;
  loss: number;
  accuracy: number;
}

export type ImportResult =
  | { ok: true; state: StudyState; curves: Record<number, ImportedPoint[]>; skipped: number; notes: string[] }
  | { ok: false; error: string };

const MAX_TRIALS = 100_000;
/** Longest file read: 100,000 trials with curves fit well within it. */
export const MAX_IMPORT_CHARS = 64 * 2 ** 20;
/** Results file versions this lab reads. */
const RESULTS_VERSIONS = [1, 2];
const MAX_POINTS = 10_000;
type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

function toConfig(params: Obj): TrialConfig {
  const c: Obj = { ...DEFAULT_FIXED };
  for (const key of Object.keys(DEFAULT_FIXED)) {
    const v = params[key];
    if (
      typeof DEFAULT_FIXED[key as keyof TrialConfig] === 'number' &&
      Number.isFinite(Number(v)) &&
      v !== '' &&
      v !== null &&
      v !== undefined
    )
      c[key] = Number(v);
    else if (typeof v === 'string' && /^[a-z]{1,16}$/.test(v)) c[key] = v;
  }
  return c as unknown as TrialConfig;
}

/** One lab trial (a configuration at one rung) before trial ids are given out. */
interface Row {
  source: number;
  params: Obj;
  rung: number;
  resource: number;
  dataFraction: number;
  epochs: number;
  state: TrialState;
  value: number | null;
  detail: Obj;
  curve: ImportedPoint[];
}

function finishedStudy(definition: StudyDefinition, rows: Row[], skipped: number, notes: string[]): ImportResult {
  const configIds = new Map<number, number>();
  const configs: TrialConfig[] = [];
  for (const r of rows)
    if (!configIds.has(r.source)) {
      configIds.set(r.source, configs.length);
      configs.push(toConfig(r.params));
    }
  const continues = continuesFromWeights(definition);
  const curves: Record<number, ImportedPoint[]> = {};
  const trials: TrialRecord[] = rows.map((r, trialId) => {
    const configId = configIds.get(r.source)!;
    let previous = -1;
    if (continues)
      for (let i = 0; i < trialId; i++) if (rows[i].source === r.source && rows[i].rung < r.rung) previous = i;
    if (r.curve.length > 0) curves[trialId] = r.curve;
    return {
      trialId,
      configId,
      bracket: 0,
      rung: r.rung,
      resource: r.resource,
      dataFraction: r.dataFraction,
      epochs: r.epochs,
      resumeFrom: previous >= 0 ? previous : null,
      startEpochs: previous >= 0 ? rows[previous].epochs : 0,
      state: r.state,
      attempts: 1,
      valAccuracy: r.value,
      valLoss: num(r.detail.valLoss),
      durationMs: num(r.detail.durationMs),
      imagesPerSecond: num(r.detail.imagesPerSecond),
      backend:
        typeof r.detail.backend === 'string' && /^[a-z0-9-]{1,24}$/.test(r.detail.backend)
          ? r.detail.backend
          : 'external',
      error:
        r.state === 'failed'
          ? { code: 'EXTERNAL_FAILED', message: `the external trial behind configuration ${configId} failed` }
          : null,
    };
  });
  const resources = [...new Map(rows.map((r) => [r.rung, r.resource])).entries()].sort((a, b) => a[0] - b[0]);
  const plan = resources.map(([rung, resource]) => ({
    rung,
    resource,
    numTrials: rows.filter((r) => r.rung === rung).length,
  }));
  const last = plan.length > 0 ? plan[plan.length - 1].rung : 0;
  return {
    ok: true,
    skipped,
    notes,
    curves,
    state: {
      definition,
      configs,
      brackets: [{ bracket: 0, plan, configIds: configs.map((_, i) => i), rung: last, done: true }],
      asha: null,
      trials,
      plan,
      rung: last,
      phase: 'finished',
    },
  };
}

function curveOf(raw: unknown): ImportedPoint[] {
  if (!Array.isArray(raw)) return [];
  return raw.slice(0, MAX_POINTS).flatMap((p) => {
    const [step, epoch, loss, accuracy] = Array.isArray(p) ? p.map(num) : [];
    return step !== null && epoch !== null && loss !== null && accuracy !== null
      ? [{ step, epoch, loss, accuracy }]
      : [];
  });
}

/** Version 2: each trial's rungs from its intermediate values (the pruner's truth) and its rung records. */
function rowsFromV2(
  file: Obj,
  fallback: StudyDefinition,
): { definition: StudyDefinition; rows: Row[]; skipped: number; notes: string[] } | string {
  const parsed = parseStudy(file.definition);
  const definition = parsed.ok ? parsed.study : fallback;
  const notes = parsed.ok
    ? []
    : [`the file's study definition was invalid (${parsed.error}); read with the current study's`];
  let ladder: OptunaRung[];
  try {
    ladder = optunaLadder(definition);
  } catch (e) {
    return `its study has no valid rung ladder (${e instanceof Error ? e.message : String(e)})`;
  }
  const trials = (file.trials as unknown[]).filter(isObj).sort((a, b) => Number(a.number) - Number(b.number));
  const rows: Row[] = [];
  let skipped = 0;
  for (const t of trials) {
    const number = num(t.number);
    if (number === null || !isObj(t.intermediate)) return 'a trial has no number or no intermediate values';
    const source = num(t.retrains) ?? number;
    const params = isObj(t.params) ? t.params : {};
    const details = Array.isArray(t.rungs) ? t.rungs.filter(isObj) : [];
    const steps = new Set([...Object.keys(t.intermediate).map(Number), ...details.map((d) => Number(d.step))]);
    const reached: Row[] = [];
    for (const step of [...steps].sort((a, b) => a - b)) {
      const rung = ladder.find((r) => r.step === step);
      if (!rung)
        return `trial ${number} reported at step ${step}, which is not a rung of study "${definition.name}" (steps ${ladder.map((r) => r.step).join(', ')})`;
      const detail = details.find((d) => Number(d.step) === step) ?? {};
      const value = num(t.intermediate[String(step)]);
      const state: TrialState = detail.diverged === true ? 'diverged' : value === null ? 'failed' : 'completed';
      reached.push({
        source,
        params,
        rung: rung.rung,
        resource: rung.resource,
        dataFraction: rung.dataFraction,
        epochs: rung.epochs,
        state,
        value: state === 'completed' ? value : null,
        detail,
        curve: curveOf(detail.curve),
      });
    }
    // A failed trial failed on the rung after its last report (a retrained one on the last rung).
    const after = reached.length > 0 ? reached[reached.length - 1].rung : -1;
    const next =
      num(t.retrains) === null ? ladder.find((r) => r.rung > after) : after < 0 ? ladder[ladder.length - 1] : undefined;
    if (t.state === 'FAIL' && next)
      reached.push({ source, params, ...next, state: 'failed', value: null, detail: {}, curve: [] });
    if (t.state !== 'COMPLETE') skipped++;
    rows.push(...reached);
  }
  return { definition, rows, skipped, notes };
}

/** Version 1 and CSV: one value per trial, shown as one rung at the full resource. */
function flatRows(items: { params: Obj; value: number | null; state: string }[]): Row[] {
  return items.map((r, i) => ({
    source: i,
    params: r.params,
    rung: 0,
    resource: 1,
    dataFraction: 1,
    epochs: toConfig(r.params).epochs,
    detail: {},
    curve: [],
    state: r.value === null ? (r.state === 'PRUNED' ? 'cancelled' : 'failed') : 'completed',
    value: r.value,
  }));
}

/** Optuna writes booleans as True/False (pandas); the lab's on/off parameters are 1/0. */
const cellValue = (cell: string): unknown => (cell === 'True' ? 1 : cell === 'False' ? 0 : cell);

/**
 * One row per trial, as Optuna's study.trials_dataframe().to_csv() writes it (an index column,
 * number, value, datetimes, params_*, user_attrs_* holding quoted JSON with commas and newlines,
 * state) or as the lab's own trials CSV. Parsed by papaparse (RFC 4180), a byte-order mark dropped.
 */
function rowsFromCsv(text: string): { params: Obj; value: number | null; state: string }[] | string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(body, { header: false, skipEmptyLines: 'greedy' });
  const error = parsed.errors[0];
  if (error)
    return `the CSV is malformed at row ${error.row === undefined ? '?' : error.row + 1} (${error.message.replace(/[^A-Za-z0-9 ,.'()-]/g, '')})`;
  const [header, ...rows] = parsed.data.map((r) => r.map((c) => c.trim()));
  if (!header || rows.length === 0) return 'the CSV has no data rows';
  const valueAt = header.findIndex((h) => h === 'value' || h === 'valAccuracy');
  if (valueAt < 0) return 'the CSV needs a "value" (or "valAccuracy") column';
  const stateAt = header.indexOf('state');
  const uneven = rows.findIndex((r) => r.length !== header.length);
  if (uneven >= 0) return `row ${uneven + 2} has ${rows[uneven].length} fields where the header has ${header.length}`;
  return rows.map((cells) => {
    // Own keys only, empty cells left out: a conditional parameter Optuna did not sample is NaN there.
    const params: Obj = Object.fromEntries(
      header.flatMap((h, i) => (cells[i] === '' ? [] : [[h.replace(/^params_/, ''), cellValue(cells[i])]])),
    );
    const value = Number(cells[valueAt]);
    return {
      params,
      value: cells[valueAt] !== '' && Number.isFinite(value) ? value : null,
      state: stateAt >= 0 ? cells[stateAt].toUpperCase() : 'COMPLETE',
    };
  });
}

/** `definition`: the study the external run came from, used when the file does not carry a valid one. */
export function importResults(text: string, definition: StudyDefinition): ImportResult {
  const fail = (why: string): ImportResult => ({ ok: false, error: `The results could not be imported: ${why}.` });
  if (text.length > MAX_IMPORT_CHARS)
    return fail(
      `the file is ${(text.length / 2 ** 20).toFixed(0)} MiB, more than the ${MAX_IMPORT_CHARS / 2 ** 20} MiB a results file may have`,
    );
  if (
    !text
      .replace(/^\uFEFF/, '')
      .trimStart()
      .startsWith('{')
  ) {
    const items = rowsFromCsv(text);
    if (typeof items === 'string') return fail(items);
    if (items.length > MAX_TRIALS) return fail('more than 100,000 trials');
    return finishedStudy(definition, flatRows(items), items.filter((r) => r.value === null).length, []);
  }
  let file: unknown;
  try {
    file = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return fail('the file is not valid JSON');
  }
  if (!isObj(file) || file.format !== OPTUNA_RESULTS_FORMAT)
    return fail('not a results file written by the exported script (format field missing)');
  if (file.version !== undefined && !RESULTS_VERSIONS.includes(file.version as number)) {
    const v =
      typeof file.version === 'number' && Number.isInteger(file.version)
        ? `version ${file.version}`
        : 'an unknown version';
    return fail(
      `it is results format ${v}, and this lab reads versions ${RESULTS_VERSIONS.join(' and ')}${typeof file.version === 'number' && file.version > 2 ? ' (it was written by a newer exporter: update the lab)' : ''}`,
    );
  }
  if (!Array.isArray(file.trials)) return fail('it has no trials list');
  if (file.trials.length === 0) return fail('the file holds no trials');
  if (file.trials.length > MAX_TRIALS) return fail('more than 100,000 trials');
  if (file.version === 2) {
    const v2 = rowsFromV2(file, definition);
    if (typeof v2 === 'string') return fail(v2);
    if (v2.rows.length === 0) return fail('no trial finished a rung yet');
    return finishedStudy(v2.definition, v2.rows, v2.skipped, v2.notes);
  }
  const items = file.trials.map((t) => {
    const r = isObj(t) ? t : {};
    return { params: isObj(r.params) ? r.params : {}, value: num(r.value), state: String(r.state ?? 'COMPLETE') };
  });
  return finishedStudy(definition, flatRows(items), items.filter((r) => r.value === null).length, []);
}
