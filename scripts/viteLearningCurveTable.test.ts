import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTable } from '../src/core/groundTruth/learningCurveTable';
import { learningCurveFixture } from '../src/testing/learningCurveFixture';
import { appendRow, DEFAULT_TABLE_PATH, readTableText } from '../bench/table/tableFile';
import { PRODUCT_TABLE_PATH, productTableText } from './productTable';
import { shippedTableText } from './viteLearningCurveTable';

/** The fixture as the builder writes it: one gzip member per line. */
function benchTable(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'llp-table-')), 'table.jsonl.gz');
  const { header, rows } = learningCurveFixture();
  appendRow(path, header);
  for (const r of rows) appendRow(path, r);
  return path;
}

const writeText = (text: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'llp-product-')), 'learningCurveTable.jsonl');
  writeFileSync(path, text);
  return path;
};

describe("the product's copy of the learning-curve table", () => {
  it("holds every row of the builder's multi-member gzip file, with the test field emptied and nothing else changed", () => {
    const fixture = learningCurveFixture();
    expect(fixture.rows.some((r) => r.report !== null)).toBe(true);
    const shipped = parseTable(shippedTableText(writeText(productTableText(readTableText(benchTable()))))!).table;
    expect(shipped.header).toEqual(fixture.header);
    expect(shipped.rows).toEqual(fixture.rows.map((r) => ({ ...r, report: null })));
  });

  it('drops a torn last row (a builder killed mid-write)', () => {
    const path = benchTable();
    appendFileSync(path, Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0]));
    expect(parseTable(productTableText(readTableText(path))).table.rows).toHaveLength(
      learningCurveFixture().rows.length,
    );
  });

  it('the build refuses a copy that carries test results, and ships null without one', () => {
    expect(() => shippedTableText(writeText(readTableText(benchTable())))).toThrow(/carry a test field/);
    expect(shippedTableText(join(tmpdir(), 'no-such-table.jsonl'))).toBeNull();
  });
});

describe('src/data/learningCurveTable.jsonl', () => {
  it("is the committed table's product copy (bench:table rewrites it after every row)", () => {
    expect(readFileSync(PRODUCT_TABLE_PATH, 'utf8')).toBe(productTableText(readTableText(DEFAULT_TABLE_PATH)));
  });
});
