// A lost GPU device, against the real pool and the real study driver (fake workers, ../testing/fakeWorkers):
// the worker is replaced, the trial retried once, and a GPU that cannot start again gives way to wasm.
import { describe, expect, it } from 'vitest';
import { findPreset } from '../core/study/presets';
import type { StudyDefinition } from '../core/study/studyDefinition';
import type { Outcome, TrialResult } from '../../workers/protocol';
import { chunkLabels } from '../testing/chunkLabels';
import { fakeWorkers, gpuLostFor, type WorkerScript } from '../testing/fakeWorkers';
import { scriptedResult } from '../testing/scriptedStudy';
import { runStudy } from './runStudy';
import { createPool, type WorkerReplacement } from './workerPool';

const micro: StudyDefinition = findPreset('micro')!.study; // one configuration, one trial
const labels = chunkLabels();
const dataset = { images: new Uint8Array(0), labels, numClasses: 10 };
const lost: Outcome<TrialResult> = {
  ok: false,
  error: { code: 'DEVICE_LOST', message: 'the GPU device was lost (destroyed)' },
};
const trained = (trialId: number, backend: string): Outcome<TrialResult> => ({
  ok: true,
  value: { ...scriptedResult(trialId, 0.4), backend },
});

async function studyOn(script: WorkerScript) {
  const workers = fakeWorkers(script);
  const replacements: WorkerReplacement[] = [];
  const pool = await createPool(
    workers.factory,
    1,
    { dataset, forcedBackend: 'webgpu' },
    { onWorkerReplaced: (r) => replacements.push(r) },
  );
  const state = await runStudy(micro, pool, labels).done;
  return { state, pool, workers, replacements, trial: state.trials[0] };
}

describe('worker pool: a lost GPU device', () => {
  it('replaces the worker, retries the trial once, and falls back to wasm when webgpu cannot start again', async () => {
    const { state, pool, workers, replacements, trial } = await studyOn({
      init: gpuLostFor(1), // the first worker gets a device, no later one does
      run: (input, worker, backend) => (worker === 0 ? lost : trained(input.trialId, backend)),
    });
    expect(state.phase).toBe('finished');
    expect(trial).toMatchObject({ state: 'completed', attempts: 2, backend: 'wasm', error: null });
    // Worker 0 lost its device; worker 1 (webgpu) could not start; worker 2 started on wasm.
    expect(workers.inits.map((i) => i.forcedBackend)).toEqual(['webgpu', 'webgpu', 'wasm']);
    expect(workers.terminated).toEqual([0, 1]);
    expect(pool.backend.backend).toBe('wasm');
    expect(replacements).toHaveLength(1);
    expect(replacements[0].error.code).toBe('DEVICE_LOST');
    expect(replacements[0].backend?.backend).toBe('wasm');
    expect(replacements[0].fallback).toMatchObject({
      from: 'webgpu',
      reason: expect.stringContaining('requestAdapter() returned no adapter'),
    });
  });

  it('stays on webgpu when the replacement gets a device again', async () => {
    const { workers, replacements, trial, pool } = await studyOn({
      init: gpuLostFor(Infinity),
      run: (input, worker, backend) => (worker === 0 ? lost : trained(input.trialId, backend)),
    });
    expect(trial).toMatchObject({ state: 'completed', attempts: 2, backend: 'webgpu' });
    expect(workers.inits.map((i) => i.forcedBackend)).toEqual(['webgpu', 'webgpu']);
    expect(replacements[0]).toMatchObject({ fallback: null, backend: { backend: 'webgpu' } });
    expect(pool.backend.backend).toBe('webgpu');
  });

  it('retries only once: a trial that loses the device twice fails, and the study still finishes', async () => {
    const { state, trial, replacements } = await studyOn({ init: gpuLostFor(Infinity), run: () => lost });
    expect(state.phase).toBe('finished');
    expect(trial).toMatchObject({ state: 'failed', attempts: 2, error: { code: 'DEVICE_LOST' } });
    expect(replacements).toHaveLength(2);
  });

  it('answers at once, without hanging, once no worker can start at all', async () => {
    const { state, trial, replacements, workers } = await studyOn({
      init: (request, worker) =>
        worker === 0
          ? gpuLostFor(1)(request, worker)
          : { ok: false, error: { code: 'BACKEND_FAILED', message: 'nothing starts' } },
      run: () => lost,
    });
    expect(state.phase).toBe('finished');
    // The first attempt lost the device and no worker replaced it; the retry found an empty pool.
    expect(trial).toMatchObject({
      state: 'failed',
      attempts: 2,
      error: { code: 'BACKEND_FAILED', message: expect.stringContaining('no trainer worker') },
    });
    expect(replacements).toEqual([
      expect.objectContaining({ backend: null, fallback: expect.objectContaining({ from: 'webgpu' }) }),
    ]);
    expect(workers.inits.map((i) => i.forcedBackend)).toEqual(['webgpu', 'webgpu', 'wasm']);
  });
});
