// Vite plugin that ships the product's learning-curve table (./productTable.ts) to the page as a
// lazily loaded module, `virtual:learning-curve-table`: the page replays real-fidelity studies over
// it with no training. A copy that still holds a test field fails the build; a checkout without the
// table ships null and the page says so. The dev server reads the table once: a copy that
// `bench:table` rewrites meanwhile must not reload a page in the middle of a study.
import { existsSync, readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { parseTable } from '../src/core/groundTruth/learningCurveTable.ts';

/** The shipped table's JSON lines, or null where there is none; throws on a copy with test results. */
export function shippedTableText(path: string): string | null {
  if (!existsSync(path)) return null;
  const text = readFileSync(path, 'utf8');
  const leaked = parseTable(text).table.rows.filter((r) => r.report !== null).length;
  if (leaked > 0)
    throw new Error(`${path}: ${leaked} row(s) carry a test field; rewrite it with \`npm run bench:table -- --check\``);
  return text;
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

const ID = 'virtual:learning-curve-table';
const RESOLVED = `\0${ID}`;
