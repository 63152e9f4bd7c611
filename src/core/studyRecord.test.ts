import { describe, expect, it } from 'vitest';
import { PRESETS } from './presets';
import { initStudy } from './studyMachine';
import { checkStudyRecord } from './studyRecord';

const good = () => ({ v: 1, id: 'abc-1', createdAt: 1, updatedAt: 2, state: JSON.parse(JSON.stringify(initStudy(PRESETS[0].study))), curves: {} });

describe('checkStudyRecord', () => {
  it('accepts a record that went through JSON (storage, export files)', () => {
    const r = checkStudyRecord(good());
    expect(r.ok).toBe(true);
  });
  it('names what is wrong with a damaged record and never throws', () => {
    const cases: [unknown, RegExp][] = [
      [null, /unknown record version/],
      [{ ...good(), id: '<script>' }, /no valid id/],
      [{ ...good(), state: { ...good().state, definition: { v: 9 } } }, /definition is invalid.*newer version/],
      [{ ...good(), state: { ...good().state, trials: [{ trialId: 5 }] } }, /trial 0 has trialId 5/],
      [{ ...good(), state: { ...good().state, phase: 'exploded' } }, /phase is unknown/],
      [{ ...good(), state: { ...good().state, trials: 'nope' } }, /missing/],
    ];
    for (const [raw, msg] of cases) {
      const r = checkStudyRecord(raw);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(msg);
    }
  });
});
