// The product's copy of the learning-curve table (src/data/learningCurveTable.jsonl): what the page
// replays real-fidelity studies over. `npm run bench:table` writes it from the benchmark's table
// (bench/table) with every row's test field emptied, so the build never reads bench/ and the page
// cannot read test accuracy.
import { join } from 'node:path';
import { parseTable } from '../src/core/groundTruth/learningCurveTable.ts';

export const PRODUCT_TABLE_PATH = join(import.meta.dirname, '..', 'src', 'data', 'learningCurveTable.jsonl');

/** The table as JSON lines (header, then rows), every row's test field emptied and nothing else changed. */
export function productTableText(tableText: string): string {
  const { header, rows } = parseTable(tableText).table;
  return [header, ...rows.map((r) => ({ ...r, report: null }))].map((v) => `${JSON.stringify(v)}\n`).join('');
}
