// Turns uint8 NHWC images into normalised float batches. The per-channel lookup table makes the
// conversion one array read per byte, so assembling a batch costs far less than training on it.
import * as tf from '@tensorflow/tfjs';

export const IMAGE_SIZE = 32;
export const IMAGE_BYTES = IMAGE_SIZE * IMAGE_SIZE * 3;
// CIFAR-10 training-set channel statistics (the usual torchvision constants).
const MEAN = [0.4914, 0.4822, 0.4465];
const STD = [0.247, 0.2435, 0.2616];
const LUT = new Float32Array(256 * 3);
for (let c = 0; c < 3; c++) for (let v = 0; v < 256; v++) LUT[c * 256 + v] = (v / 255 - MEAN[c]) / STD[c];

/** The images and labels batches are cut from: a worker's copy, or the buffer every worker shares. */
export interface LabelledImages {
  images: Uint8Array;
  labels: Uint8Array;
}

/** x: [n, 32, 32, 3] normalised; y: [n, numClasses] one-hot. Caller disposes. */
export function makeBatch(
  data: LabelledImages,
  indices: ArrayLike<number>,
  start: number,
  count: number,
  numClasses: number,
): { x: tf.Tensor4D; y: tf.Tensor2D } {
  const x = new Float32Array(count * IMAGE_BYTES);
  const y = new Float32Array(count * numClasses);
  for (let i = 0; i < count; i++) {
    const src = indices[start + i] * IMAGE_BYTES;
    const dst = i * IMAGE_BYTES;
    for (let j = 0; j < IMAGE_BYTES; j += 3) {
      x[dst + j] = LUT[data.images[src + j]];
      x[dst + j + 1] = LUT[256 + data.images[src + j + 1]];
      x[dst + j + 2] = LUT[512 + data.images[src + j + 2]];
    }
    y[i * numClasses + data.labels[indices[start + i]]] = 1;
  }
  return { x: tf.tensor4d(x, [count, IMAGE_SIZE, IMAGE_SIZE, 3]), y: tf.tensor2d(y, [count, numClasses]) };
}
