// `bench:table --check`: the table's schema and counts, and that no code outside the report
// reads the test field (`report`, `testAccuracy`): selection, the simulator and the meta-model
// must never see it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { rowKey, type TableRow } from '../../src/core/groundTruth/learningCurveTable';
import { tableHeader, tableUnits, topRepeatUnits, type TableSettings } from '../../src/core/groundTruth/tablePlan';
import { readTableFile } from './tableFile';

const ROOT = join(import.meta.dirname, '..', '..');
/** The only files allowed to read a row's test field: the builder writes it, the report prints it. */
export const REPORT_READERS = [
  'bench/table/tableTrainer.ts',
  'bench/table/checkTable.ts',
  'bench/table/tableReport.ts',
  'src/core/groundTruth/learningCurveTable.ts',
];

function rowProblems(r: TableRow, epochs: number): string[] {
  const at = rowKey(r.configId, r.replicate, r.dataFraction);
  const problems: string[] = [];
  if (r.status === 'completed' && r.curve.length !== epochs)
    problems.push(`${at}: ${r.curve.length} epochs, expected ${epochs}`);
  r.curve.forEach((e, i) => {
    if (e.epoch !== i + 1) problems.push(`${at}: epoch ${e.epoch} at position ${i + 1}`);
    if (!(e.valAccuracy >= 0 && e.valAccuracy <= 1))
      problems.push(`${at}: epoch ${e.epoch} has validation accuracy ${e.valAccuracy}`);
    if (r.status === 'completed' && !e.probes) problems.push(`${at}: epoch ${e.epoch} has no probes`);
    const last = i === r.curve.length - 1 && r.status === 'completed';
    if (last && e.probes && (e.probes.topEigenvalue === undefined || e.probes.hessianTrace === undefined))
      problems.push(`${at}: the last epoch has no Hessian probes`);
  });
  if (r.status === 'completed' && r.initGradientNorm === null) problems.push(`${at}: no gradient norm at init`);
  if (r.status === 'completed' && !r.report) problems.push(`${at}: no report-only test accuracy`);
  return problems;
}

/** Source files (under src/ and bench/) that read a row's test field, outside REPORT_READERS. */
export function testFieldReaders(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'node_modules') walk(path);
        continue;
      }
      if (!/\.(ts|tsx)$/.test(name) || name.endsWith('.test.ts')) continue;
      const rel = relative(ROOT, path);
      if (REPORT_READERS.includes(rel)) continue;
      if (/\.report\??\.testAccuracy|\.report\??\.testLoss|testAccuracy\s*[,}]/.test(readFileSync(path, 'utf8')))
        found.push(rel);
    }
  };
  for (const dir of ['src/core/groundTruth', 'src/core/metaModel', 'src/ui/replay', 'scripts', 'bench'])
    walk(join(ROOT, dir));
  return found;
}

/** What --check found: problems fail it; pending rows (the top repeats not trained yet) do not. */
export interface TableCheck {
  problems: string[];
  pending: string[];
}

export function checkTable(path: string, settings: TableSettings): TableCheck {
  const table = readTableFile(path);
  const expected = tableHeader(settings);
  const problems: string[] = [];
  if (JSON.stringify(table.header) !== JSON.stringify(expected))
    problems.push("the header differs from the builder's settings");
  const have = new Map<string, TableRow>();
  for (const r of table.rows) {
    const key = rowKey(r.configId, r.replicate, r.dataFraction);
    if (have.has(key)) problems.push(`${key}: appears twice`);
    have.set(key, r);
    problems.push(...rowProblems(r, table.header.epochs));
  }
  const planned = tableUnits(expected, settings);
  const missing = planned.filter((u) => !have.has(u.key));
  if (missing.length > 0)
    problems.push(
      `${missing.length} rows missing, first ${missing
        .slice(0, 3)
        .map((u) => u.key)
        .join(', ')}`,
    );
  // The top repeats are optional: a table without them is complete, one with them must hold only them.
  const top = topRepeatUnits(expected, settings, table.rows);
  const allowed = new Set([...planned, ...top].map((u) => u.key));
  for (const key of have.keys()) if (!allowed.has(key)) problems.push(`${key}: not a planned row or top repeat`);
  for (const u of top) {
    const r = have.get(u.key);
    if (r && (r.seed !== u.seed || r.status !== 'completed'))
      problems.push(`${u.key}: ${r.status} with seed ${r.seed}, expected a completed run with seed ${u.seed}`);
  }
  const waiting = top.filter((u) => !have.has(u.key));
  const pending =
    waiting.length > 0
      ? [
          `${waiting.length} of ${top.length} top repeats not trained yet (${waiting
            .slice(0, 3)
            .map((u) => u.key)
            .join(', ')}${waiting.length > 3 ? ', ...' : ''}): npm run bench:table -- --top-repeats`,
        ]
      : [];
  for (const file of testFieldReaders()) problems.push(`${file} reads the report-only test field`);
  return { problems, pending };
}
