// The classroom presets: valid studies whose size matches their promised duration on two wasm
// workers (about 300 images/s each at c=32, batch 64; c=64 about 2.5x slower).
import { describe, expect, it } from 'vitest';
import { findPreset } from './presets';
import { planSuccessiveHalving } from '../schedulers/successiveHalving';
import { studyProblems } from './studyProblems';

/** Image-epochs of training a preset asks for. */
function imageEpochs(id: string): number {
  const { study } = findPreset(id)!;
  const plan = planSuccessiveHalving(study.scheduler);
  return (
    plan.reduce((n, r) => n + r.numTrials * Math.round(r.resource * study.data.maxTrainImages), 0) *
    (study.fixed.epochs ?? 1)
  );
}

describe('classroom presets', () => {
  it('are valid studies with a one-sentence explanation', () => {
    for (const id of ['demo2', 'study10', 'full']) {
      const preset = findPreset(id)!;
      expect(studyProblems(preset.study)).toEqual([]);
      expect(preset.explains).toMatch(/^[A-Z][^.]*(\.\d[^.]*)*\.$/);
    }
  });

  it('grow from two minutes to an hour of training', () => {
    // Two workers at 300-600 images/s each, depending on the channels.
    expect(imageEpochs('demo2') / 700).toBeLessThan(90);
    expect(imageEpochs('study10') / 600).toBeGreaterThan(120);
    expect(imageEpochs('study10') / 400).toBeLessThan(600);
    expect(imageEpochs('full') / 400).toBeGreaterThan(1800);
    expect(imageEpochs('tiny')).toBeLessThan(imageEpochs('demo2'));
  });
});
