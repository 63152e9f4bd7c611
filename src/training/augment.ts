// Data augmentation on the device: random crop with 4-pixel zero padding and horizontal flip, as in
// the seed project (and He et al. 2016). One cropAndResize call does both: a box shifted by the
// crop offset, mirrored (x1 > x2) when flipped. Offsets come from our seeded rng, so every backend
// sees the same augmentation.
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../core/rng';

const PAD = 4;

/** x: [n, h, w, c] normalised images; returns a new tensor (caller disposes). */
export function augmentBatch(x: tf.Tensor4D, rng: Rng): tf.Tensor4D {
  const [n, h, w] = x.shape;
  const boxes = new Float32Array(n * 4);
  const ph = h + 2 * PAD - 1;
  const pw = w + 2 * PAD - 1;
  for (let i = 0; i < n; i++) {
    const dy = rng.nextInt(2 * PAD + 1);
    const dx = rng.nextInt(2 * PAD + 1);
    const flip = rng.next() < 0.5;
    // Normalised corner coordinates of pixel centres in the padded image: exact integer crops.
    const y1 = dy / ph,
      y2 = (dy + h - 1) / ph;
    const xa = dx / pw,
      xb = (dx + w - 1) / pw;
    boxes.set(flip ? [y1, xb, y2, xa] : [y1, xa, y2, xb], i * 4);
  }
  return tf.tidy(() => {
    const padded = tf.pad(x, [
      [0, 0],
      [PAD, PAD],
      [PAD, PAD],
      [0, 0],
    ]);
    const boxIndices = tf.tensor1d(
      Int32Array.from({ length: n }, (_, i) => i),
      'int32',
    );
    return tf.image.cropAndResize(padded, tf.tensor2d(boxes, [n, 4]), boxIndices, [h, w], 'bilinear');
  });
}
