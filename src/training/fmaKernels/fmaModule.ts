// Our own GEMM/convolution kernels (gemm.c) as a wasm module beside the tfjs wasm backend. Two
// builds: relaxed SIMD (f32x4.relaxed_madd, an FMA on CPUs that have one) where the engine
// validates it, plain SIMD otherwise, since an engine without relaxed SIMD rejects the module.
// The module has its own memory: operands are copied in and results out (~1% of a conv's time).
// Its shared-memory build (gemm-*-shared.wasm) lets helper threads take parts of a product
// (./fmaTeam) where a trial would otherwise leave cores idle.
import { FmaTeam, HELPER_STACK_BYTES, type SpawnHelper, type TeamKernel } from './fmaTeam';
import { threadsAllowed, type KernelShare } from './kernelShare';

export type FmaBuild = 'relaxed' | 'simd';

interface FmaExports {
  memory?: WebAssembly.Memory;
  __heap_base: WebAssembly.Global;
  relaxed(): number;
  pack_b(
    b: number,
    taps: number,
    kc: number,
    n: number,
    tstride: number,
    kstride: number,
    nstride: number,
    out: number,
  ): void;
  conv2d(
    x: number,
    batch: number,
    hp: number,
    wp: number,
    c: number,
    kh: number,
    kw: number,
    w: number,
    co: number,
    bias: number,
    out: number,
    relu: number,
  ): void;
  gemm(a: number, m: number, k: number, lda: number, b: number, n: number, c: number): void;
  gemm_at(
    a: number,
    m: number,
    k: number,
    lda: number,
    b: number,
    n: number,
    ldb: number,
    c: number,
    nb: number,
    ne: number,
  ): void;
  conv2d_filter_grad(
    x: number,
    batch: number,
    hp: number,
    wp: number,
    c: number,
    dy: number,
    co: number,
    kh: number,
    kw: number,
    dw: number,
    nb: number,
    ne: number,
  ): void;
  transpose(a: number, m: number, n: number, out: number): void;
  im2col(x: number, batch: number, hp: number, wp: number, c: number, kh: number, kw: number, out: number): void;
  max_pool_grad_2x2(x: number, dy: number, batch: number, h: number, w: number, c: number, dx: number): void;
}

/** Floats past each buffer that tile loads may read (lanes never stored). */
const GUARD_BYTES = 64;

/** A bump allocator over the module's memory, reset for every kernel call. */
export class FmaKernels {
  readonly build: FmaBuild;
  readonly exports: FmaExports;
  readonly memory: WebAssembly.Memory;
  private readonly base: number;
  private top: number;
  private team: FmaTeam | null = null;
  private share: KernelShare | null = null;
  /** Kernel calls so far: tests check that a product ran here, not on a fallback. */
  calls = 0;
  /** Products split across threads so far: tests check that the helpers took part. */
  shared = 0;

  /** `reserved` bytes past the module's heap base are kept out of the allocator (helper stacks). */
  constructor(instance: WebAssembly.Instance, memory?: WebAssembly.Memory, reserved = 0) {
    this.exports = instance.exports as unknown as FmaExports;
    this.memory = memory ?? this.exports.memory!;
    this.build = this.exports.relaxed() === 1 ? 'relaxed' : 'simd';
    this.base = Math.ceil(((this.exports.__heap_base.value as number) + reserved) / 64) * 64;
    this.top = this.base;
    this.alloc(0);
  }

  /** Where helper stacks start: right after the module's own data and stack. */
  get heapBase(): number {
    return Math.ceil((this.exports.__heap_base.value as number) / 64) * 64;
  }

  /** `share` limits the threads while other trials of the pool run beside this one. */
  attachTeam(team: FmaTeam, share: KernelShare | null): void {
    this.team = team;
    this.share = share;
  }

  /** Threads this build was installed with (helpers may still be starting). */
  get teamSize(): number {
    return 1 + (this.team?.size ?? 0);
  }

  /** Parts to cut a product into now: this thread plus every ready helper. */
  threads(): number {
    if (this.team == null) return 1;
    const ready = 1 + this.team.ready();
    return this.share ? Math.min(ready, threadsAllowed(this.share)) : ready;
  }

  /** Runs each part's arguments through `kernel`, parts after the first on helper threads. */
  run(kernel: TeamKernel, parts: number[][]): void {
    const fn = this.exports[kernel] as unknown as (...args: number[]) => void;
    if (this.team == null || parts.length < 2) {
      for (const args of parts) fn(...args);
      return;
    }
    this.shared++;
    this.team.run(kernel, parts, (args) => fn(...args));
  }

  dispose(): void {
    this.team?.dispose();
    this.team = null;
  }

  /** Frees everything allocated since the last reset. */
  reset(): void {
    this.calls++;
    this.top = this.base;
  }

  /** Byte offset of `floats` floats, 64-byte aligned, growing the memory if needed. */
  alloc(floats: number): number {
    const offset = this.top;
    this.top = Math.ceil((offset + floats * 4 + GUARD_BYTES) / 64) * 64;
    const memory = this.memory;
    if (this.top > memory.buffer.byteLength) memory.grow(Math.ceil((this.top - memory.buffer.byteLength) / 65536));
    return offset;
  }

  /** A view of floats at a byte offset; take views after the last alloc (growing detaches them). */
  view(offset: number, floats: number): Float32Array {
    return new Float32Array(this.memory.buffer, offset, floats);
  }
}

/** The build this engine can run: relaxed where WebAssembly.validate accepts it. */
export function chooseBuild(relaxedBytes: BufferSource, disableRelaxed = false): FmaBuild {
  return !disableRelaxed && WebAssembly.validate(relaxedBytes) ? 'relaxed' : 'simd';
}

let active: FmaKernels | null = null;

/** Compiles and installs a build; the kernels in this folder use it from then on. */
export async function installFmaKernels(bytes: BufferSource): Promise<FmaKernels> {
  const { instance } = await WebAssembly.instantiate(bytes, {});
  active?.dispose();
  active = new FmaKernels(instance);
  return active;
}

/** Whether this context can share a WebAssembly.Memory (a browser page must be cross-origin isolated). */
export function canShareMemory(): boolean {
  try {
    new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
    return typeof SharedArrayBuffer === 'function';
  } catch {
    return false;
  }
}

/**
 * Installs a shared-memory build with `helpers` helper threads (started by `spawn`). Products are
 * cut into 1 + ready helpers parts; until the helpers have started, everything runs here.
 */
export async function installFmaTeam(
  sharedBytes: BufferSource,
  helpers: number,
  spawn: SpawnHelper,
  share: KernelShare | null = null,
): Promise<FmaKernels> {
  const module = await WebAssembly.compile(sharedBytes);
  // 2 GiB is the build's declared maximum (scripts/build-kernels.mjs).
  const memory = new WebAssembly.Memory({ initial: 64, maximum: 32768, shared: true });
  const instance = await WebAssembly.instantiate(module, { env: { memory } });
  const kernels = new FmaKernels(instance, memory, helpers * HELPER_STACK_BYTES);
  kernels.attachTeam(new FmaTeam(module, memory, helpers, kernels.heapBase, spawn), share);
  active?.dispose();
  active = kernels;
  return kernels;
}

/** The installed kernels, or null (then the XNNPACK paths run). */
export function fmaKernels(): FmaKernels | null {
  return active;
}

/** Back to the XNNPACK paths (tests compare the two). */
export function uninstallFmaKernels(): void {
  active?.dispose();
  active = null;
}

/** "relaxed-SIMD FMA kernels" / "plain-SIMD kernels" / "XNNPACK only", for reports. */
export function describeFmaBuild(): string {
  if (active == null) return 'XNNPACK kernels';
  const threads = active.teamSize;
  const build = active.build === 'relaxed' ? 'our relaxed-SIMD (FMA) kernels' : 'our plain-SIMD kernels';
  return threads > 1 ? `${build}, ${threads} threads` : build;
}
