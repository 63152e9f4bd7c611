import { describe, expect, it } from 'vitest';
import { startWasm } from '../../testing/cpuOracle';
import { createKernelShare, threadsAllowed, whileRunning } from './kernelShare';
import { loadFmaKernelsNode } from './nodeLoad';

describe('kernel share', () => {
  it('gives a product cores / running trials threads, at least one', () => {
    const share = createKernelShare(4)!;
    const running = new Int32Array(share.activity);
    expect([0, 1, 2, 3, 4, 5].map((n) => (Atomics.store(running, 0, n), threadsAllowed(share)))).toEqual([
      4, 4, 2, 1, 1, 1,
    ]);
    expect(createKernelShare(1)).toBeUndefined();
  });

  it('counts a trial as running while it runs, also when it throws', async () => {
    const share = createKernelShare(2)!;
    const running = new Int32Array(share.activity);
    const seen: number[] = [];
    await whileRunning(share, async () => {
      seen.push(running[0]);
      await whileRunning(share, async () => seen.push(running[0]));
    });
    await expect(whileRunning(share, () => Promise.reject(new Error('diverged')))).rejects.toThrow('diverged');
    expect([...seen, running[0]]).toEqual([1, 2, 0]);
  });

  it('limits an installed team: two trials on two cores run one thread each, one alone runs two', async () => {
    await startWasm();
    const share = createKernelShare(2)!;
    const kernels = (await loadFmaKernelsNode('relaxed', 1, share))!;
    expect(kernels.teamSize).toBe(2);
    const deadline = performance.now() + 20_000;
    while (kernels.threads() < 2 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const running = new Int32Array(share.activity);
    Atomics.store(running, 0, 1);
    expect(kernels.threads()).toBe(2);
    Atomics.store(running, 0, 2);
    expect(kernels.threads()).toBe(1);
    await loadFmaKernelsNode('relaxed', 1);
  });
});
