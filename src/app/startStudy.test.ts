// Tests for startStudy (./labRoot) before anything launches: a study this machine cannot hold or
// finish is refused with the reason, a very long one waits for a confirmation, and neither starts.
import { beforeEach, describe, expect, it } from 'vitest';
import { findPreset } from '../core/study/presets';
import type { StudyDefinition } from '../core/study/studyDefinition';
import { startStudy } from './page';
import { labStore } from '../store/labStore';
import { pageEstimate } from '../store/machine';

const initial = labStore.getState();
beforeEach(() => labStore.setState(initial, true));
const demo = findPreset('demo2')!.study;

describe('startStudy', () => {
  it('refuses a study whose trial cannot fit in a worker, with the reason, and starts nothing', async () => {
    const huge: StudyDefinition = {
      ...demo,
      space: demo.space.filter((p) => p.name !== 'channels'),
      fixed: { ...demo.fixed, channels: 1024, batchSize: 4096 },
    };
    labStore.setState({ definition: huge });
    await startStudy({ confirmed: true });
    expect(labStore.getState().studyError).toMatch(/^A trial of this study needs about \d+ GiB/);
    expect(labStore.getState()).toMatchObject({ busy: 'idle', study: null, startedAt: null });
  });

  it('asks before a study of hours and starts nothing until confirmed', async () => {
    const hours: StudyDefinition = {
      ...demo,
      scheduler: { ...demo.scheduler, numConfigs: 200, minResource: 1, maxResource: 1 },
      data: { ...demo.data, maxTrainImages: 45000 },
    };
    expect(pageEstimate(labStore.getState(), hours)?.verdict).toBe('confirm');
    labStore.setState({ definition: hours });
    await startStudy();
    expect(labStore.getState().studyError).toMatch(
      /^This study would take about [\d.]+ h on 2 wasm workers \(assumed backend\)\. Confirm to run it\.$/,
    );
    expect(labStore.getState()).toMatchObject({ busy: 'idle', study: null, startedAt: null });
  });

  it('uses the throughput the trials on screen measured', () => {
    const slow = pageEstimate(labStore.getState(), demo)!;
    const study = {
      configs: [{ channels: 32 }],
      trials: [{ configId: 0, imagesPerSecond: 3000, backend: 'wasm' }],
    } as unknown as NonNullable<typeof initial.study>;
    const fast = pageEstimate({ ...labStore.getState(), study }, demo)!;
    expect(fast).toMatchObject({ throughput: 'measured', imagesPerSecond: 3000 });
    expect(fast.seconds).toBeLessThan(slow.seconds);
  });
});
