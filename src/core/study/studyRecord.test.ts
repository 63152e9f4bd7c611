// Tests for studyRecord.ts: version 2 keeps curves with epochs, probes, initial gradient norms and
// the backend through JSON; version 1 migrates; newer versions are refused with the version named.
import { describe, expect, it } from 'vitest';
import { PRESETS } from './presets';
import { initStudy } from './studyMachine';
import { checkStudyRecord, MAX_CURVE_POINTS, recordCurve } from './studyRecord';
import type { ProbeValues } from '../probeValues';

const state = () => JSON.parse(JSON.stringify(initStudy(PRESETS[0].study)));
const probes: ProbeValues = {
  loss: 1.2,
  accuracy: 0.5,
  images: 256,
  sharpnessMean: 0.1,
  sharpnessMax: 0.3,
  samSharpness: 0.2,
  gradientNorm: 1.5,
  topEigenvalue: 4,
  ms: 90,
};
const good = () => ({
  v: 2,
  id: 'abc-1',
  createdAt: 1,
  updatedAt: 2,
  state: state(),
  backend: 'wasm',
  curves: {
    0: [
      { step: 2, epoch: 0, loss: 2.3, accuracy: 0.1 },
      { step: 4, epoch: 1, loss: NaN, accuracy: 0.12 },
    ],
  },
  probes: { 0: probes },
  initGradientNorms: { 0: 3.25, 1: 2.5 },
});

describe('checkStudyRecord', () => {
  it('keeps every fact of a version-2 record through JSON (NaN comes back from null)', () => {
    const r = checkStudyRecord(JSON.parse(JSON.stringify(good())));
    if (!r.ok) throw new Error(r.error);
    expect(r.record.curves[0]).toEqual([
      { step: 2, epoch: 0, loss: 2.3, accuracy: 0.1 },
      { step: 4, epoch: 1, loss: NaN, accuracy: 0.12 },
    ]);
    expect(r.record.probes).toEqual({ 0: probes });
    expect(r.record.initGradientNorms).toEqual({ 0: 3.25, 1: 2.5 });
    expect(r.record.backend).toBe('wasm');
    expect(checkStudyRecord(structuredClone(good()))).toEqual(r);
  });

  it('migrates a version-1 record: curves without epochs, no probes', () => {
    const v1 = {
      v: 1,
      id: 'abc-1',
      createdAt: 1,
      updatedAt: 2,
      state: state(),
      curves: { 1: [{ step: 2, loss: 2.3, accuracy: 0.1 }] },
    };
    const r = checkStudyRecord(v1);
    if (!r.ok) throw new Error(r.error);
    expect(r.record).toMatchObject({
      v: 2,
      curves: { 1: [{ step: 2, epoch: 0, loss: 2.3, accuracy: 0.1 }] },
      probes: {},
      initGradientNorms: {},
      backend: null,
    });
  });

  it('refuses newer records and newer study formats with the version named', () => {
    expect(checkStudyRecord({ ...good(), v: 3 })).toEqual({
      ok: false,
      error:
        'This saved study was written by a newer version of the lab (study record version 3); this page reads versions 1 to 2. Reload the page to update the lab.',
    });
    expect(checkStudyRecord({ ...good(), state: { ...state(), definition: { v: 9 } } })).toMatchObject({
      ok: false,
      error: expect.stringContaining('(study format version 9); this page reads versions 1 to 2'),
    });
  });

  it('names what is wrong with a damaged record and never throws', () => {
    const cases: [unknown, RegExp][] = [
      [null, /not a study record/],
      [{ ...good(), v: '2' }, /unknown record version/],
      [{ ...good(), id: '<script>' }, /no valid id/],
      [
        { ...good(), state: { ...state(), trials: [{ trialId: 5 }] } },
        /state\.trials\[0\]\.configId: expected a whole number between 0 and 100000, got nothing/,
      ],
      [
        { ...good(), state: { ...state(), phase: 'exploded' } },
        /state\.phase: expected 'running', 'finished' or 'stopped', got 'exploded'/,
      ],
      [{ ...good(), state: { ...state(), trials: 'nope' } }, /state\.trials: expected a list of trials, got 'nope'/],
      [{ ...good(), curves: { 0: [{ step: 'x' }] } }, /curves of trial 0 are damaged/],
      [{ ...good(), curves: { 999: [] } }, /curves name a trial it does not have/],
      [{ ...good(), curves: JSON.parse('{"__proto__": []}') }, /curves name a trial it does not have/],
      [{ ...good(), probes: { 0: { loss: 'high' } } }, /probes of trial 0 are damaged/],
      [{ ...good(), initGradientNorms: { 0: 'x' } }, /initial gradient norms of trial 0 are damaged/],
    ];
    for (const [raw, msg] of cases) {
      const r = checkStudyRecord(raw);
      expect(r.ok, String(msg)).toBe(false);
      if (!r.ok) expect(r.error).toMatch(msg);
    }
  });

  it('downsamples curves with one function, keeping epochs, ends and a spike', () => {
    const points = Array.from({ length: 10_000 }, (_, i) => ({
      step: i,
      epoch: Math.floor(i / 2500),
      loss: i === 5000 ? 99 : 2 - i / 10_000,
      accuracy: i / 10_000,
    }));
    const kept = recordCurve(points);
    expect(kept).toHaveLength(MAX_CURVE_POINTS);
    expect(kept[0]).toEqual(points[0]);
    expect(kept[kept.length - 1]).toEqual(points[points.length - 1]);
    expect(kept.some((p) => p.loss === 99)).toBe(true);
    expect(new Set(kept.map((p) => p.epoch))).toEqual(new Set([0, 1, 2, 3]));
    expect(recordCurve(kept)).toEqual(kept);
  });
});
