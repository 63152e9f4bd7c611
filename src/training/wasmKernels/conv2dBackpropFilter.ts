// Conv2DBackpropFilter for the tfjs wasm backend, which 4.22 lacks, written as one forward
// Conv2D (XNNPACK) over transposed tensors: the filter gradient is a correlation of x with dy.
// A slice/matMul formulation was ~5x slower in the browser notes (notes/browser.md).
import * as tf from '@tensorflow/tfjs';
import { callWasmKernel, type WasmBackend } from './callWasmKernel';

/**
 * dW[kh, kw, ci, co] = sum_{b, y, x} xpad[b, y*sh + kh, x*sw + kw, ci] * dy[b, y, x, co].
 * Read with ci as the batch and b as the input channel, this is a forward convolution of
 * transpose(xpad) [ci, H, W, B] with the filter transpose(dy) [oh, ow, B, co], dilated by the
 * original stride, giving [ci, kh, kw, co]; a last transpose gives [kh, kw, ci, co].
 */
export function conv2dBackpropFilterWasm(args: {
  inputs: tf.NamedTensorInfoMap;
  backend: tf.KernelBackend;
  attrs?: tf.NamedAttrMap;
}): tf.TensorInfo {
  const backend = args.backend as WasmBackend;
  const { x, dy } = args.inputs;
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } =
    args.attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  if (x == null || dy == null) {
    throw new Error('Conv2DBackpropFilter (wasm) expects inputs x and dy.');
  }
  if (dataFormat !== 'NHWC') {
    throw new Error(
      `Conv2DBackpropFilter (wasm) supports only dataFormat 'NHWC', but got '${dataFormat}'.`,
    );
  }
  if (x.shape.length !== 4 || dy.shape.length !== 4 || filterShape.length !== 4) {
    throw new Error(
      `Conv2DBackpropFilter (wasm) expects rank-4 x, dy and filterShape, but got ` +
        `x [${x.shape}], dy [${dy.shape}], filterShape [${filterShape}].`,
    );
  }
  if (x.dtype !== 'float32' || dy.dtype !== 'float32') {
    throw new Error(
      `Conv2DBackpropFilter (wasm) supports float32 only, but got x ${x.dtype}, dy ${dy.dtype}.`,
    );
  }

  // 1. The forward geometry, including the padding 'same'/'valid'/explicit resolves to.
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    'channelsLast',
  );
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth, padInfo } = info;
  const expectedDy = [batchSize, outHeight, outWidth, outChannels];
  if (dy.shape.some((d, i) => d !== expectedDy[i]) || filterShape[2] !== x.shape[3]) {
    throw new Error(
      `Conv2DBackpropFilter (wasm): dy [${dy.shape}] does not match the convolution of ` +
        `x [${x.shape}] with filterShape [${filterShape}], which gives [${expectedDy}]. ` +
        `(tf.conv2d's gradient drops dimRoundingMode, and the wasm forward Conv2D ignores it.)`,
    );
  }

  // 2. Pad so the dilated dy window covers every filter tap. Rows the forward conv never read
  // ('valid' leftovers) would only widen the result, and are sliced off in step 4.
  const padBottom = Math.max(0, (outHeight - 1) * strideHeight + filterHeight - inHeight - padInfo.top);
  const padRight = Math.max(0, (outWidth - 1) * strideWidth + filterWidth - inWidth - padInfo.left);

  const intermediates: tf.TensorInfo[] = [];
  try {
    // 3. One forward convolution: batch = ci, in channels = B, dilation = the original stride.
    const xT = callWasmKernel('Transpose', backend, { x }, { perm: [3, 1, 2, 0] });
    intermediates.push(xT);
    const dyT = callWasmKernel('Transpose', backend, { x: dy }, { perm: [1, 2, 0, 3] });
    intermediates.push(dyT);
    let grad = callWasmKernel(
      'Conv2D',
      backend,
      { x: xT, filter: dyT },
      {
        strides: [1, 1],
        pad: [[0, 0], [padInfo.top, padBottom], [padInfo.left, padRight], [0, 0]],
        dataFormat: 'NHWC',
        dilations: [strideHeight, strideWidth],
        dimRoundingMode: undefined,
      },
    );
    intermediates.push(grad);

    // 4. Keep the first kh x kw taps: [ci, kh, kw, co].
    if (grad.shape[1] !== filterHeight || grad.shape[2] !== filterWidth) {
      grad = callWasmKernel(
        'Slice',
        backend,
        { x: grad },
        { begin: [0, 0, 0, 0], size: [inChannels, filterHeight, filterWidth, outChannels] },
      );
      intermediates.push(grad);
    }

    // 5. [ci, kh, kw, co] -> [kh, kw, ci, co]; this one is returned, not disposed.
    return callWasmKernel('Transpose', backend, { x: grad }, { perm: [1, 2, 0, 3] });
  } finally {
    for (const t of intermediates) backend.disposeData(t.dataId);
  }
}

export const conv2dBackpropFilterWasmConfig: tf.KernelConfig = {
  kernelName: 'Conv2DBackpropFilter',
  backendName: 'wasm',
  kernelFunc: conv2dBackpropFilterWasm as tf.KernelFunc,
};
