// The measured backend choice over scripted workers: the fastest measured backend wins whatever
// its name, a candidate that overruns wasm's step budget counts as slower, a backend that cannot
// start is reported, and a cached choice is not measured again.
import { describe, expect, it } from 'vitest';
import { backendReport, fakeWorkers } from '../testing/fakeWorkers';
import { chooseBackend, measureBackends, type BackendChoice } from './backendChoice';
import type { BackendName, Outcome, BackendReport } from '../../workers/protocol';

const dataset = { images: new Uint8Array(3072 * 4), labels: new Uint8Array(4), numClasses: 10 };
const model = { channels: 16, batchSize: 4 };

function workers(speeds: Partial<Record<BackendName, number | 'hangs' | 'fails'>>) {
  return fakeWorkers({
    init(request): Outcome<BackendReport> {
      const backend = request.forcedBackend ?? 'wasm';
      if (speeds[backend] === 'fails' || speeds[backend] == null)
        return { ok: false, error: { code: 'BACKEND_FAILED', message: `${backend}: no adapter` } };
      return { ok: true, value: backendReport(backend) };
    },
    run: () => ({ ok: false, error: { code: 'TRAINING_ERROR', message: 'not used' } }),
    throughput(backend) {
      const s = speeds[backend];
      return typeof s === 'number' ? { imagesPerSecond: s, delayMs: 5 } : null;
    },
  });
}

describe('measureBackends', () => {
  it('picks a GPU backend that measures faster than wasm', async () => {
    const w = workers({ wasm: 150, webgpu: 900, webgl: 300 });
    const choice = await measureBackends(w.factory, dataset, model, { minBudgetMs: 50 });
    expect(choice.backend).toBe('webgpu');
    expect(choice.timings.map((t) => [t.backend, t.status, t.imagesPerSecond])).toEqual([
      ['wasm', 'measured', 150],
      ['webgpu', 'measured', 900],
      ['webgl', 'measured', 300],
    ]);
    expect(w.inits.map((i) => i.forcedBackend)).toEqual(['wasm', 'webgpu', 'webgl']);
    expect(w.terminated).toEqual([0, 1, 2]); // every measuring worker is let go
  });

  it('keeps wasm when the GPU overruns the budget or cannot start', async () => {
    const w = workers({ wasm: 150, webgpu: 'hangs', webgl: 'fails' });
    const choice = await measureBackends(w.factory, dataset, model, { minBudgetMs: 50 });
    expect(choice.backend).toBe('wasm');
    expect(choice.timings.map((t) => [t.backend, t.status])).toEqual([
      ['wasm', 'measured'],
      ['webgpu', 'slower'],
      ['webgl', 'unavailable'],
    ]);
    expect(choice.timings[1].message).toMatch(/3 steps took over 0\.1 s/);
  });

  it('keeps wasm when it measures faster than the GPU', async () => {
    const choice = await measureBackends(workers({ wasm: 400, webgpu: 120 }).factory, dataset, model, {
      candidates: ['wasm', 'webgpu'],
      minBudgetMs: 50,
    });
    expect(choice.backend).toBe('wasm');
  });
});

describe('chooseBackend', () => {
  it('measures once per key and then answers from the cache', async () => {
    const store = new Map<string, BackendChoice>();
    const cache = { get: (k: string) => store.get(k) ?? null, set: (k: string, v: BackendChoice) => store.set(k, v) };
    let measured = 0;
    const measure = async (): Promise<BackendChoice> => {
      measured++;
      return { backend: 'wasm', timings: [], channels: 16, batchSize: 4, measuredAt: 'now' };
    };
    expect((await chooseBackend('k', cache, measure)).cached).toBe(false);
    expect((await chooseBackend('k', cache, measure)).cached).toBe(true);
    expect((await chooseBackend('other', cache, measure)).cached).toBe(false);
    expect(measured).toBe(2);
  });
});
