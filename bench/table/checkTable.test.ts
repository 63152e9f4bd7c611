// bench:table --check accepts the table without and with the top repeats, and refuses a row that is
// neither planned nor a top repeat, or a top repeat with the wrong seed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TableRow } from '../../src/core/groundTruth/learningCurveTable';
import { TOP_REPEAT_CONFIGS, TOP_REPEAT_SEEDS, topRepeatUnits } from '../../src/core/groundTruth/tablePlan';
import { FIXTURE_SETTINGS, learningCurveFixture } from '../../src/testing/learningCurveFixture';
import { checkTable } from './checkTable';
import { appendRow } from './tableFile';

const dir = mkdtempSync(join(tmpdir(), 'check-table-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const table = learningCurveFixture();
const top = topRepeatUnits(table.header, FIXTURE_SETTINGS, table.rows);
/** A top repeat's row: the configuration's own full-fidelity row under the repeat's replicate and seed. */
const repeatRow = (i: number, seed = top[i].seed): TableRow => {
  const own = table.rows.find((r) => r.configId === top[i].configId && r.replicate === 0 && r.dataFraction === 1)!;
  return { ...own, status: 'completed', replicate: top[i].replicate, seed };
};
function write(name: string, extra: TableRow[]): string {
  const path = join(dir, name);
  appendRow(path, table.header);
  for (const r of [...table.rows, ...extra]) appendRow(path, r);
  return path;
}

describe('checkTable and the top repeats', () => {
  it('plans two new seeds for each of the 8 best by replicate 0, at full fidelity', () => {
    const full = table.rows.filter((r) => r.replicate === 0 && r.dataFraction === 1);
    const acc = (r: TableRow) => (r.status === 'completed' ? r.curve[3].valAccuracy : 0);
    const best8 = [...full].sort((a, b) => acc(b) - acc(a)).slice(0, TOP_REPEAT_CONFIGS);
    expect(new Set(top.map((u) => u.configId))).toEqual(new Set(best8.map((r) => r.configId)));
    expect(top).toHaveLength(TOP_REPEAT_CONFIGS * TOP_REPEAT_SEEDS);
    expect(top.every((u) => u.dataFraction === 1)).toBe(true);
    // New replicate numbers: never one the plan already trains.
    const planned = new Set(table.rows.map((r) => `${r.configId}/${r.replicate}`));
    expect(top.some((u) => planned.has(`${u.configId}/${u.replicate}`))).toBe(false);
    expect(new Set(top.map((u) => u.seed)).size).toBe(top.length);
    // Not decidable until every configuration has its full-fidelity row.
    expect(
      topRepeatUnits(
        table.header,
        FIXTURE_SETTINGS,
        table.rows.filter((r) => r !== full[0]),
      ),
    ).toEqual([]);
    // Ranking reads replicate 0 only: adding the repeats does not move it.
    expect(topRepeatUnits(table.header, FIXTURE_SETTINGS, [...table.rows, repeatRow(0)])).toEqual(top);
  });

  it('accepts the table without the top repeats, saying they are pending', () => {
    const { problems, pending } = checkTable(write('without.jsonl.gz', []), FIXTURE_SETTINGS);
    expect(problems).toEqual([]);
    expect(pending.join()).toMatch(/16 of 16 top repeats not trained yet/);
  });

  it('accepts the table with them, and with some of them', () => {
    const all = checkTable(
      write(
        'with.jsonl.gz',
        top.map((_, i) => repeatRow(i)),
      ),
      FIXTURE_SETTINGS,
    );
    expect(all).toEqual({ problems: [], pending: [] });
    const some = checkTable(write('some.jsonl.gz', [repeatRow(0), repeatRow(1)]), FIXTURE_SETTINGS);
    expect(some.problems).toEqual([]);
    expect(some.pending.join()).toMatch(/14 of 16/);
  });

  it('refuses a row outside the plan and a top repeat with another seed', () => {
    const stray = { ...repeatRow(0), replicate: 9 };
    const { problems } = checkTable(write('bad.jsonl.gz', [stray, repeatRow(1, 12345)]), FIXTURE_SETTINGS);
    expect(problems.some((p) => p.includes(`${top[0].configId}/r9/f1.000000: not a planned row`))).toBe(true);
    expect(problems.some((p) => p.includes(`${top[1].key}: completed with seed 12345`))).toBe(true);
  });
});
