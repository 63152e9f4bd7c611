// A results CSV, one row per trial: Optuna's study.trials_dataframe().to_csv() (an index column,
// number, value, datetimes, params_*, user_attrs_* holding quoted JSON with commas and newlines,
// state) or the lab's own trials CSV (./trialsCsv). Bounded before parsing (./textLimits), then
// parsed by papaparse (RFC 4180) one row at a time, keeping only the cells a trial needs.
import Papa from 'papaparse';
import { DEFAULT_FIXED } from '../searchSpace/searchSpace';
import { csvLimitProblem, withoutBom } from './textLimits';

export interface CsvTrial {
  /** Row number in the file (the header is row 1), for messages. */
  row: number;
  params: Record<string, string>;
  value: string;
  state: string;
}

const PARAMS = new Set(Object.keys(DEFAULT_FIXED));
const clean = (s: string) => s.replace(/[^A-Za-z0-9 ,.'()-]/g, '');

/** The rows' parameter cells (empty ones left out: a parameter Optuna did not sample), value and state; or why not. */
export function readResultsCsv(text: string): CsvTrial[] | string {
  const body = withoutBom(text);
  const limit = csvLimitProblem(body);
  if (limit) return limit;
  let header: string[] | null = null;
  let columns: { at: number; name: string }[] = [];
  let valueAt = -1,
    stateAt = -1;
  let problem: string | null = null;
  const trials: CsvTrial[] = [];
  let row = 0;
  Papa.parse<string[]>(body, {
    header: false,
    skipEmptyLines: 'greedy',
    step: (results, parser) => {
      row++;
      const error = results.errors[0];
      if (error) {
        problem = `the CSV is malformed at row ${row} (${clean(error.message)})`;
        return parser.abort();
      }
      const cells = results.data.map((c) => c.trim());
      if (!header) {
        header = cells;
        valueAt = header.findIndex((h) => h === 'value' || h === 'valAccuracy');
        stateAt = header.indexOf('state');
        // A later column of one name wins: the lab's CSV has the trial's epochs, then the configuration's.
        const byName = new Map<string, number>();
        header.forEach((h, i) => {
          const name = h.replace(/^params_/, '');
          if (PARAMS.has(name)) byName.set(name, i);
        });
        columns = [...byName].map(([name, at]) => ({ name, at }));
        return;
      }
      if (cells.length !== header.length) {
        problem = `row ${row} has ${cells.length} fields where the header has ${header.length}`;
        return parser.abort();
      }
      const params: Record<string, string> = {};
      for (const c of columns) if (cells[c.at] !== '') params[c.name] = cells[c.at];
      trials.push({
        row,
        params,
        value: valueAt >= 0 ? cells[valueAt] : '',
        state: stateAt >= 0 ? cells[stateAt] : 'COMPLETE',
      });
    },
  });
  if (problem) return problem;
  if (!header || trials.length === 0) return 'the CSV has no data rows';
  if (valueAt < 0) return 'the CSV needs a "value" (or "valAccuracy") column';
  return trials;
}
