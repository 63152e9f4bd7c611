// The page's composition root driven as a button drives it, over real Node workers (wasm) and the
// real CIFAR-10: startStudy() on the micro preset trains its one trial, and the store then holds
// the facts the page shows. Oracle: the trial's curve has a point for every step it trained
// (readEvery 1), the same number in each of its 4 epochs, and the wall time spans the run; its
// trial carries probe values only when the probe checkbox asked for them.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { findPreset } from '../core/study/presets';
import { loadCifar10 } from '../cli/nodeDataset';
import { nodeWorkerFactory } from '../cli/nodeWorkers';
import { labStore } from '../store/labStore';
import { createLabRoot } from './labRoot';

const initial = labStore.getState();
beforeEach(() => labStore.setState(initial, true));

const root = createLabRoot({
  workerFactory: nodeWorkerFactory,
  poolSize: () => 1,
  loadImages: async () => loadCifar10('train'),
  sharing: () => 'shared',
});
afterAll(() => root.currentPool()?.dispose());

describe('createLabRoot', () => {
  it('startStudy trains the micro study to one completed trial and leaves its facts in the store', async () => {
    const micro = findPreset('micro')!.study;
    labStore.setState({ definition: micro, forcedBackend: 'wasm' });
    const before = Date.now();
    await root.startStudy();
    const s = labStore.getState();
    expect(s.studyError).toBeNull();
    expect(s).toMatchObject({ busy: 'idle', poolSize: 1, backend: { backend: 'wasm' } });
    expect(s.study?.phase).toBe('finished');
    expect(s.study?.trials).toHaveLength(1);
    const [trial] = s.study!.trials;
    expect(trial.state).toBe('completed');
    expect(trial.valAccuracy).toBeGreaterThanOrEqual(0);
    const curve = s.curves[trial.trialId];
    const perEpoch = curve.length / micro.fixed.epochs!;
    expect(perEpoch).toBeGreaterThanOrEqual(1);
    expect(curve.map((p) => p.step)).toEqual(Array.from({ length: curve.length }, (_, i) => i + 1));
    expect(curve.map((p) => p.epoch)).toEqual(curve.map((_, i) => Math.floor(i / perEpoch)));
    expect(s.probes[trial.trialId]).toBeUndefined(); // unasked, the trial is not probed
    expect(s.startedAt).toBeGreaterThanOrEqual(before);
    expect(s.finishedAt).toBeGreaterThanOrEqual(s.startedAt!);
    expect(root.currentPool()?.size).toBe(1);
  });

  it('probes every trial when the probe checkbox is on', async () => {
    labStore.setState({ definition: findPreset('micro')!.study, forcedBackend: 'wasm', probeTrials: true });
    await root.startStudy();
    const s = labStore.getState();
    expect(s.studyError).toBeNull();
    const [trial] = s.study!.trials;
    expect(trial.state).toBe('completed');
    expect(s.probes[trial.trialId]?.images).toBeGreaterThan(0);
    expect(Number.isFinite(s.probes[trial.trialId]?.sharpnessMean)).toBe(true);
  });
});
