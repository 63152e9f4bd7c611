import { describe, expect, it } from 'vitest';
import { summarisePlan } from '../../core/schedulers/schedule';
import { PRESETS } from '../../core/study/presets';
import { presetName } from './presetName';

describe('preset names on the page', () => {
  it('carry no fixed duration', () => {
    for (const p of PRESETS) expect(presetName(p)).not.toMatch(/minute|hour|\bmin\b|\d\s*s\b|second/i);
  });
  it('stay distinct, so every option can be told apart', () => {
    const names = PRESETS.map(presetName);
    expect(new Set(names).size).toBe(names.length);
  });
  it("keep a label's non-time words and replace a time-only one by the configuration count", () => {
    const tiny = PRESETS.find((p) => p.id === 'tiny')!;
    expect(tiny.label).toMatch(/minute/);
    expect(presetName(tiny)).toBe(`Tiny (${summarisePlan(tiny.study).configurations} configurations)`);
    const micro = PRESETS.find((p) => p.id === 'micro')!;
    expect(presetName(micro)).toBe(micro.label);
  });
});
