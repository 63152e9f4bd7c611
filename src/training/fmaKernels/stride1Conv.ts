// The geometry our convolution kernels take: stride 1, NHWC, and the zero padding that turns the
// input into exactly what a 'valid' pass over it reads. Other geometries get null (stock kernels).
import * as tf from '@tensorflow/tfjs';

type Shape4 = [number, number, number, number];

export interface Stride1Conv {
  info: tf.backend_util.Conv2DInfo;
  /** [top, bottom, left, right] around the forward input. */
  pads: [number, number, number, number];
}

export function stride1Conv(
  xShape: number[],
  filterShape: number[],
  strides: number | [number, number],
  pad: tf.Conv2DAttrs['pad'],
  dimRoundingMode: tf.Conv2DAttrs['dimRoundingMode'],
): Stride1Conv | null {
  const info = tf.backend_util.computeConv2DInfo(
    xShape as Shape4,
    filterShape as Shape4,
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    'channelsLast',
  );
  const { strideHeight, strideWidth, filterHeight, filterWidth, padInfo } = info;
  if (strideHeight !== 1 || strideWidth !== 1 || xShape[3] !== filterShape[2]) return null;
  const bottom = info.outHeight + filterHeight - 1 - info.inHeight - padInfo.top;
  const right = info.outWidth + filterWidth - 1 - info.inWidth - padInfo.left;
  if (bottom < 0 || right < 0) return null;
  return { info, pads: [padInfo.top, bottom, padInfo.left, right] };
}
