// Tests for presets.ts: a definition is a preset only when every field equals the preset's.
import { describe, expect, it } from 'vitest';
import { decodeStudy, studyHash } from '../link/urlState';
import { summarisePlan } from '../schedulers/schedule';
import { PRESETS, presetOf } from './presets';

describe('presetOf', () => {
  it('finds every preset, also after a share-link round trip (other key order)', () => {
    for (const p of PRESETS) {
      expect(presetOf(p.study)?.id).toBe(p.id);
      const decoded = decodeStudy(studyHash(p.study));
      expect(decoded.ok && presetOf(decoded.study)?.id).toBe(p.id);
    }
  });

  it("is undefined for a study that only borrows a preset's name (demo2 planning 1000 x 45,000 images x 1,000 epochs)", () => {
    const demo = PRESETS.find((p) => p.id === 'demo2')!.study;
    const big = {
      ...demo,
      fixed: { ...demo.fixed, epochs: 1000 },
      scheduler: { ...demo.scheduler, numConfigs: 1000 },
      data: { ...demo.data, maxTrainImages: 45000 },
    };
    expect(presetOf(big)).toBeUndefined();
    expect(presetOf({ ...demo, seed: demo.seed + 1 })).toBeUndefined();
    expect(presetOf({ ...demo, scheduler: { ...demo.scheduler, topK: 1 } })).toBeUndefined();
    expect(presetOf({ ...demo, space: demo.space.slice(1) })).toBeUndefined();
  });
});

describe('preset explanations', () => {
  it('promise no fixed duration: how long a study takes depends on the device, shown as a measured range', () => {
    for (const p of PRESETS) expect(p.explains).not.toMatch(/\b(seconds?|minutes?|min|hours?|days?)\b/i);
  });
});

describe('preset labels', () => {
  it('promise no duration (that depends on the device; the page shows a measured range) and tell every preset apart', () => {
    for (const p of PRESETS) expect(p.label).not.toMatch(/minute|hour|\bmin\b|\d\s*s\b|second/i);
    expect(new Set(PRESETS.map((p) => p.label)).size).toBe(PRESETS.length);
  });

  it('count the configurations they name', () => {
    for (const p of PRESETS) {
      const named = /\((\d+) configurations\)/.exec(p.label);
      if (named) expect(Number(named[1])).toBe(summarisePlan(p.study).configurations);
    }
  });
});
