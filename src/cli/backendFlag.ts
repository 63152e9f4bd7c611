// The `--backend` flag of the Node entries (study, train, bench:train): which tfjs backend the
// workers must use. webgpu runs through Dawn; with no GPU here, on SwiftShader (nodeWebGpu.ts).
import type { BackendName } from '../training/backend';
import { giveVulkanRuntimeDir, useSoftwareVulkanWithoutGpu } from '../training/nodeWebGpu';

export const NODE_BACKENDS: readonly BackendName[] = ['webgpu', 'wasm', 'cpu'];

/** Parses the flag; for webgpu, picks the Vulkan driver now, on the main thread, before any worker starts Dawn. */
export function parseBackendFlag(
  value: string | undefined,
  log: (line: string) => void = console.log,
): BackendName | undefined {
  if (value === undefined) return undefined;
  if (!(NODE_BACKENDS as readonly string[]).includes(value)) {
    throw new Error(`Expected --backend to be one of ${NODE_BACKENDS.join(', ')}, but got "${value}"`);
  }
  if (value === 'webgpu') {
    const set = useSoftwareVulkanWithoutGpu();
    if (set) log(`[backend] ${set}`);
    giveVulkanRuntimeDir();
  }
  return value as BackendName;
}

/** The flag, or a precise message and exit code 2. */
export function backendFlagOrExit(value: string | undefined): BackendName | undefined {
  try {
    return parseBackendFlag(value);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  }
}

/** A backend that cannot start (no WebGPU adapter, say) ends the run with its reason, not a stack trace. */
export function exitOnBackendFailure(e: unknown): never {
  console.error(`Could not start the trainer: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
