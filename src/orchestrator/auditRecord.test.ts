// Saved audits read back: a real report survives IndexedDB's structured clone (NaN included) and
// passes; damaged or foreign records are refused with a message naming what is wrong.
import { describe, expect, it } from 'vitest';
import { auditStudy, type AuditReport } from './audit';
import { checkAuditRecord } from './auditRecord';
import { scriptedLabels, scriptedStudy, truthOutcome } from '../testing/scriptedStudy';
import { fakePool } from '../testing/fakePool';

async function report(): Promise<AuditReport> {
  const { state, results } = scriptedStudy();
  return auditStudy(state, results, fakePool(truthOutcome), scriptedLabels);
}

describe('checkAuditRecord', () => {
  it('accepts a real report after a structured clone, NaN correlations included', async () => {
    const r = await report();
    r.rules[0].spearman = NaN; // a constant ranking
    const stored = structuredClone({ v: 1, studyId: 'abc-1', savedAt: 5, report: r });
    const checked = checkAuditRecord(stored, 'abc-1');
    expect(checked.ok).toBe(true);
    if (checked.ok) {
      expect(checked.record.report.rows).toHaveLength(8);
      expect(checked.record.report.rules[0].spearman).toBeNaN();
      expect(checked.record.report).toEqual(r);
    }
  });

  it('refuses damaged, foreign and unknown records with a reason', async () => {
    const r = await report();
    const good = { v: 1, studyId: 'abc-1', savedAt: 5, report: r };
    const cases: [unknown, RegExp][] = [
      [undefined, /damaged/],
      ['text', /damaged/],
      [{ ...good, v: 2 }, /damaged.*v/],
      [{ ...good, studyId: 'other-2' }, /belongs to study other-2/],
      [{ ...good, report: { ...r, rows: r.rows.slice(1) } }, /7 rows for 8 configurations/],
      [{ ...good, report: { ...r, rules: [{ ...r.rules[0], rule: 'oracle' }] } }, /damaged.*rules\.0\.rule/],
      [
        {
          ...good,
          report: { ...r, rows: r.rows.map((row, i) => (i === 3 ? { ...row, fullFidelityAccuracy: 7 } : row)) },
        },
        /rows\.3\.fullFidelityAccuracy/,
      ],
      [{ ...good, report: { ...r, assumptions: 'none' } }, /assumptions/],
    ];
    for (const [raw, why] of cases) {
      const checked = checkAuditRecord(raw, 'abc-1');
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.error).toMatch(why);
    }
  });
});
