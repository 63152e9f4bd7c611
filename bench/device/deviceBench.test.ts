// Dry run of the GPU machine's benchmark here: builds the archive as `npm run bench:device:pack`
// does, checks it fits what a device call carries, and runs `bench/device/run.sh --dry-run` from
// it (the archive's own Node and Dawn, SwiftShader instead of a GPU, tiny sizes).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { BenchRow } from '../poolThroughput';
import { ARCHIVE_LIMIT_BYTES, pack } from './pack';

describe('bench/device', () => {
  it("packs under 64 MiB and its dry run trains on webgpu from the archive alone, counting each step's GPU work", async () => {
    const { archive, bytes } = await pack();
    console.log(`${archive}: ${(bytes / 2 ** 20).toFixed(1)} MiB`);
    expect(bytes).toBeLessThan(ARCHIVE_LIMIT_BYTES);

    const out = mkdtempSync(join(tmpdir(), 'llp-device-out-'));
    const t0 = performance.now();
    // No Node on PATH: the archive must bring its own. No ldconfig either (it is in /sbin), so
    // run.sh takes the archive's Vulkan loader and glvnd, as on a machine without them.
    const env = { PATH: '/usr/bin:/bin', HOME: process.env.HOME, OUT: out, LLP_DEVICE_ARCHIVE: archive };
    const { stdout } = await promisify(execFile)('bash', [join(import.meta.dirname, 'run.sh'), '--dry-run'], {
      env,
      timeout: 290_000,
    });
    const seconds = (performance.now() - t0) / 1000;
    console.log(stdout, `dry run: ${seconds.toFixed(0)} s`);
    expect(seconds).toBeLessThan(300);

    const rows = readFileSync(join(out, 'device-bench.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as BenchRow);
    const webgpu = rows.filter((r) => r.backend === 'webgpu');
    expect(webgpu.map((r) => r.workers)).toEqual([1, 2]);
    for (const r of webgpu) {
      expect(r.error).toBeUndefined();
      expect(r.imagesPerSecond).toBeGreaterThan(0);
      expect(r.detail).toMatch(/^webgpu \(.+, Dawn\)$/);
      expect(r.gpuWorkPerStep!.dispatches).toBeGreaterThan(100);
      expect(r.gpuWorkPerStep!.readbacks).toBe(0);
      expect(r.gpuWorkPerStep!.byProgram.Conv2DMMProgram).toBe(3); // one forward convolution per layer
    }
    expect(stdout).toMatch(/channels\s+batch\s+pytorch img\/s\s+webgpu x1\s+webgpu x2/);
    expect(stdout).toContain("[device] libvulkan.so.1: the archive's (Debian)");
  }, 600_000);
});
