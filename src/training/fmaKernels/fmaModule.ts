// Our own GEMM/convolution kernels (gemm.c) as a wasm module beside the tfjs wasm backend. Two
// builds: relaxed SIMD (f32x4.relaxed_madd, an FMA on CPUs that have one) where the engine
// validates it, plain SIMD otherwise, since an engine without relaxed SIMD rejects the module.
// The module has its own memory: operands are copied in and results out (~1% of a conv's time).

export type FmaBuild = 'relaxed' | 'simd';

interface FmaExports {
  memory: WebAssembly.Memory;
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
  gemm_at(a: number, m: number, k: number, lda: number, b: number, n: number, ldb: number, c: number): void;
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
  private readonly base: number;
  private top: number;
  /** Kernel calls so far: tests check that a product ran here, not on a fallback. */
  calls = 0;

  constructor(instance: WebAssembly.Instance) {
    this.exports = instance.exports as unknown as FmaExports;
    this.build = this.exports.relaxed() === 1 ? 'relaxed' : 'simd';
    this.base = Math.ceil((this.exports.__heap_base.value as number) / 64) * 64;
    this.top = this.base;
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
    const memory = this.exports.memory;
    if (this.top > memory.buffer.byteLength) memory.grow(Math.ceil((this.top - memory.buffer.byteLength) / 65536));
    return offset;
  }

  /** A view of floats at a byte offset; take views after the last alloc (growing detaches them). */
  view(offset: number, floats: number): Float32Array {
    return new Float32Array(this.exports.memory.buffer, offset, floats);
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
  active = new FmaKernels(instance);
  return active;
}

/** The installed kernels, or null (then the XNNPACK paths run). */
export function fmaKernels(): FmaKernels | null {
  return active;
}

/** Back to the XNNPACK paths (tests compare the two). */
export function uninstallFmaKernels(): void {
  active = null;
}

/** "relaxed-SIMD FMA kernels" / "plain-SIMD kernels" / "XNNPACK only", for reports. */
export function describeFmaBuild(): string {
  if (active == null) return 'XNNPACK kernels';
  return active.build === 'relaxed' ? 'our relaxed-SIMD (FMA) kernels' : 'our plain-SIMD kernels';
}
