// Conv2DBackpropFilter for the tfjs wasm backend, which 4.22 lacks, as one forward Conv2D
// (XNNPACK) over transposed tensors: the filter gradient is a correlation of x with dy.
// A slice/matMul formulation was ~5x slower in the browser notes (notes/browser.md).
import * as tf from '@tensorflow/tfjs';
import { callWasmKernel, withTemporaries, type KernelArgs, type WasmBackend } from './callWasmKernel';

/** The forward geometry (from the attrs) and the two tensors of one gradient call. */
interface FilterGradProblem {
  backend: WasmBackend;
  x: tf.TensorInfo;
  dy: tf.TensorInfo;
  info: tf.backend_util.Conv2DInfo;
}

/**
 * XNNPACK cost of a convolution in multiply-adds: the GEMM (output channels padded to its
 * 8-wide tiles) plus re-laying-out the filter, which the wasm Conv2D redoes for every new filter
 * tensor. ~250 multiply-adds per filter float was measured on this repo's 2-core EPYC; it only
 * picks the faster of two exact formulations, so a poor value costs speed, never correctness.
 */
const FILTER_LAYOUT_COST = 250;
function convCost(outPixels: number, outChannels: number, reduction: number, filterSize: number): number {
  return outPixels * Math.ceil(outChannels / 8) * 8 * reduction + FILTER_LAYOUT_COST * filterSize;
}

function validate(args: KernelArgs): FilterGradProblem {
  const { x, dy } = args.inputs;
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } =
    args.attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  if (x == null || dy == null) {
    throw new Error('Conv2DBackpropFilter (wasm) expects inputs x and dy.');
  }
  if (dataFormat !== 'NHWC') {
    throw new Error(`Conv2DBackpropFilter (wasm) supports only dataFormat 'NHWC', but got '${dataFormat}'.`);
  }
  if (x.shape.length !== 4 || dy.shape.length !== 4 || filterShape.length !== 4) {
    throw new Error(
      `Conv2DBackpropFilter (wasm) expects rank-4 x, dy and filterShape, but got ` +
        `x [${x.shape}], dy [${dy.shape}], filterShape [${filterShape}].`,
    );
  }
  if (x.dtype !== 'float32' || dy.dtype !== 'float32') {
    throw new Error(`Conv2DBackpropFilter (wasm) supports float32 only, but got x ${x.dtype}, dy ${dy.dtype}.`);
  }
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
  const expectedDy = [info.batchSize, info.outHeight, info.outWidth, info.outChannels];
  if (dy.shape.some((d, i) => d !== expectedDy[i]) || filterShape[2] !== x.shape[3]) {
    throw new Error(
      `Conv2DBackpropFilter (wasm): dy [${dy.shape}] does not match the convolution of ` +
        `x [${x.shape}] with filterShape [${filterShape}], which gives [${expectedDy}]. ` +
        `(tf.conv2d's gradient drops dimRoundingMode, and the wasm forward Conv2D ignores it.)`,
    );
  }
  return { backend: args.backend as WasmBackend, x, dy, info };
}

/**
 * Formulation "dy as filter", any stride:
 * dW[kh, kw, ci, co] = sum_{b, y, x} xpad[b, y*sh + kh, x*sw + kw, ci] * dy[b, y, x, co]
 * is a forward conv with batch = ci and input channels = B: input x^T [ci, H, W, B], filter
 * dy^T [oh, ow, B, co] dilated by the original stride, output [ci, kh', kw', co], kh' >= kh.
 */
function viewDyAsFilter(p: FilterGradProblem): { cost: number; run: () => tf.TensorInfo } {
  const { backend, x, dy, info } = p;
  const { inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, batchSize } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth, padInfo } = info;
  // Pad so the dilated dy window covers every filter tap; rows no tap reads ('valid' leftovers)
  // only widen the result, and are sliced off.
  const padBottom = Math.max(0, (outHeight - 1) * strideHeight + filterHeight - inHeight - padInfo.top);
  const padRight = Math.max(0, (outWidth - 1) * strideWidth + filterWidth - inWidth - padInfo.left);
  const cost = convCost(
    inChannels * filterHeight * filterWidth,
    outChannels,
    outHeight * outWidth * batchSize,
    outHeight * outWidth * batchSize * outChannels,
  );
  const run = () =>
    withTemporaries(backend, (temp) => {
      const xT = temp(callWasmKernel('Transpose', backend, { x }, { perm: [3, 1, 2, 0] }));
      const dyT = temp(callWasmKernel('Transpose', backend, { x: dy }, { perm: [1, 2, 0, 3] }));
      let grad = temp(
        callWasmKernel(
          'Conv2D',
          backend,
          { x: xT, filter: dyT },
          {
            strides: [1, 1],
            pad: [
              [0, 0],
              [padInfo.top, padBottom],
              [padInfo.left, padRight],
              [0, 0],
            ],
            dataFormat: 'NHWC',
            dilations: [strideHeight, strideWidth],
          },
        ),
      );
      if (grad.shape[1] !== filterHeight || grad.shape[2] !== filterWidth) {
        grad = temp(
          callWasmKernel(
            'Slice',
            backend,
            { x: grad },
            {
              begin: [0, 0, 0, 0],
              size: [inChannels, filterHeight, filterWidth, outChannels],
            },
          ),
        );
      }
      // [ci, kh, kw, co] -> [kh, kw, ci, co]
      return callWasmKernel('Transpose', backend, { x: grad }, { perm: [1, 2, 0, 3] });
    });
  return { cost, run };
}

/**
 * Formulation "x as filter", stride 1 only: with u = y + kh,
 * dW[kh, kw, ci, co] = sum_{u, v, b} dy[b, u - kh, v - kw, co] * xpad[b, u, v, ci]
 * is a forward conv with batch = co: input dy^T [co, oh, ow, B] padded by k-1, filter
 * xpad^T [H', W', B, ci], output [co, kh, kw, ci] with the taps in reverse order.
 * Its filter is x-sized rather than dy-sized, which wins when ci < co.
 */
function viewXAsFilter(p: FilterGradProblem): { cost: number; run: () => tf.TensorInfo } | null {
  const { backend, x, dy, info } = p;
  const { inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, batchSize } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth, padInfo } = info;
  if (strideHeight !== 1 || strideWidth !== 1) return null;
  // xpad holds exactly the rows and columns the forward conv read.
  const paddedHeight = outHeight + filterHeight - 1;
  const paddedWidth = outWidth + filterWidth - 1;
  const padBottom = paddedHeight - inHeight - padInfo.top;
  const padRight = paddedWidth - inWidth - padInfo.left;
  if (padBottom < 0 || padRight < 0) return null;
  const needsPad = padInfo.top + padBottom + padInfo.left + padRight > 0;
  const cost = convCost(
    outChannels * filterHeight * filterWidth,
    inChannels,
    paddedHeight * paddedWidth * batchSize,
    paddedHeight * paddedWidth * batchSize * inChannels,
  );
  const run = () =>
    withTemporaries(backend, (temp) => {
      const dyT = temp(callWasmKernel('Transpose', backend, { x: dy }, { perm: [3, 1, 2, 0] }));
      const paddings = [
        [0, 0],
        [padInfo.top, padBottom],
        [padInfo.left, padRight],
        [0, 0],
      ];
      const xpad = needsPad ? temp(callWasmKernel('PadV2', backend, { x }, { paddings, constantValue: 0 })) : x;
      const xpadT = temp(callWasmKernel('Transpose', backend, { x: xpad }, { perm: [1, 2, 0, 3] }));
      const reversed = temp(
        callWasmKernel(
          'Conv2D',
          backend,
          { x: dyT, filter: xpadT },
          {
            strides: [1, 1],
            pad: [
              [0, 0],
              [filterHeight - 1, filterHeight - 1],
              [filterWidth - 1, filterWidth - 1],
              [0, 0],
            ],
            dataFormat: 'NHWC',
            dilations: [1, 1],
          },
        ),
      );
      const grad = temp(callWasmKernel('Reverse', backend, { x: reversed }, { dims: [1, 2] }));
      // [co, kh, kw, ci] -> [kh, kw, ci, co]
      return callWasmKernel('Transpose', backend, { x: grad }, { perm: [1, 2, 3, 0] });
    });
  return { cost, run };
}

export type FilterGradFormulation = 'auto' | 'dyAsFilter' | 'xAsFilter';

/** dW for NHWC float32 x and dy; 'auto' picks the formulation with the lower estimated cost. */
export function conv2dBackpropFilterWasm(args: KernelArgs, formulation: FilterGradFormulation = 'auto'): tf.TensorInfo {
  const problem = validate(args);
  const dyAsFilter = viewDyAsFilter(problem);
  const xAsFilter = formulation === 'dyAsFilter' ? null : viewXAsFilter(problem);
  if (formulation === 'xAsFilter' && xAsFilter == null) {
    throw new Error('Conv2DBackpropFilter (wasm): the x-as-filter formulation needs stride 1.');
  }
  const chosen =
    xAsFilter != null && (formulation === 'xAsFilter' || xAsFilter.cost < dyAsFilter.cost) ? xAsFilter : dyAsFilter;
  return chosen.run();
}

export const conv2dBackpropFilterWasmConfig: tf.KernelConfig = {
  kernelName: 'Conv2DBackpropFilter',
  backendName: 'wasm',
  kernelFunc: ((args: KernelArgs) => conv2dBackpropFilterWasm(args)) as tf.KernelFunc,
};
