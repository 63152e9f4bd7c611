// GEMM microkernels and convolution drivers for training SimpleCNN on wasm, in the design of
// XNNPACK's f32-igemm/f32-gemm "loadsplat" kernels: a 4x8 tile of accumulators (8 of the 15 xmm
// registers V8 allocates on x64), a broadcast of A against two vectors of a packed B panel.
// Built twice (gemm.build.mjs): with RELAXED, every multiply-add is one f32x4.relaxed_madd (an FMA
// where the CPU has one); without, a multiply and an add (plain wasm SIMD).
#include <stdint.h>
#include <wasm_simd128.h>

#ifdef RELAXED
#define MADD(a, b, c) wasm_f32x4_relaxed_madd(a, b, c)
#else
#define MADD(a, b, c) wasm_f32x4_add(wasm_f32x4_mul(a, b), c)
#endif

// V8 allocates registers in the order the wasm gives, with little rescheduling: a step's loads
// hoisted above the previous step's FMAs (as LLVM likes) make it spill. This fence keeps them apart.
#define ORDER() __asm__ volatile("" ::: "memory")

#define EXPORT(name) __attribute__((export_name(#name)))
#define MR 4
#define NR 8

// Indirection buffer of one M block: MB pixels x up to 25 taps (5x5), each a pointer to the
// pixel's first channel in the padded input. Scratch lives on the stack, not in statics: in the
// shared-memory build several threads run these functions at once, each on its own stack.
#define MB 240
#define INDIRECTION (MB / MR * MR * 25)

/** 1 where this build uses relaxed SIMD, so the page can say which build runs. */
EXPORT(relaxed) int relaxed(void) {
#ifdef RELAXED
  return 1;
#else
  return 0;
#endif
}

static inline void store_tile(float *c, int ldc, int mr, int nr, v128_t *acc) {
  for (int i = 0; i < mr; i++) {
    float *row = c + i * ldc;
    if (nr == NR) {
      wasm_v128_store(row, acc[2 * i]);
      wasm_v128_store(row + 4, acc[2 * i + 1]);
    } else {
      float tmp[NR] __attribute__((aligned(16)));
      wasm_v128_store(tmp, acc[2 * i]);
      wasm_v128_store(tmp + 4, acc[2 * i + 1]);
      for (int j = 0; j < nr; j++) row[j] = tmp[j];
    }
  }
}

// One k step of the 4x8 tile: a broadcast of each row's A against the two B vectors. A second
// B pointer offset (o) lets the unrolled loop use load offsets instead of pointer increments.
#define STEP4(a0, a1, a2, a3, o, w)                 \
  {                                                 \
    const v128_t w0 = wasm_v128_load((w) + 8 * (o)); \
    const v128_t w1 = wasm_v128_load((w) + 8 * (o) + 4); \
    v128_t a = wasm_v128_load32_splat((a0) + (o));  \
    c00 = MADD(a, w0, c00);                         \
    c01 = MADD(a, w1, c01);                         \
    a = wasm_v128_load32_splat((a1) + (o));         \
    c10 = MADD(a, w0, c10);                         \
    c11 = MADD(a, w1, c11);                         \
    a = wasm_v128_load32_splat((a2) + (o));         \
    c20 = MADD(a, w0, c20);                         \
    c21 = MADD(a, w1, c21);                         \
    a = wasm_v128_load32_splat((a3) + (o));         \
    c30 = MADD(a, w0, c30);                         \
    c31 = MADD(a, w1, c31);                         \
  }

/**
 * C[4x8] = bias + sum over taps t and k < kc of A_t[i][k] * W[t][k][0..8), then ReLU if asked.
 * ap holds taps x 4 row pointers; rows past mr repeat row 0 (computed, never stored). Four rows,
 * not six: V8 keeps 15 xmm registers, and 12 accumulators plus operands spilled to the stack.
 */
static void igemm_4x8(int taps, int kc, const float *const *ap, const float *w, const float *bias, float *c, int ldc,
                      int mr, int nr, int relu) {
  v128_t b0 = bias ? wasm_v128_load(bias) : wasm_f32x4_splat(0.0f);
  v128_t b1 = bias ? wasm_v128_load(bias + 4) : wasm_f32x4_splat(0.0f);
  v128_t c00 = b0, c01 = b1, c10 = b0, c11 = b1, c20 = b0, c21 = b1, c30 = b0, c31 = b1;
  for (int t = 0; t < taps; t++, ap += MR) {
    const float *a0 = ap[0], *a1 = ap[1], *a2 = ap[2], *a3 = ap[3];
    // One step per iteration: unrolled, LLVM hoists every step's loads first, and V8 spills.
#pragma clang loop unroll(disable)
    for (int k = 0; k < kc; k++, a0++, a1++, a2++, a3++, w += NR) STEP4(a0, a1, a2, a3, 0, w);
  }
  v128_t acc[8] = {c00, c01, c10, c11, c20, c21, c30, c31};
  if (relu) {
    const v128_t zero = wasm_f32x4_splat(0.0f);
    for (int i = 0; i < 8; i++) acc[i] = wasm_f32x4_max(acc[i], zero);
  }
  store_tile(c, ldc, mr, nr, acc);
}

/**
 * C[4x8] += sum over runs r and k < len of A[r][k][0..4) * B[r][k][0..8): the transposed-A
 * product of weight gradients, where a run is one output row of pixels (contiguous in both).
 * Lanes past mr/nr read neighbouring floats (the caller pads buffers) and are never stored.
 */
static void gemm_at_4x8(int runs, int len, const int32_t *aoff, const int32_t *boff, const float *a, int astride,
                        const float *b, int bstride, float *c, int ldc, int mr, int nr) {
  v128_t acc[8];
  for (int i = 0; i < MR; i++) {
    if (i < mr && nr == NR) {
      acc[2 * i] = wasm_v128_load(c + i * ldc);
      acc[2 * i + 1] = wasm_v128_load(c + i * ldc + 4);
    } else {
      float tmp[NR] __attribute__((aligned(16))) = {0};
      for (int j = 0; i < mr && j < nr; j++) tmp[j] = c[i * ldc + j];
      acc[2 * i] = wasm_v128_load(tmp);
      acc[2 * i + 1] = wasm_v128_load(tmp + 4);
    }
  }
  v128_t c00 = acc[0], c01 = acc[1], c10 = acc[2], c11 = acc[3];
  v128_t c20 = acc[4], c21 = acc[5], c30 = acc[6], c31 = acc[7];
  for (int r = 0; r < runs; r++) {
    const float *ar = a + aoff[r];
    const float *br = b + boff[r];
    for (int k = 0; k < len; k++, ar += astride, br += bstride) {
      const v128_t w0 = wasm_v128_load(br);
      const v128_t w1 = wasm_v128_load(br + 4);
      v128_t x = wasm_v128_load32_splat(ar);
      c00 = MADD(x, w0, c00);
      c01 = MADD(x, w1, c01);
      x = wasm_v128_load32_splat(ar + 1);
      c10 = MADD(x, w0, c10);
      c11 = MADD(x, w1, c11);
      x = wasm_v128_load32_splat(ar + 2);
      c20 = MADD(x, w0, c20);
      c21 = MADD(x, w1, c21);
      x = wasm_v128_load32_splat(ar + 3);
      c30 = MADD(x, w0, c30);
      c31 = MADD(x, w1, c31);
    }
  }
  v128_t out[8] = {c00, c01, c10, c11, c20, c21, c30, c31};
  store_tile(c, ldc, mr, nr, out);
}

/**
 * Packs B for igemm: out[n/8][t][k][8] = B(t, k, n), zero past n. B(t, k, n) is read at
 * b[t*tstride + k*kstride + n*nstride], so one routine packs a conv filter, its rotated
 * transpose (backprop input) and a dense weight either way round.
 */
EXPORT(pack_b)
void pack_b(const float *b, int taps, int kc, int n, int tstride, int kstride, int nstride, float *out) {
  for (int n0 = 0; n0 < n; n0 += NR) {
    for (int t = 0; t < taps; t++) {
      for (int k = 0; k < kc; k++) {
        const float *src = b + t * tstride + k * kstride;
        for (int j = 0; j < NR; j++) *out++ = n0 + j < n ? src[(n0 + j) * nstride] : 0.0f;
      }
    }
  }
}

/** Bias padded to whole tiles, so the microkernel loads it without a bound. */
#define MAX_BIAS (4096 + NR)

/**
 * Stride-1 convolution over an explicitly padded NHWC input x [batch][hp][wp][c] with a filter
 * packed by pack_b (taps = kh*kw in row-major order, k = input channel): out [batch][oh][ow][co].
 * oh = hp - kh + 1, ow = wp - kw + 1. Blocks of MB pixels share one indirection buffer.
 */
EXPORT(conv2d)
void conv2d(const float *x, int batch, int hp, int wp, int c, int kh, int kw, const float *wpacked, int co,
            const float *bias, float *out, int relu) {
  const int oh = hp - kh + 1, ow = wp - kw + 1, taps = kh * kw;
  const int pixels = batch * oh * ow, ntiles = (co + NR - 1) / NR;
  const float *indirection[INDIRECTION];
  float bias_pad[MAX_BIAS] __attribute__((aligned(16)));
  if (bias) {
    for (int j = 0; j < ntiles * NR; j++) bias_pad[j] = j < co ? bias[j] : 0.0f;
  }
  for (int m0 = 0; m0 < pixels; m0 += MB) {
    const int mcount = pixels - m0 < MB ? pixels - m0 : MB;
    const int mtiles = (mcount + MR - 1) / MR;
    // indirection[(tile*taps + t)*MR + i] -> pixel m0 + tile*MR + i at tap t
    for (int tile = 0; tile < mtiles; tile++) {
      for (int i = 0; i < MR; i++) {
        int p = m0 + tile * MR + (tile * MR + i < mcount ? i : 0);
        const int b = p / (oh * ow), rem = p % (oh * ow), y = rem / ow, xo = rem % ow;
        const float *base = x + ((b * hp + y) * wp + xo) * c;
        for (int t = 0; t < taps; t++) {
          indirection[(tile * taps + t) * MR + i] = base + ((t / kw) * wp + (t % kw)) * c;
        }
      }
    }
    for (int nt = 0; nt < ntiles; nt++) {
      const float *panel = wpacked + nt * taps * c * NR;
      const int nr = co - nt * NR < NR ? co - nt * NR : NR;
      for (int tile = 0; tile < mtiles; tile++) {
        const int mr = mcount - tile * MR < MR ? mcount - tile * MR : MR;
        igemm_4x8(taps, c, indirection + tile * taps * MR, panel, bias ? bias_pad + nt * NR : 0,
                  out + (m0 + tile * MR) * co + nt * NR, co, mr, nr, relu);
      }
    }
  }
}

/** C [m][n] = A [m][k] (row stride lda) @ B, with B packed by pack_b (taps 1). */
EXPORT(gemm)
void gemm(const float *a, int m, int k, int lda, const float *bpacked, int n, float *c) {
  const int ntiles = (n + NR - 1) / NR;
  const float *indirection[MB];
  for (int m0 = 0; m0 < m; m0 += MB) {
    const int mcount = m - m0 < MB ? m - m0 : MB;
    const int mtiles = (mcount + MR - 1) / MR;
    for (int tile = 0; tile < mtiles; tile++) {
      for (int i = 0; i < MR; i++) {
        const int row = m0 + tile * MR + (tile * MR + i < mcount ? i : 0);
        indirection[tile * MR + i] = a + row * lda;
      }
    }
    for (int nt = 0; nt < ntiles; nt++) {
      const int nr = n - nt * NR < NR ? n - nt * NR : NR;
      for (int tile = 0; tile < mtiles; tile++) {
        const int mr = mcount - tile * MR < MR ? mcount - tile * MR : MR;
        igemm_4x8(1, k, indirection + tile * MR, bpacked + nt * k * NR, 0, c + (m0 + tile * MR) * n + nt * NR, n,
                  mr, nr, 0);
      }
    }
  }
}

#define RUNS 64

/**
 * Columns [nb, ne) of C [m][n] = A^T B for A [k][m] (row stride lda) and B [k][n] (row stride
 * ldb), for small lda (the RGB patches' filter gradient): K is cut in blocks of 256 so both strips
 * stay in L1 while C accumulates. A large lda thrashes the TLB; transpose A and call gemm instead.
 * nb is a multiple of 8; threads that take disjoint column ranges compute what one thread would.
 */
EXPORT(gemm_at)
void gemm_at(const float *a, int m, int k, int lda, const float *b, int n, int ldb, float *c, int nb, int ne) {
  int32_t aoffs[1], boffs[1];
  for (int i = 0; i < m; i++) {
    for (int j = nb; j < ne; j++) c[i * n + j] = 0.0f;
  }
  for (int k0 = 0; k0 < k; k0 += 256) {
    const int len = k - k0 < 256 ? k - k0 : 256;
    aoffs[0] = k0 * lda;
    boffs[0] = k0 * ldb;
    for (int m0 = 0; m0 < m; m0 += MR) {
      for (int n0 = nb; n0 < ne; n0 += NR) {
        gemm_at_4x8(1, len, aoffs, boffs, a + m0, lda, b + n0, ldb, c + m0 * n + n0, n, m - m0 < MR ? m - m0 : MR,
                    ne - n0 < NR ? ne - n0 : NR);
      }
    }
  }
}

/**
 * Output channels [nb, ne) of the filter gradient of a stride-1 convolution: dw [kh][kw][c][co] =
 * sum over pixels of x [batch][hp][wp][c] (padded as the forward conv read it) shifted by the tap,
 * times dy [batch][oh][ow][co]. Rows of output pixels are taken in blocks of about 256 pixels, so
 * the strips of x and dy a block reads stay in cache while every tap and tile accumulates over it.
 * nb is a multiple of 8; each dw float sums in the same order whatever range a thread takes.
 */
EXPORT(conv2d_filter_grad)
void conv2d_filter_grad(const float *x, int batch, int hp, int wp, int c, const float *dy, int co, int kh, int kw,
                        float *dw, int nb, int ne) {
  const int oh = hp - kh + 1, ow = wp - kw + 1, taps = kh * kw;
  const int rows = batch * oh;
  int32_t aoffs[RUNS], boffs[RUNS];
  int block = 256 / ow;
  if (block < 1) block = 1;
  if (block > RUNS) block = RUNS;
  for (int i = 0; i < taps * c; i++) {
    for (int j = nb; j < ne; j++) dw[i * co + j] = 0.0f;
  }
  for (int r0 = 0; r0 < rows; r0 += block) {
    const int runs = rows - r0 < block ? rows - r0 : block;
    for (int r = 0; r < runs; r++) {
      const int row = r0 + r, b = row / oh, y = row % oh;
      aoffs[r] = (b * hp + y) * wp * c;
      boffs[r] = row * ow * co;
    }
    for (int t = 0; t < taps; t++) {
      const float *xt = x + ((t / kw) * wp + (t % kw)) * c;
      for (int m0 = 0; m0 < c; m0 += MR) {
        for (int n0 = nb; n0 < ne; n0 += NR) {
          gemm_at_4x8(runs, ow, aoffs, boffs, xt + m0, c, dy + n0, co, dw + (t * c + m0) * co + n0, co,
                      c - m0 < MR ? c - m0 : MR, ne - n0 < NR ? ne - n0 : NR);
        }
      }
    }
  }
}

/** out [n][m] = a [m][n]: B of a transposed-A product that is itself transposed. */
EXPORT(transpose)
void transpose(const float *a, int m, int n, float *out) {
  for (int i0 = 0; i0 < m; i0 += 8) {
    for (int j0 = 0; j0 < n; j0 += 8) {
      for (int i = i0; i < m && i < i0 + 8; i++) {
        for (int j = j0; j < n && j < j0 + 8; j++) out[j * m + i] = a[i * n + j];
      }
    }
  }
}

/**
 * MaxPoolGrad of a 2x2, stride-2 pool over x [batch][h][w][c] (h, w even, c a multiple of 4):
 * each window passes dy to its first maximum in row-major order, as the cpu backend does. The
 * windows tile x exactly, so every dx float is written once and nothing needs zeroing.
 */
EXPORT(max_pool_grad_2x2)
void max_pool_grad_2x2(const float *x, const float *dy, int batch, int h, int w, int c, float *dx) {
  const int oh = h / 2, ow = w / 2, row = w * c;
  const v128_t zero = wasm_f32x4_splat(0.0f);
  for (int b = 0; b < batch; b++) {
    for (int y = 0; y < oh; y++) {
      for (int xo = 0; xo < ow; xo++) {
        const int at = ((b * h + 2 * y) * w + 2 * xo) * c;
        const float *x0 = x + at, *x1 = x0 + c, *x2 = x0 + row, *x3 = x2 + c;
        float *d0 = dx + at, *d1 = d0 + c, *d2 = d0 + row, *d3 = d2 + c;
        const float *g = dy + ((b * oh + y) * ow + xo) * c;
        for (int k = 0; k < c; k += 4) {
          const v128_t v0 = wasm_v128_load(x0 + k), v1 = wasm_v128_load(x1 + k);
          const v128_t v2 = wasm_v128_load(x2 + k), v3 = wasm_v128_load(x3 + k);
          const v128_t grad = wasm_v128_load(g + k);
          // Strictly greater keeps the first maximum, as in the cpu backend.
          v128_t m = v0;
          const v128_t t1 = wasm_f32x4_gt(v1, m);
          m = wasm_v128_bitselect(v1, m, t1);
          const v128_t t2 = wasm_f32x4_gt(v2, m);
          m = wasm_v128_bitselect(v2, m, t2);
          const v128_t t3 = wasm_f32x4_gt(v3, m);
          // Window position that wins: 3 if t3, else 2 if t2, else 1 if t1, else 0.
          const v128_t is3 = t3;
          const v128_t is2 = wasm_v128_andnot(t2, t3);
          const v128_t is1 = wasm_v128_andnot(wasm_v128_andnot(t1, t2), t3);
          const v128_t is0 = wasm_v128_not(wasm_v128_or(wasm_v128_or(t1, t2), t3));
          wasm_v128_store(d0 + k, wasm_v128_bitselect(grad, zero, is0));
          wasm_v128_store(d1 + k, wasm_v128_bitselect(grad, zero, is1));
          wasm_v128_store(d2 + k, wasm_v128_bitselect(grad, zero, is2));
          wasm_v128_store(d3 + k, wasm_v128_bitselect(grad, zero, is3));
        }
      }
    }
  }
}

/**
 * out [pixels][kh*kw*c] = the input patch of every output pixel of a stride-1 convolution over
 * padded x [batch][hp][wp][c]. Only for few channels (the RGB input): the patch then makes one
 * long K for the GEMM, where the igemm would run 3-float steps between pointer reloads.
 */
EXPORT(im2col)
void im2col(const float *x, int batch, int hp, int wp, int c, int kh, int kw, float *out) {
  const int oh = hp - kh + 1, ow = wp - kw + 1;
  for (int b = 0; b < batch; b++) {
    for (int y = 0; y < oh; y++) {
      for (int xo = 0; xo < ow; xo++) {
        for (int i = 0; i < kh; i++) {
          const float *src = x + ((b * hp + y + i) * wp + xo) * c;
          for (int j = 0; j < kw * c; j++) *out++ = src[j];
        }
      }
    }
  }
}
