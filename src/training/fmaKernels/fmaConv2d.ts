// Conv2D and Conv2DBackpropInput (stride 1, no dilation, NHWC) on our igemm kernel (gemm.c):
// the input is copied in with its zero padding, the filter packed into 8-wide panels. The input
// gradient is the same convolution of dy with the filter rotated by 180 degrees and transposed,
// which pack_b reads in place (a negative tap stride). Other geometries return null (stock kernel).
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelArgs } from '../wasmKernels/callWasmKernel';
import { fmaKernels, type FmaKernels } from './fmaModule';
import { stride1Conv } from './stride1Conv';
import { cutRange, MIN_SHARED_MADDS } from './cutRange';
import { copyIn, copyOut, copyPadded, isFloat4d } from './tensorCopy';

const MAX_TAPS = 25; // the indirection buffer's size in gemm.c
/** Below this many input channels the patches are laid out first (im2col) for one long K. */
export const IM2COL_CHANNELS = 8;

/** conv2d over images [b0, b1) of x, one part per thread: each image's outputs are its own. */
function conv2dByImages(
  kernels: FmaKernels,
  x: number,
  batch: number,
  hp: number,
  wp: number,
  c: number,
  kh: number,
  kw: number,
  packed: number,
  co: number,
  out: number,
): void {
  const oh = hp - kh + 1,
    ow = wp - kw + 1;
  const madds = batch * oh * ow * kh * kw * c * co;
  const threads = madds < MIN_SHARED_MADDS ? 1 : kernels.threads();
  kernels.run(
    'conv2d',
    cutRange(batch, threads).map(([b0, b1]) => [
      x + b0 * hp * wp * c * 4,
      b1 - b0,
      hp,
      wp,
      c,
      kh,
      kw,
      packed,
      co,
      0,
      out + b0 * oh * ow * co * 4,
      0,
    ]),
  );
}

/** gemm over rows [r0, r1) of A, one part per thread. */
export function gemmByRows(
  kernels: FmaKernels,
  a: number,
  m: number,
  k: number,
  packed: number,
  n: number,
  c: number,
): void {
  const threads = m * k * n < MIN_SHARED_MADDS ? 1 : kernels.threads();
  kernels.run(
    'gemm',
    cutRange(m, threads).map(([r0, r1]) => [a + r0 * k * 4, r1 - r0, k, k, packed, n, c + r0 * n * 4]),
  );
}

function isOne(d: number | [number, number] | undefined): boolean {
  return d == null || (typeof d === 'number' ? d === 1 : d[0] === 1 && d[1] === 1);
}

export function conv2dByIgemm(args: KernelArgs): tf.TensorInfo | null {
  const kernels = fmaKernels();
  const backend = args.backend as BackendWasm;
  const { x, filter } = args.inputs;
  const { strides, pad, dataFormat, dilations, dimRoundingMode } = args.attrs as unknown as tf.Conv2DAttrs;
  if (kernels == null || !isFloat4d(x) || !isFloat4d(filter) || dataFormat !== 'NHWC' || !isOne(dilations)) return null;
  const conv = stride1Conv(x.shape, filter.shape, strides, pad, dimRoundingMode);
  if (conv == null || conv.info.filterHeight * conv.info.filterWidth > MAX_TAPS) return null;
  const { filterHeight: kh, filterWidth: kw, inChannels, outHeight, outWidth, outChannels, batchSize } = conv.info;

  kernels.reset();
  const xp = copyPadded(kernels, backend, x, conv.pads);
  const w = copyIn(kernels, backend, filter);
  const packed = kernels.alloc(Math.ceil(outChannels / 8) * 8 * kh * kw * inChannels);
  const out = kernels.alloc(batchSize * outHeight * outWidth * outChannels);
  const e = kernels.exports;
  if (inChannels < IM2COL_CHANNELS) {
    const k = kh * kw * inChannels;
    const patches = kernels.alloc(batchSize * outHeight * outWidth * k);
    e.im2col(xp.offset, batchSize, xp.hp, xp.wp, inChannels, kh, kw, patches);
    // B(k = (t, ci), n = co) = filter[t][ci][co], one row of the flattened filter per k
    e.pack_b(w, 1, k, outChannels, 0, outChannels, 1, packed);
    gemmByRows(kernels, patches, batchSize * outHeight * outWidth, k, packed, outChannels, out);
  } else {
    // B(t, k = ci, n = co) = filter[t][ci][co]
    e.pack_b(w, kh * kw, inChannels, outChannels, inChannels * outChannels, outChannels, 1, packed);
    conv2dByImages(kernels, xp.offset, batchSize, xp.hp, xp.wp, inChannels, kh, kw, packed, outChannels, out);
  }
  return copyOut(kernels, backend, out, [batchSize, outHeight, outWidth, outChannels]);
}

export function conv2dBackpropInputByIgemm(args: KernelArgs): tf.TensorInfo | null {
  const kernels = fmaKernels();
  const backend = args.backend as BackendWasm;
  const { dy, filter } = args.inputs;
  const { strides, pad, dataFormat, dimRoundingMode, inputShape } =
    args.attrs as unknown as tf.Conv2DBackpropInputAttrs;
  if (kernels == null || !isFloat4d(dy) || !isFloat4d(filter) || dataFormat !== 'NHWC' || inputShape.length !== 4)
    return null;
  const conv = stride1Conv(inputShape, filter.shape, strides, pad, dimRoundingMode);
  if (conv == null || conv.info.filterHeight * conv.info.filterWidth > MAX_TAPS) return null;
  const { filterHeight: kh, filterWidth: kw, padInfo } = conv.info;
  const { inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, batchSize } = conv.info;
  if (dy.shape.some((d, i) => d !== [batchSize, outHeight, outWidth, outChannels][i])) return null;
  const top = kh - 1 - padInfo.top;
  const left = kw - 1 - padInfo.left;
  const bottom = inHeight - outHeight + kh - 1 - top;
  const right = inWidth - outWidth + kw - 1 - left;
  if (Math.min(top, left, bottom, right) < 0) return null;

  kernels.reset();
  const dyp = copyPadded(kernels, backend, dy, [top, bottom, left, right]);
  const w = copyIn(kernels, backend, filter);
  const taps = kh * kw;
  const packed = kernels.alloc(Math.ceil(inChannels / 8) * 8 * taps * outChannels);
  const out = kernels.alloc(batchSize * inHeight * inWidth * inChannels);
  const e = kernels.exports;
  // B(t, k = co, n = ci) = filter[taps - 1 - t][ci][co]: start at the last tap, step back.
  const tapFloats = inChannels * outChannels;
  e.pack_b(w + (taps - 1) * tapFloats * 4, taps, outChannels, inChannels, -tapFloats, 1, outChannels, packed);
  conv2dByImages(kernels, dyp.offset, batchSize, dyp.hp, dyp.wp, outChannels, kh, kw, packed, inChannels, out);
  return copyOut(kernels, backend, out, [batchSize, inHeight, inWidth, inChannels]);
}
