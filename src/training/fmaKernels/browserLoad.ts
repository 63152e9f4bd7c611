// Installs our GEMM kernels in a browser worker: the relaxed-SIMD build where this engine
// validates it (Chrome >= 114, Firefox >= 145), else the plain-SIMD build (Safari today).
import relaxedUrl from './gemm-relaxed.wasm?url';
import simdUrl from './gemm-simd.wasm?url';
import { chooseBuild, installFmaKernels, uninstallFmaKernels, type FmaKernels } from './fmaModule';

export type BrowserKernelChoice = 'auto' | 'simd' | 'xnnpack';

async function bytes(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

export async function loadFmaKernelsBrowser(choice: BrowserKernelChoice = 'auto'): Promise<FmaKernels | null> {
  if (choice === 'xnnpack') {
    uninstallFmaKernels();
    return null;
  }
  const relaxed = await bytes(relaxedUrl);
  const build = chooseBuild(relaxed, choice === 'simd');
  return installFmaKernels(build === 'relaxed' ? relaxed : await bytes(simdUrl));
}
