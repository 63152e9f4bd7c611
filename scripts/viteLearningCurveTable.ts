// Vite plugin that ships the learning-curve table (bench/table, `npm run bench:table`) to the page
// as a lazily loaded module, `virtual:learning-curve-table`: the page replays real-fidelity studies
// over it with no training. The report-only test field is dropped here, so nothing in the page can
// read it; a checkout without the table ships null and the page says so. The dev server reads the
// table once: rows the builder appends meanwhile must not reload a page in the middle of a study.
import { existsSync } from 'node:fs';
import type { Plugin } from 'vite';
import { parseTable } from '../src/core/groundTruth/learningCurveTable.ts';
import { readTableText } from '../bench/table/tableFile.ts';

const ID = 'virtual:learning-curve-table';
const RESOLVED = `\0${ID}`;

/** The table as JSON lines (header, then rows), every row's test field emptied. */
export function shippedTableText(path: string): string | null {
  if (!existsSync(path)) return null;
  const { header, rows } = parseTable(readTableText(path)).table;
  return [header, ...rows.map((r) => ({ ...r, report: null }))].map((v) => JSON.stringify(v)).join('\n');
}

export function learningCurveTable(path: string): Plugin {
  return {
    name: 'llp-learning-curve-table',
    resolveId: (id) => (id === ID ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      return `export default ${JSON.stringify(shippedTableText(path))};`;
    },
  };
}
