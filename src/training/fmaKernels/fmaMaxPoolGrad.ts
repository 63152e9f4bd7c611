// MaxPoolGrad of SimpleCNN's 2x2, stride-2 pools on our SIMD kernel (gemm.c): one pass that
// compares the four window positions lane by lane. Other pools return null (the JS scatter runs).
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelArgs } from '../wasmKernels/callWasmKernel';
import { fmaKernels } from './fmaModule';
import { copyIn, copyOut, isFloat4d } from './tensorCopy';
import { cutRange, MIN_SHARED_MADDS } from './cutRange';

export function maxPoolGrad2x2(args: KernelArgs): tf.TensorInfo | null {
  const kernels = fmaKernels();
  const backend = args.backend as BackendWasm;
  const { dy, input } = args.inputs;
  const { filterSize, strides, pad, dimRoundingMode } = args.attrs as unknown as tf.MaxPoolGradAttrs;
  if (kernels == null || !isFloat4d(dy) || !isFloat4d(input)) return null;
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    filterSize,
    strides,
    1,
    pad,
    dimRoundingMode,
  );
  const { batchSize, inHeight, inWidth, inChannels, filterHeight, filterWidth, strideHeight, strideWidth } = info;
  const { top, bottom, left, right } = info.padInfo;
  const tiles = filterHeight === 2 && filterWidth === 2 && strideHeight === 2 && strideWidth === 2;
  if (!tiles || top + bottom + left + right !== 0 || inHeight % 2 !== 0 || inWidth % 2 !== 0) return null;
  if (inChannels % 4 !== 0 || dy.shape.some((d, i) => d !== info.outShape[i])) return null;

  kernels.reset();
  const x = copyIn(kernels, backend, input);
  const g = copyIn(kernels, backend, dy);
  const dx = kernels.alloc(tf.util.sizeFromShape(input.shape));
  // Each image's windows are its own: threads take ranges of images.
  const image = inHeight * inWidth * inChannels * 4;
  const threads = batchSize * image < 4 * MIN_SHARED_MADDS ? 1 : kernels.threads();
  kernels.run(
    'max_pool_grad_2x2',
    cutRange(batchSize, threads).map(([b0, b1]) => [
      x + b0 * image,
      g + (b0 * image) / 4,
      b1 - b0,
      inHeight,
      inWidth,
      inChannels,
      dx + b0 * image,
    ]),
  );
  return copyOut(kernels, backend, dx, input.shape);
}
