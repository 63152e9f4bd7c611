// Results from an external engine back into the lab: the JSON the exported Optuna script writes, or
// a CSV with one row per trial (hyperparameter columns plus "value"), as a finished StudyState so
// the same charts and the meta-model work on them. Validated; bad files get a message.
import { DEFAULT_FIXED, type TrialConfig } from './searchSpace';
import type { StudyDefinition } from './studyDefinition';
import type { StudyState, TrialRecord } from './studyMachine';

export type ImportResult = { ok: true; state: StudyState; skipped: number } | { ok: false; error: string };

interface Row { params: Record<string, unknown>; value: number | null; state: string }

function toConfig(params: Record<string, unknown>): TrialConfig {
  const c: Record<string, unknown> = { ...DEFAULT_FIXED };
  for (const key of Object.keys(DEFAULT_FIXED)) {
    const v = params[key];
    if (typeof DEFAULT_FIXED[key as keyof TrialConfig] === 'number' && Number.isFinite(Number(v)) && v !== '' && v !== null && v !== undefined) c[key] = Number(v);
    else if (typeof v === 'string' && /^[a-z]{1,16}$/.test(v)) c[key] = v;
  }
  return c as unknown as TrialConfig;
}

function rowsFromJson(raw: unknown): Row[] | string {
  const r = raw as { format?: unknown; trials?: unknown };
  if (typeof raw !== 'object' || raw === null || r.format !== 'loss-landscape-probe/optuna-results') return 'not a results file written by the exported script (format field missing)';
  if (!Array.isArray(r.trials)) return 'it has no trials list';
  return r.trials.map((t: { params?: unknown; value?: unknown; state?: unknown }) => ({
    params: typeof t.params === 'object' && t.params !== null ? (t.params as Record<string, unknown>) : {},
    value: typeof t.value === 'number' && Number.isFinite(t.value) ? t.value : null,
    state: String(t.state ?? 'COMPLETE'),
  }));
}

function rowsFromCsv(text: string): Row[] | string {
  const lines = text.trim().split(/\r?\n/);
  if (lines.length < 2) return 'the CSV has no data rows';
  const header = lines[0].split(',').map((h) => h.trim());
  const valueAt = header.findIndex((h) => h === 'value' || h === 'valAccuracy');
  if (valueAt < 0) return 'the CSV needs a "value" (or "valAccuracy") column';
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    const params = Object.fromEntries(header.map((h, i) => [h.replace(/^params_/, ''), cells[i]]));
    const value = Number(cells[valueAt]);
    return { params, value: cells[valueAt] !== '' && Number.isFinite(value) ? value : null, state: params.state ? String(params.state).toUpperCase() : 'COMPLETE' };
  });
}

/** `definition` supplies the search space and budget the external run used (the exported study). */
export function importResults(text: string, definition: StudyDefinition): ImportResult {
  let rows: Row[] | string;
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    try { rows = rowsFromJson(JSON.parse(trimmed)); } catch { rows = 'the file is not valid JSON'; }
  } else rows = rowsFromCsv(text);
  if (typeof rows === 'string') return { ok: false, error: `The results could not be imported: ${rows}.` };
  if (rows.length === 0) return { ok: false, error: 'The results could not be imported: the file holds no trials.' };
  if (rows.length > 100_000) return { ok: false, error: 'The results could not be imported: more than 100,000 trials.' };
  const configs = rows.map((r) => toConfig(r.params));
  const trials: TrialRecord[] = rows.map((r, i) => ({
    trialId: i, configId: i, bracket: 0, rung: 0, resource: 1, dataFraction: 1, epochs: configs[i].epochs, resumeFrom: null, startEpochs: 0,
    state: r.value === null ? (r.state === 'PRUNED' ? 'cancelled' : 'failed') : 'completed', attempts: 1,
    valAccuracy: r.value, valLoss: null, durationMs: null, imagesPerSecond: null, backend: 'external', error: null,
  }));
  const plan = [{ rung: 0, numTrials: rows.length, resource: 1 }];
  return {
    ok: true,
    skipped: rows.filter((r) => r.value === null).length,
    state: { definition, configs, brackets: [{ bracket: 0, plan, configIds: configs.map((_, i) => i), rung: 0, done: true }], asha: null, trials, plan, rung: 0, phase: 'finished' },
  };
}
