// The Node entries' --backend flag: precise messages for a wrong name, and for webgpu with no
// adapter (a Vulkan driver that is not there) a clear reason instead of a stack trace.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseBackendFlag } from './backendFlag';

const root = join(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

describe('parseBackendFlag', () => {
  it('accepts the backends Node has and names them when it refuses one', () => {
    expect(parseBackendFlag(undefined)).toBeUndefined();
    expect(parseBackendFlag('wasm')).toBe('wasm');
    expect(parseBackendFlag('cpu')).toBe('cpu');
    expect(() => parseBackendFlag('webgl')).toThrow(
      'Expected --backend to be one of webgpu, wasm, cpu, but got "webgl"',
    );
  });

  it('npm run train -- --backend webgpu with no Vulkan driver ends with the reason and what to install', async () => {
    const env = { ...process.env, VK_ICD_FILENAMES: '/no/such/vulkan_icd.json' };
    const run = promisify(execFile)(tsx, ['src/cli/train.ts', '--backend', 'webgpu', '--epochs', '1'], {
      cwd: root,
      env,
      timeout: 60_000,
    });
    const failure = await run.then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('Backend webgpu is not available here');
    expect(failure?.stderr).toContain('found no WebGPU adapter (Vulkan driver: /no/such/vulkan_icd.json)');
    expect(failure?.stderr).toContain('apt-get install -y libvulkan1');
    expect(failure?.stderr).not.toMatch(/\.(ts|js|mjs):\d+:\d+\)?$/m); // no JavaScript stack trace (Dawn prints its own C++ frames)
  });
});
