// Results from an external engine back into the lab as a finished StudyState, so the same ladder,
// curves, charts and meta-model work on them. The exported Optuna worker's results file, version 2,
// gives every rung of every trial (pruned ones too) with its training curve: each Optuna step is a
// rung of ./optunaStudy's ladder. Version 1 files and CSVs (hyperparameter columns and "value") give
// one value per trial. Validated and size-bounded; a bad file gets a message, never an exception.
import { OPTUNA_RESULTS_FORMAT, optunaLadder, type OptunaRung } from './optunaStudy';
import { continuesFromWeights } from '../schedulers/schedule';
import type { TrialConfig } from '../searchSpace/searchSpace';
import type { StudyDefinition } from '../study/studyDefinition';
import type { StudyState, TrialRecord, TrialState } from '../study/studyMachine';
import { parseStudy } from '../link/urlState';
import { describeValue } from '../study/studySchema';
import { checkStudyState, curvePointSchema, outsideSpace, perTrialFacts } from '../study/studyStateSchema';
import { readJsonBounded } from './textLimits';
import { readResultsCsv } from './resultsCsv';
import { readParams, readValue } from './resultParams';
import { z } from 'zod';
import { MAX_CONFIGURATIONS, MAX_TRIALS as MAX_PLANNED_TRIALS } from '../schedulers/planLimits';
import type { LossPoint } from '../lossPoint';

export type ImportResult =
  | { ok: true; state: StudyState; curves: Record<number, LossPoint[]>; skipped: number; notes: string[] }
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

/** One lab trial (a configuration at one rung) before trial ids are given out. */
interface Row {
  source: number;
  config: TrialConfig;
  rung: number;
  resource: number;
  dataFraction: number;
  epochs: number;
  state: TrialState;
  value: number | null;
  detail: Obj;
  curve: LossPoint[];
}

function finishedStudy(definition: StudyDefinition, rows: Row[], skipped: number, notes: string[]): ImportResult {
  const configIds = new Map<number, number>();
  const configs: TrialConfig[] = [];
  for (const r of rows)
    if (!configIds.has(r.source)) {
      configIds.set(r.source, configs.length);
      configs.push(r.config);
    }
  const continues = continuesFromWeights(definition);
  const curves: Record<number, LossPoint[]> = {};
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

type Read<T> = T | { problem: string };
const failed = (x: unknown): x is { problem: string } => isObj(x) && typeof x.problem === 'string';

/** A rung's training curve: [step, epoch, loss, accuracy] points, each checked like a saved curve's. */
function curveOf(raw: unknown, where: string): Read<LossPoint[]> {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) return { problem: `${where}: expected a list of points, got ${describeValue(raw)}` };
  const points: LossPoint[] = [];
  for (const [i, p] of raw.slice(0, MAX_POINTS).entries()) {
    const point = Array.isArray(p) && p.length === 4 ? { step: p[0], epoch: p[1], loss: p[2], accuracy: p[3] } : p;
    const parsed = curvePointSchema.safeParse(point);
    if (!parsed.success || !isObj(point)) {
      const issue = parsed.error?.issues[0];
      const field = issue?.path[0];
      const got = typeof field === 'string' && isObj(point) ? describeValue(point[field]) : describeValue(p);
      return {
        problem: `${where}[${i}]${typeof field === 'string' ? `.${field}` : ''}: ${issue?.message ?? 'expected [step, epoch, loss, accuracy]'}, got ${got}`,
      };
    }
    points.push(parsed.data);
  }
  return points;
}

const ladderSteps = (ladder: OptunaRung[]) => ladder.map((r) => r.step).join(', ');
const trialNumber = z.int().min(0).max(1e9);

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
  const raw = file.trials as unknown[];
  const bad = raw.findIndex((t) => !isObj(t) || !trialNumber.safeParse(t.number).success);
  if (bad >= 0) {
    const t = raw[bad];
    return `trials[${bad}]${isObj(t) ? `.number: expected a whole number of at least 0, got ${describeValue(t.number)}` : `: expected a trial, got ${describeValue(t)}`}`;
  }
  const trials = (raw as Obj[])
    .map((t, i) => ({ t, i }))
    .sort((a, b) => (a.t.number as number) - (b.t.number as number));
  const numbers = new Set<number>();
  for (const { t, i } of trials) {
    if (numbers.has(t.number as number)) return `trials[${i}].number: ${t.number} is given to two trials`;
    numbers.add(t.number as number);
  }
  const rows: Row[] = [];
  let skipped = 0;
  for (const { t, i } of trials) {
    const where = `trials[${i}]`;
    const number = t.number as number;
    if (!isObj(t.intermediate))
      return `${where}.intermediate: expected an object of step: value, got ${describeValue(t.intermediate)}`;
    const retrains = t.retrains === undefined || t.retrains === null ? null : t.retrains;
    if (retrains !== null && !(typeof retrains === 'number' && numbers.has(retrains) && retrains !== number))
      return `${where}.retrains: expected the number of another trial in the file, got ${describeValue(retrains)}`;
    const source = retrains ?? number;
    const config = readParams(t.params, where);
    if (!config.ok) return config.problem;
    const outside = outsideSpace(config.config, definition.space);
    if (outside) return `${where}.params.${outside}`;
    if (t.rungs !== undefined && !Array.isArray(t.rungs))
      return `${where}.rungs: expected a list, got ${describeValue(t.rungs)}`;
    const details = (t.rungs ?? []) as unknown[];
    const notRung = details.findIndex((d) => !isObj(d) || !ladder.some((r) => r.step === d.step));
    if (notRung >= 0) {
      const d = details[notRung];
      return `${where}.rungs[${notRung}].step: expected a rung of study "${definition.name}" (steps ${ladderSteps(ladder)}), got ${describeValue(isObj(d) ? d.step : d)}`;
    }
    const reached: Row[] = [];
    for (const rung of ladder) {
      const key = String(rung.step);
      const reported = Object.hasOwn(t.intermediate, key);
      const detail = (details as Obj[]).find((d) => d.step === rung.step);
      if (!reported && !detail) continue;
      const value = readValue(reported ? t.intermediate[key] : null, `${where}.intermediate.${key}`);
      if (!value.ok) return value.problem;
      const curve = curveOf(detail?.curve, `${where}.rungs.curve`);
      if (failed(curve)) return curve.problem;
      const state: TrialState = detail?.diverged === true ? 'diverged' : value.value === null ? 'failed' : 'completed';
      reached.push({
        source,
        config: config.config,
        rung: rung.rung,
        resource: rung.resource,
        dataFraction: rung.dataFraction,
        epochs: rung.epochs,
        state,
        value: state === 'completed' ? value.value : null,
        detail: detail ?? {},
        curve,
      });
    }
    const unknownStep = Object.keys(t.intermediate).find((k) => !ladder.some((r) => String(r.step) === k));
    if (unknownStep !== undefined)
      return `trial ${number} reported at step ${/^[0-9]{1,12}$/.test(unknownStep) ? unknownStep : 'a step with an unusual name'}, which is not a rung of study "${definition.name}" (steps ${ladderSteps(ladder)})`;
    // A failed trial failed on the rung after its last report (a retrained one on the last rung).
    const after = reached.length > 0 ? reached[reached.length - 1].rung : -1;
    const next =
      retrains === null ? ladder.find((r) => r.rung > after) : after < 0 ? ladder[ladder.length - 1] : undefined;
    if (t.state === 'FAIL' && next)
      reached.push({ source, config: config.config, ...next, state: 'failed', value: null, detail: {}, curve: [] });
    if (t.state !== 'COMPLETE') skipped++;
    rows.push(...reached);
  }
  return { definition, rows, skipped, notes };
}

interface FlatItem {
  config: TrialConfig;
  value: number | null;
  state: string;
}

/** Version 1 and CSV: one value per trial, shown as one rung at the full resource. */
function flatRows(items: FlatItem[]): Row[] {
  return items.map((r, i) => ({
    source: i,
    config: r.config,
    rung: 0,
    resource: 1,
    dataFraction: 1,
    epochs: r.config.epochs,
    detail: {},
    curve: [],
    state: r.value === null ? (r.state === 'PRUNED' ? 'cancelled' : 'failed') : 'completed',
    value: r.value,
  }));
}

/** Optuna's trial states and the lab's own (its trials CSV), as written. */
const STATES = new Set([
  'COMPLETE',
  'PRUNED',
  'FAIL',
  'RUNNING',
  'WAITING',
  ...['queued', 'running', 'completed', 'diverged', 'failed', 'cancelled'].map((s) => s.toUpperCase()),
]);

function flatItem(
  params: unknown,
  value: unknown,
  state: unknown,
  where: string,
  definition: StudyDefinition,
): Read<FlatItem> {
  const s = state === undefined || state === null ? 'COMPLETE' : typeof state === 'string' ? state.toUpperCase() : '';
  if (!STATES.has(s))
    return {
      problem: `${where}.state: expected an Optuna state (COMPLETE, PRUNED, FAIL) or a lab trial state, got ${describeValue(state)}`,
    };
  const config = readParams(params, where);
  if (!config.ok) return { problem: config.problem };
  const outside = outsideSpace(config.config, definition.space);
  if (outside) return { problem: `${where}.params.${outside}` };
  const v = readValue(value, `${where}.value`);
  if (!v.ok) return { problem: v.problem };
  return { config: config.config, value: v.value, state: s };
}

/** The study the import shows, checked as a saved record is, so what is shown is what is saved and reopened. */
function checkedStudy(r: Extract<ImportResult, { ok: true }>): ImportResult {
  const { definition, ...rest } = r.state;
  // The caps a study from a link has: the charts and the meta-model are built for studies this size.
  if (rest.configs.length > MAX_CONFIGURATIONS || rest.trials.length > MAX_PLANNED_TRIALS)
    return {
      ok: false,
      error: `The results could not be imported: they hold ${rest.configs.length} configurations in ${rest.trials.length} trials; a study has at most ${MAX_CONFIGURATIONS} configurations and ${MAX_PLANNED_TRIALS} trials.`,
    };
  const state = checkStudyState(rest, definition.space);
  if (!state.ok) return { ok: false, error: `The results could not be imported: ${state.problems[0]}.` };
  const curves = perTrialFacts(r.curves, 'curves', r.state.trials.length, z.array(curvePointSchema));
  if (!curves.ok) return { ok: false, error: `The results could not be imported: ${curves.problem}.` };
  return { ...r, state: { ...state.state, definition } };
}

/** `definition`: the study the external run came from, used when the file does not carry a valid one. */
export function importResults(text: string, definition: StudyDefinition): ImportResult {
  try {
    const r = importUnchecked(text, definition);
    return r.ok ? checkedStudy(r) : r;
  } catch (e) {
    // Defence in depth: every path above returns its own message.
    return {
      ok: false,
      error: `The results could not be imported (unexpected error: ${e instanceof Error ? e.name : 'unknown'}).`,
    };
  }
}

function importUnchecked(text: string, definition: StudyDefinition): ImportResult {
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
    const rows = readResultsCsv(text);
    if (typeof rows === 'string') return fail(rows);
    if (rows.length > MAX_TRIALS) return fail('more than 100,000 trials');
    const items: FlatItem[] = [];
    for (const row of rows) {
      const item = flatItem(row.params, row.value, row.state, `row ${row.row}`, definition);
      if (failed(item)) return fail(item.problem);
      items.push(item);
    }
    return finishedStudy(definition, flatRows(items), items.filter((r) => r.value === null).length, []);
  }
  const read = readJsonBounded(text, MAX_IMPORT_CHARS);
  if (!read.ok) return fail(read.error);
  const file = read.value;
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
    if (v2.rows.length > MAX_TRIALS) return fail('more than 100,000 trials once every rung is counted');
    return finishedStudy(v2.definition, v2.rows, v2.skipped, v2.notes);
  }
  const items: FlatItem[] = [];
  for (const [i, t] of (file.trials as unknown[]).entries()) {
    if (!isObj(t)) return fail(`trials[${i}]: expected a trial, got ${describeValue(t)}`);
    const item = flatItem(t.params, t.value, t.state, `trials[${i}]`, definition);
    if (failed(item)) return fail(item.problem);
    items.push(item);
  }
  return finishedStudy(definition, flatRows(items), items.filter((r) => r.value === null).length, []);
}
