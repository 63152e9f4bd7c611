// The table on disk: JSON lines, each line its own gzip member, appended with one write, so the
// file is a valid gzip stream after every row and a killed writer leaves at most a torn tail.
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  parseTable,
  type LearningCurveTable,
  type TableHeader,
  type TableRow,
} from '../../src/core/groundTruth/learningCurveTable.ts';

export const DEFAULT_TABLE_PATH = join(import.meta.dirname, 'cifar10.table.jsonl.gz');

export function appendRow(path: string, value: TableHeader | TableRow): void {
  appendFileSync(path, gzipSync(Buffer.from(`${JSON.stringify(value)}\n`)));
}

/** The table's JSON lines. A torn last gzip member (a kill mid-write) costs only its row. */
export function readTableText(path: string): string {
  const bytes = readFileSync(path);
  try {
    return gunzipSync(bytes).toString('utf8');
  } catch {
    return gunzipSync(bytes, { finishFlush: 2 /* Z_SYNC_FLUSH: keep what decodes */ }).toString('utf8');
  }
}

export function readTableFile(path: string): LearningCurveTable {
  return parseTable(readTableText(path)).table;
}
