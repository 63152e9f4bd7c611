// Installs our GEMM kernels in Node. Node 20 validates relaxed SIMD only behind a V8 flag, which
// V8 accepts at run time before a module is compiled (also inside worker_threads), so every Node
// entry gets the relaxed build without a command-line flag. LLP_KERNELS=simd|xnnpack overrides.
// Threads: LLP_KERNEL_THREADS=N (`npm run train`, one trial, sets every core), else one: a pool
// already runs a trial per core, and tests run files side by side.
import { readFile } from 'node:fs/promises';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import {
  canShareMemory,
  chooseBuild,
  installFmaKernels,
  installFmaTeam,
  uninstallFmaKernels,
  type FmaBuild,
  type FmaKernels,
} from './fmaModule';
import type { SpawnHelper } from './fmaTeam';
import type { KernelShare } from './kernelShare';

export type KernelChoice = FmaBuild | 'auto' | 'xnnpack';

const file = (build: FmaBuild, shared: boolean) =>
  new URL(`./gemm-${build}${shared ? '-shared' : ''}.wasm`, import.meta.url);

/** Helper threads as eval'd worker_threads; unref'd, so they never keep a finished process alive. */
const spawnNode: SpawnHelper = (source) => {
  const worker = new Worker(source, { eval: true });
  worker.unref();
  return { postMessage: (m) => worker.postMessage(m), terminate: () => void worker.terminate() };
};

export function defaultKernelThreads(): number {
  const asked = Number(process.env.LLP_KERNEL_THREADS);
  if (Number.isInteger(asked) && asked >= 1) return Math.min(asked, 16);
  return 1;
}

export async function loadFmaKernelsNode(
  choice: KernelChoice = (process.env.LLP_KERNELS as KernelChoice | undefined) ?? 'auto',
  threads = defaultKernelThreads(),
  share?: KernelShare,
): Promise<FmaKernels | null> {
  // A pool's worker gets helpers for every core of the pool, used only while its trial runs alone.
  if (share) threads = Math.max(threads, Math.min(share.cores, 16));
  if (choice === 'xnnpack') {
    uninstallFmaKernels();
    return null;
  }
  setFlagsFromString('--experimental-wasm-relaxed-simd');
  const relaxed = await readFile(file('relaxed', false));
  const build = choice === 'auto' ? chooseBuild(relaxed) : choice;
  if (threads > 1 && canShareMemory())
    return installFmaTeam(await readFile(file(build, true)), threads - 1, spawnNode, share ?? null);
  return installFmaKernels(build === 'relaxed' ? relaxed : await readFile(file('simd', false)));
}
