// The FMA ceiling of this machine for `npm run bench:kernels`: twelve independent multiply-add
// chains, no loads, in the same two builds as our kernels (RELAXED: f32x4.relaxed_madd).
#include <wasm_simd128.h>
#ifdef RELAXED
#define MADD(a, b, c) wasm_f32x4_relaxed_madd(a, b, c)
#else
#define MADD(a, b, c) wasm_f32x4_add(wasm_f32x4_mul(a, b), c)
#endif
__attribute__((export_name("peak"))) float peak(int n, float s) {
  v128_t a = wasm_f32x4_splat(s), b = wasm_f32x4_splat(0.999f);
  v128_t c0=a,c1=a,c2=a,c3=a,c4=a,c5=a,c6=a,c7=a,c8=a,c9=a,c10=a,c11=a;
  for (int i = 0; i < n; i++) {
    c0=MADD(c0,b,a);c1=MADD(c1,b,a);c2=MADD(c2,b,a);c3=MADD(c3,b,a);c4=MADD(c4,b,a);c5=MADD(c5,b,a);
    c6=MADD(c6,b,a);c7=MADD(c7,b,a);c8=MADD(c8,b,a);c9=MADD(c9,b,a);c10=MADD(c10,b,a);c11=MADD(c11,b,a);
  }
  v128_t s0 = wasm_f32x4_add(wasm_f32x4_add(wasm_f32x4_add(c0,c1),wasm_f32x4_add(c2,c3)),wasm_f32x4_add(wasm_f32x4_add(c4,c5),wasm_f32x4_add(c6,c7)));
  s0 = wasm_f32x4_add(s0, wasm_f32x4_add(wasm_f32x4_add(c8,c9),wasm_f32x4_add(c10,c11)));
  return wasm_f32x4_extract_lane(s0, 0);
}
