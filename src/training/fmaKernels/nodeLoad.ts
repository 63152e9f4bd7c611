// Installs our GEMM kernels in Node. Node 20 validates relaxed SIMD only behind a V8 flag, which
// V8 accepts at run time before a module is compiled (also inside worker_threads), so every Node
// entry gets the relaxed build without a command-line flag. LLP_KERNELS=simd|xnnpack overrides.
import { readFile } from 'node:fs/promises';
import { setFlagsFromString } from 'node:v8';
import { chooseBuild, installFmaKernels, uninstallFmaKernels, type FmaBuild, type FmaKernels } from './fmaModule';

export type KernelChoice = FmaBuild | 'auto' | 'xnnpack';

const file = (build: FmaBuild) => new URL(`./gemm-${build}.wasm`, import.meta.url);

export async function loadFmaKernelsNode(
  choice: KernelChoice = (process.env.LLP_KERNELS as KernelChoice | undefined) ?? 'auto',
): Promise<FmaKernels | null> {
  if (choice === 'xnnpack') {
    uninstallFmaKernels();
    return null;
  }
  setFlagsFromString('--experimental-wasm-relaxed-simd');
  const relaxed = await readFile(file('relaxed'));
  const build = choice === 'auto' ? chooseBuild(relaxed) : choice;
  return installFmaKernels(build === 'relaxed' ? relaxed : await readFile(file('simd')));
}
