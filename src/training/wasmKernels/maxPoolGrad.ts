// MaxPoolGrad for the tfjs wasm backend as a JavaScript loop over the wasm heap. The stock C++
// kernel took ~55 ms of a 240 ms SimpleCNN training step here; this scatter form reads each
// window once, all channels together. Ties go to the first maximum in row-major window order,
// as in the cpu backend's maxPoolPositions.
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelArgs } from './callWasmKernel';

/** dx for float32 NHWC max pooling, or null where the stock kernel should run. */
export function maxPoolGradByScatter(args: KernelArgs): tf.TensorInfo | null {
  const backend = args.backend as BackendWasm;
  const { dy, input } = args.inputs;
  const { filterSize, strides, pad, dimRoundingMode } = args.attrs as unknown as tf.MaxPoolGradAttrs;
  if (dy == null || input == null || dy.dtype !== 'float32' || input.dtype !== 'float32') return null;
  if (input.shape.length !== 4) return null;
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    filterSize,
    strides,
    1,
    pad,
    dimRoundingMode,
  );
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth } = info;
  const { strideHeight, strideWidth, effectiveFilterHeight, effectiveFilterWidth, padInfo } = info;
  if (dy.shape.some((d, i) => d !== info.outShape[i])) return null;

  const dx = backend.makeOutput(input.shape, 'float32');
  // Views after the allocation: growing the heap replaces its buffer.
  const xs = backend.typedArrayFromHeap(input) as Float32Array;
  const dys = backend.typedArrayFromHeap(dy) as Float32Array;
  const dxs = backend.typedArrayFromHeap(dx) as Float32Array;
  dxs.fill(0);
  const maxValue = new Float32Array(channels);
  const maxIndex = new Int32Array(channels);

  for (let b = 0; b < batchSize; b++) {
    for (let yR = 0; yR < outHeight; yR++) {
      const rowStart = yR * strideHeight - padInfo.top;
      const xRMin = Math.max(0, rowStart);
      const xRMax = Math.min(inHeight, rowStart + effectiveFilterHeight);
      for (let yC = 0; yC < outWidth; yC++) {
        const colStart = yC * strideWidth - padInfo.left;
        const xCMin = Math.max(0, colStart);
        const xCMax = Math.min(inWidth, colStart + effectiveFilterWidth);
        maxValue.fill(-Infinity);
        maxIndex.fill(-1);
        for (let xR = xRMin; xR < xRMax; xR++) {
          for (let xC = xCMin; xC < xCMax; xC++) {
            const offset = ((b * inHeight + xR) * inWidth + xC) * channels;
            for (let d = 0; d < channels; d++) {
              const v = xs[offset + d];
              if (v > maxValue[d]) {
                maxValue[d] = v;
                maxIndex[d] = offset + d;
              }
            }
          }
        }
        const dyOffset = ((b * outHeight + yR) * outWidth + yC) * channels;
        for (let d = 0; d < channels; d++) {
          const at = maxIndex[d];
          if (at >= 0) dxs[at] += dys[dyOffset + d];
        }
      }
    }
  }
  return dx;
}
