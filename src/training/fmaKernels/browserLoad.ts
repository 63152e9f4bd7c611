// Installs our GEMM kernels in a browser worker: the relaxed-SIMD build where this engine
// validates it (Chrome >= 114, Firefox >= 145), else the plain-SIMD build (Safari today). Where
// the page is cross-origin isolated and the pool shares its cores, the shared-memory build runs
// with helper threads (blob workers started from this worker).
import relaxedUrl from './gemm-relaxed.wasm?url';
import simdUrl from './gemm-simd.wasm?url';
import relaxedSharedUrl from './gemm-relaxed-shared.wasm?url';
import simdSharedUrl from './gemm-simd-shared.wasm?url';
import {
  canShareMemory,
  chooseBuild,
  installFmaKernels,
  installFmaTeam,
  uninstallFmaKernels,
  type FmaKernels,
} from './fmaModule';
import type { SpawnHelper } from './fmaTeam';
import type { KernelShare } from './kernelShare';

export type BrowserKernelChoice = 'auto' | 'simd' | 'xnnpack';

async function bytes(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

const spawnBrowser: SpawnHelper = (source) => {
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const worker = new Worker(url);
  URL.revokeObjectURL(url);
  return { postMessage: (m) => worker.postMessage(m), terminate: () => worker.terminate() };
};

export async function loadFmaKernelsBrowser(
  choice: BrowserKernelChoice = 'auto',
  share?: KernelShare,
): Promise<FmaKernels | null> {
  if (choice === 'xnnpack') {
    uninstallFmaKernels();
    return null;
  }
  const relaxed = await bytes(relaxedUrl);
  const build = chooseBuild(relaxed, choice === 'simd');
  if (share && share.cores > 1 && canShareMemory() && typeof Worker === 'function') {
    const shared = await bytes(build === 'relaxed' ? relaxedSharedUrl : simdSharedUrl);
    return installFmaTeam(shared, Math.min(share.cores, 16) - 1, spawnBrowser, share);
  }
  return installFmaKernels(build === 'relaxed' ? relaxed : await bytes(simdUrl));
}
