// Tests for studyEstimate.ts: parameter counts against SimpleCNN's own, memory against the
// activation tensor the issue measured (16 GiB), the presets' promised durations, and refusals.
import { describe, expect, it } from 'vitest';
import { parameterCount } from '../../training/simpleCnnSpec';
import { PRESETS, findPreset } from './presets';
import {
  CONFIRM_STUDY_SECONDS,
  estimateStudy,
  formatSeconds,
  MAX_STUDY_SECONDS,
  measuredReferenceThroughput,
  parameterCountAt,
  relativeImageCost,
  trialMemoryBytes,
  type Machine,
} from './studyEstimate';
import type { StudyDefinition } from './studyDefinition';

const wasm2: Machine = { backend: 'wasm', detected: false, workers: 2 };
const demo = findPreset('demo2')!.study;

describe('estimateStudy', () => {
  it("counts SimpleCNN's parameters exactly", () => {
    for (const channels of [1, 8, 32, 48, 1024]) {
      for (const batchNorm of [false, true])
        expect(parameterCountAt(channels, batchNorm)).toBe(
          parameterCount({ channels, batchNorm, numClasses: 10, dropout: 0, imageSize: 32 }),
        );
    }
  });

  it('puts channels 1024 at batchSize 4096 above the 16 GiB of its first activation tensor, and refuses it everywhere', () => {
    const firstActivation = 4096 * 32 * 32 * 1024 * 4;
    expect(trialMemoryBytes({ channels: 1024, batchSize: 4096, batchNorm: 0 })).toBeGreaterThan(firstActivation);
    const huge: StudyDefinition = {
      ...demo,
      space: demo.space.filter((p) => p.name !== 'channels'),
      fixed: { ...demo.fixed, channels: 1024, batchSize: 4096 },
    };
    for (const backend of ['wasm', 'cpu', 'webgl', 'webgpu'] as const) {
      const e = estimateStudy(huge, { ...wasm2, backend });
      expect(e.verdict).toBe('refuse');
      expect(e.reason).toMatch(
        /^A trial of this study needs about \d+ GiB at its largest channels and batchSize, more than the \d\.\d GiB one \w+ worker can hold here; lower channels or batchSize\.$/,
      );
    }
    // The space's largest value counts, not the fixed one.
    const spaced: StudyDefinition = {
      ...demo,
      fixed: { ...demo.fixed, batchSize: 4096 },
      space: [{ kind: 'int', name: 'channels', low: 16, high: 1024, step: 16 }],
    };
    expect(estimateStudy(spaced, wasm2).verdict).toBe('refuse');
  });

  it("keeps each preset's promise on two wasm workers (within a factor of two)", () => {
    const promised: Record<string, number> = { demo2: 120, study10: 600, full: 3600 };
    for (const [id, seconds] of Object.entries(promised)) {
      const e = estimateStudy(findPreset(id)!.study, wasm2);
      expect(e.verdict).toBe('ok');
      expect(e.seconds / seconds, id).toBeGreaterThan(0.5);
      expect(e.seconds / seconds, id).toBeLessThan(2);
    }
    for (const p of PRESETS) expect(estimateStudy(p.study, wasm2).verdict, p.id).not.toBe('refuse');
  });

  it('refuses years of compute and asks before hours', () => {
    const years: StudyDefinition = {
      ...demo,
      fixed: { ...demo.fixed, epochs: 1000 },
      scheduler: { ...demo.scheduler, numConfigs: 1000, minResource: 1, maxResource: 1 },
      data: { ...demo.data, maxTrainImages: 45000 },
    };
    const refused = estimateStudy(years, wasm2);
    expect(refused.verdict).toBe('refuse');
    expect(refused.seconds).toBeGreaterThan(365 * 86400);
    expect(refused.reason).toMatch(
      /^This study would take about [\d.]+ years on 2 wasm workers \(assumed backend\), more than the 7\.0 days a study may run; lower numConfigs, epochs or maxTrainImages\.$/,
    );
    // Hours: the same study with fewer epochs lands between the confirmation and the refusal.
    const hours: StudyDefinition = {
      ...years,
      fixed: { ...years.fixed, epochs: 1 },
      scheduler: { ...years.scheduler, numConfigs: 200 },
    };
    const asked = estimateStudy(hours, wasm2);
    expect(asked.seconds).toBeGreaterThan(CONFIRM_STUDY_SECONDS);
    expect(asked.seconds).toBeLessThan(MAX_STUDY_SECONDS);
    expect(asked).toMatchObject({
      verdict: 'confirm',
      reason: expect.stringMatching(/^This study would take about [\d.]+ h on 2 wasm workers/),
    });
    // A faster backend, measured, brings it under the confirmation.
    expect(
      estimateStudy(hours, { backend: 'webgpu', detected: true, workers: 1, measuredImagesPerSecond: 50_000 }).verdict,
    ).toBe('ok');
  });

  it('scales time inversely with throughput and workers, and memory is capped by the device share', () => {
    const a = estimateStudy(demo, wasm2);
    const b = estimateStudy(demo, { ...wasm2, workers: 4, measuredImagesPerSecond: 300 });
    expect((b.seconds - 15) / (a.seconds - 15)).toBeCloseTo(0.5, 9);
    const c = estimateStudy(demo, { ...wasm2, measuredImagesPerSecond: 3000 });
    expect((c.seconds - 15) / (a.seconds - 15)).toBeLessThan(0.2);
    expect(b.throughput).toBe('measured');
    expect(estimateStudy(demo, { ...wasm2, deviceMemoryGiB: 0.25 }).memoryLimitBytes).toBe(2 ** 30 / 8);
  });

  it('reads the measured throughput as the median over trials on the backend, at 32 channels', () => {
    expect(relativeImageCost(32)).toBeCloseTo(1, 12);
    expect(relativeImageCost(64)).toBeCloseTo(2.5, 2);
    const trials = [
      { imagesPerSecond: 300, backend: 'wasm', channels: 32 },
      { imagesPerSecond: 120, backend: 'wasm', channels: 64 },
      { imagesPerSecond: 200, backend: 'wasm', channels: 32 },
      { imagesPerSecond: 9000, backend: 'webgpu', channels: 32 },
      { imagesPerSecond: null, backend: 'wasm', channels: 32 },
    ];
    expect(measuredReferenceThroughput(trials, 'wasm')).toBeCloseTo(300, 0);
    expect(measuredReferenceThroughput(trials, 'webgl')).toBeNull();
    expect(formatSeconds(59)).toBe('59 s');
    expect(formatSeconds(3 * 86400 * 400)).toBe('3.3 years');
  });
});
