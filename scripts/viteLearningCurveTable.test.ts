import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTable } from '../src/core/groundTruth/learningCurveTable';
import { learningCurveFixture } from '../src/testing/learningCurveFixture';
import { appendRow } from '../bench/table/tableFile';
import { shippedTableText } from './viteLearningCurveTable';

function writtenTable(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'llp-table-')), 'table.jsonl.gz');
  const { header, rows } = learningCurveFixture();
  appendRow(path, header);
  for (const r of rows) appendRow(path, r);
  return path;
}

describe('shippedTableText', () => {
  it("ships every row of the builder's multi-member gzip file, with the test field emptied and nothing else changed", () => {
    const fixture = learningCurveFixture();
    expect(fixture.rows.some((r) => r.report !== null)).toBe(true);
    const shipped = parseTable(shippedTableText(writtenTable())!).table;
    expect(shipped.header).toEqual(fixture.header);
    expect(shipped.rows).toEqual(fixture.rows.map((r) => ({ ...r, report: null })));
  });

  it('drops a torn last row (a builder killed mid-write) and ships null without a table', () => {
    const path = writtenTable();
    appendFileSync(path, Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0]));
    expect(parseTable(shippedTableText(path)!).table.rows).toHaveLength(learningCurveFixture().rows.length);
    expect(shippedTableText(join(tmpdir(), 'no-such-table.jsonl.gz'))).toBeNull();
  });
});
