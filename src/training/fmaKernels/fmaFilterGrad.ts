// Conv2DBackpropFilter (stride 1, NHWC) on our transposed-A GEMM kernel (gemm.c): x is copied in
// padded as the forward convolution read it, and every tap's dW[t] = x_t^T dy accumulates over
// blocks of output rows (for the RGB input, one GEMM over its patches). Other geometries return null (the XNNPACK formulations run).
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelArgs } from '../wasmKernels/callWasmKernel';
import { fmaKernels } from './fmaModule';
import { IM2COL_CHANNELS } from './fmaConv2d';
import { stride1Conv } from './stride1Conv';
import { cutRange, MIN_SHARED_MADDS } from './cutRange';
import { copyIn, copyOut, copyPadded, isFloat4d } from './tensorCopy';

export function conv2dBackpropFilterByGemm(args: KernelArgs): tf.TensorInfo | null {
  const kernels = fmaKernels();
  const backend = args.backend as BackendWasm;
  const { x, dy } = args.inputs;
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } =
    args.attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  if (kernels == null || !isFloat4d(x) || !isFloat4d(dy) || dataFormat !== 'NHWC' || filterShape.length !== 4)
    return null;
  const conv = stride1Conv(x.shape, filterShape, strides, pad, dimRoundingMode);
  if (conv == null) return null;
  const { filterHeight: kh, filterWidth: kw, inChannels, outHeight, outWidth, outChannels, batchSize } = conv.info;
  if (dy.shape.some((d, i) => d !== [batchSize, outHeight, outWidth, outChannels][i])) return null;

  kernels.reset();
  const xp = copyPadded(kernels, backend, x, conv.pads);
  const dyIn = copyIn(kernels, backend, dy);
  const dw = kernels.alloc(kh * kw * inChannels * outChannels);
  const e = kernels.exports;
  // Threads take ranges of output channels: each dw column sums in the same order as on one.
  const madds = batchSize * outHeight * outWidth * kh * kw * inChannels * outChannels;
  const columns = cutRange(outChannels, madds < MIN_SHARED_MADDS ? 1 : kernels.threads(), 8);
  if (inChannels < IM2COL_CHANNELS) {
    // dW [(t, ci)][co] = patches^T dy over all output pixels
    const k = kh * kw * inChannels;
    const pixels = batchSize * outHeight * outWidth;
    const patches = kernels.alloc(pixels * k);
    e.im2col(xp.offset, batchSize, xp.hp, xp.wp, inChannels, kh, kw, patches);
    kernels.run(
      'gemm_at',
      columns.map(([nb, ne]) => [patches, k, pixels, k, dyIn, outChannels, outChannels, dw, nb, ne]),
    );
  } else {
    kernels.run(
      'conv2d_filter_grad',
      columns.map(([nb, ne]) => [
        xp.offset,
        batchSize,
        xp.hp,
        xp.wp,
        inChannels,
        dyIn,
        outChannels,
        kh,
        kw,
        dw,
        nb,
        ne,
      ]),
    );
  }
  return copyOut(kernels, backend, dw, filterShape);
}
