import { describe, expect, it } from 'vitest';
import { findPreset } from '../../core/study/presets';
import { estimateStudy, relativeImageCost, type Machine } from '../../core/study/studyEstimate';
import type { StudyState, TrialRecord } from '../../core/study/studyMachine';
import { durationRange, measuredRates } from './studyDuration';

const machine: Machine = {
  backend: 'wasm',
  detected: true,
  workers: 2,
  measuredImagesPerSecond: null,
  deviceMemoryGiB: null,
};
const definition = findPreset('tiny')!.study;

function studyWith(rates: (number | null)[], channels = 32): Pick<StudyState, 'trials' | 'configs'> {
  const trials = rates.map(
    (imagesPerSecond, trialId) => ({ trialId, configId: 0, backend: 'wasm', imagesPerSecond }) as TrialRecord,
  );
  return { trials, configs: [{ channels }] as unknown as StudyState['configs'] };
}

describe('a study duration from measured speed', () => {
  it('gives no duration when nothing was measured on this backend', () => {
    expect(durationRange(definition, machine, null)).toBeNull();
    expect(durationRange(definition, machine, studyWith([null]))).toBeNull();
    expect(durationRange(definition, { ...machine, backend: 'webgpu' }, studyWith([200]))).toBeNull();
  });
  it('spans the estimate at the fastest and the slowest measured trial', () => {
    const range = durationRange(definition, machine, studyWith([40, 220, 90]))!;
    const at = (rate: number) => estimateStudy(definition, { ...machine, measuredImagesPerSecond: rate }).seconds;
    expect(range.lowSeconds).toBeCloseTo(at(220), 6);
    expect(range.highSeconds).toBeCloseTo(at(40), 6);
    expect(range.lowSeconds).toBeLessThan(range.highSeconds);
    expect(range.text).toMatch(/ to /);
  });
  it('scales each trial to the reference network, as the estimate does', () => {
    expect(measuredRates(studyWith([100], 16), 'wasm')[0]).toBeCloseTo(100 * relativeImageCost(16), 9);
  });
  it('says "about" when every trial ran at one speed', () => {
    expect(durationRange(definition, machine, studyWith([150, 150]))!.text).toMatch(/^about /);
  });
});
