// WebGPU in Node: Dawn (the `webgpu` package) installed as navigator.gpu, so tfjs-backend-webgpu
// runs headless. With no GPU, Chromium's SwiftShader Vulkan driver gives a software adapter
// (notes/browser.md: Mesa's lavapipe 22.3 lacks a feature Dawn requires).
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GpuLike } from './backend';

export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

/** True where Linux shows a GPU device node: NVIDIA's, or a DRM render node (AMD, Intel). */
export function hasGpuDeviceNode(dev = '/dev'): boolean {
  const names = (dir: string) => {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  };
  return names(dev).some((n) => /^nvidia\d+$/.test(n)) || names(`${dev}/dri`).some((n) => n.startsWith('renderD'));
}

/**
 * Points the Vulkan loader at SwiftShader when no variable chooses a driver, no GPU device is
 * visible and Chromium's driver is installed. Returns what it set, or null. Call it on the main
 * thread before any worker starts Dawn: a worker's process.env is a copy that native code never
 * reads, while the main thread's assignments reach the process environment.
 */
export function useSoftwareVulkanWithoutGpu(
  env: NodeJS.ProcessEnv = process.env,
  gpuPresent = hasGpuDeviceNode(),
  icd = SWIFTSHADER_ICD,
): string | null {
  if (env.VK_ICD_FILENAMES || env.VK_DRIVER_FILES || gpuPresent || !existsSync(icd)) return null;
  env.VK_ICD_FILENAMES = icd;
  return `VK_ICD_FILENAMES=${icd} (no GPU device here: WebGPU runs on SwiftShader, in software)`;
}

/**
 * Gives the Vulkan loader a private XDG_RUNTIME_DIR where the environment has none (a server, a
 * container, CI): without one its window-system probe prints "error: XDG_RUNTIME_DIR is invalid"
 * twice on every start, which reads like a failure although Dawn then works. Returns the directory
 * it set, or null. Same rule as above: on the main thread, before any worker starts Dawn.
 */
export function giveVulkanRuntimeDir(env: NodeJS.ProcessEnv = process.env, parent = tmpdir()): string | null {
  const current = env.XDG_RUNTIME_DIR;
  if (current && existsSync(current) && statSync(current).isDirectory()) return null;
  const dir = mkdtempSync(join(parent, 'llp-xdg-'));
  env.XDG_RUNTIME_DIR = dir;
  return dir;
}

/** Why Dawn found no adapter, and what to install. */
export function noAdapterMessage(env: NodeJS.ProcessEnv = process.env): string {
  const driver = env.VK_ICD_FILENAMES ?? env.VK_DRIVER_FILES;
  return (
    `Dawn (the webgpu package) found no WebGPU adapter (Vulkan driver: ${driver ? driver : "the system's"}). ` +
    "It needs the Vulkan loader (Debian: apt-get install -y libvulkan1) and a driver: the GPU's, or, with no GPU, " +
    `SwiftShader from Chromium (apt-get install -y chromium; VK_ICD_FILENAMES=${SWIFTSHADER_ICD}). Mesa's lavapipe is too old for Dawn.`
  );
}

let dawn: GpuLike | null = null;

/**
 * Loads Dawn once per thread and exposes it as navigator.gpu with the WebGPU globals
 * (GPUBufferUsage, GPUMapMode...) that tfjs-backend-webgpu reads. Must run before that package is
 * imported: it registers its backend only if navigator.gpu exists then. Dawn keeps Node alive
 * while it is referenced, so a CLI that trained on the main thread ends with process.exit.
 */
export async function installDawnGpu(): Promise<GpuLike> {
  if (dawn) return dawn;
  const { create, globals } = await import('webgpu');
  Object.assign(globalThis, globals);
  const gpu = create([]) as unknown as GpuLike;
  const holder = globalThis as { navigator?: object };
  if (holder.navigator) Object.defineProperty(holder.navigator, 'gpu', { value: gpu, configurable: true });
  else holder.navigator = { gpu };
  dawn = gpu;
  return gpu;
}
