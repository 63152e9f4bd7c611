// Which Vulkan driver Dawn gets: SwiftShader only where nothing chose one and no GPU is visible.
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { giveVulkanRuntimeDir, hasGpuDeviceNode, noAdapterMessage, useSoftwareVulkanWithoutGpu } from './nodeWebGpu';

const fakeDev = (...files: string[]) => {
  const dev = mkdtempSync(join(tmpdir(), 'llp-dev-'));
  for (const f of files) {
    mkdirSync(join(dev, f, '..'), { recursive: true });
    writeFileSync(join(dev, f), '');
  }
  return dev;
};

describe('hasGpuDeviceNode', () => {
  it('sees NVIDIA device nodes and DRM render nodes, not the control nodes alone', () => {
    expect(hasGpuDeviceNode(fakeDev('nvidia0', 'nvidiactl'))).toBe(true);
    expect(hasGpuDeviceNode(fakeDev('dri/renderD128'))).toBe(true);
    expect(hasGpuDeviceNode(fakeDev('nvidiactl', 'dri/card0', 'null'))).toBe(false);
    expect(hasGpuDeviceNode(join(tmpdir(), 'llp-no-such-dev'))).toBe(false);
  });
});

describe('useSoftwareVulkanWithoutGpu', () => {
  const icd = join(fakeDev('icd.json'), 'icd.json');
  it('points the loader at SwiftShader when nothing chose a driver and there is no GPU', () => {
    const env: NodeJS.ProcessEnv = {};
    expect(useSoftwareVulkanWithoutGpu(env, false, icd)).toContain(icd);
    expect(env.VK_ICD_FILENAMES).toBe(icd);
  });
  it('leaves a chosen driver, a machine with a GPU, and a machine without Chromium alone', () => {
    for (const [env, gpu, file] of [
      [{ VK_ICD_FILENAMES: '/x.json' }, false, icd],
      [{ VK_DRIVER_FILES: '/y.json' }, false, icd],
      [{}, true, icd],
      [{}, false, '/no/such/icd.json'],
    ] as const) {
      const copy: NodeJS.ProcessEnv = { ...env };
      expect(useSoftwareVulkanWithoutGpu(copy, gpu, file)).toBeNull();
      expect(copy).toEqual(env);
    }
  });
  it('says what to install when Dawn finds no adapter', () => {
    const m = noAdapterMessage({ VK_ICD_FILENAMES: '/x.json' });
    expect(m).toContain('/x.json');
    expect(m).toContain('libvulkan1');
    expect(m).toContain('vk_swiftshader_icd.json');
  });
});

describe('giveVulkanRuntimeDir', () => {
  const parent = mkdtempSync(join(tmpdir(), 'llp-run-'));
  it('makes a private directory where the variable is unset or names no directory', () => {
    for (const env of [{}, { XDG_RUNTIME_DIR: join(parent, 'gone') }] as NodeJS.ProcessEnv[]) {
      const dir = giveVulkanRuntimeDir(env, parent);
      expect(dir).not.toBeNull();
      expect(env.XDG_RUNTIME_DIR).toBe(dir);
      const st = statSync(dir!);
      expect(st.isDirectory()).toBe(true);
      expect(st.mode & 0o777).toBe(0o700);
    }
  });
  it('leaves a directory the environment already names', () => {
    const env: NodeJS.ProcessEnv = { XDG_RUNTIME_DIR: parent };
    expect(giveVulkanRuntimeDir(env, parent)).toBeNull();
    expect(env.XDG_RUNTIME_DIR).toBe(parent);
  });
});
