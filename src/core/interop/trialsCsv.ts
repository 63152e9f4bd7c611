// A study's trials as CSV (RFC 4180 quoting), one row per trial with its hyperparameters, for
// spreadsheets and other tools.
import { DEFAULT_FIXED } from '../searchSpace/searchSpace';
import type { StudyState } from '../study/studyMachine';

const TRIAL_COLUMNS = [
  'trialId',
  'configId',
  'bracket',
  'rung',
  'dataFraction',
  'epochs',
  'state',
  'valAccuracy',
  'valLoss',
  'durationMs',
  'imagesPerSecond',
  'backend',
] as const;
const PARAM_COLUMNS = Object.keys(DEFAULT_FIXED) as (keyof typeof DEFAULT_FIXED)[];

const cell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function trialsToCsv(state: StudyState): string {
  const header = [...TRIAL_COLUMNS, ...PARAM_COLUMNS].join(',');
  const rows = state.trials.map((t) => {
    const config = state.configs[t.configId];
    return [...TRIAL_COLUMNS.map((c) => cell(t[c])), ...PARAM_COLUMNS.map((p) => cell(config[p]))].join(',');
  });
  return [header, ...rows].join('\n') + '\n';
}
