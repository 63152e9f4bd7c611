// Conv2DBackpropInput for the tfjs wasm backend as one forward Conv2D (XNNPACK): for stride 1
// the input gradient is dy, padded by k-1-pad, convolved with the 180-degree-rotated filter.
// Other geometries fall back to the stock kernel, which it wraps (keeping its setupFunc).
import * as tf from '@tensorflow/tfjs';
import { callWasmKernel, withTemporaries, type KernelArgs, type WasmBackend } from './callWasmKernel';

/**
 * dx[b, i, j, ci] = sum_{kh, kw, co} dypad[b, i + kh, j + kw, co] * W[K-1-kh, L-1-kw, ci, co]
 * with dypad = dy padded by (K-1-top, L-1-left) before; valid only for stride 1.
 * Returns null where this form does not apply, so the caller uses the stock kernel.
 */
export function conv2dBackpropInputByForwardConv(args: KernelArgs): tf.TensorInfo | null {
  const backend = args.backend as WasmBackend;
  const { dy, filter } = args.inputs;
  const { strides, pad, dataFormat, dimRoundingMode, inputShape } =
    args.attrs as unknown as tf.Conv2DBackpropInputAttrs;
  if (dy == null || filter == null || dataFormat !== 'NHWC' || dy.dtype !== 'float32') return null;
  if (filter.dtype !== 'float32' || filter.shape.length !== 4 || inputShape.length !== 4) return null;

  const info = tf.backend_util.computeConv2DInfo(
    inputShape,
    filter.shape as [number, number, number, number],
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    'channelsLast',
  );
  const { strideHeight, strideWidth, filterHeight, filterWidth, padInfo } = info;
  const { inHeight, inWidth, outHeight, outWidth } = info;
  if (strideHeight !== 1 || strideWidth !== 1) return null;
  const top = filterHeight - 1 - padInfo.top;
  const left = filterWidth - 1 - padInfo.left;
  // Chosen so the output is exactly inHeight x inWidth; negative only for pads wider than the filter.
  const bottom = inHeight - outHeight + filterHeight - 1 - top;
  const right = inWidth - outWidth + filterWidth - 1 - left;
  if (Math.min(top, left, bottom, right) < 0) return null;

  return withTemporaries(backend, (temp) => {
    // [kh, kw, ci, co] -> rot180 -> [kh, kw, co, ci]
    const flipped = temp(callWasmKernel('Reverse', backend, { x: filter }, { dims: [0, 1] }));
    const rotated = temp(callWasmKernel('Transpose', backend, { x: flipped }, { perm: [0, 1, 3, 2] }));
    return callWasmKernel(
      'Conv2D',
      backend,
      { x: dy, filter: rotated },
      {
        strides: [1, 1],
        pad: [
          [0, 0],
          [top, bottom],
          [left, right],
          [0, 0],
        ],
        dataFormat: 'NHWC',
        dilations: [1, 1],
      },
    );
  });
}
