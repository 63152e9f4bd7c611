// Moving tensors between the tfjs wasm heap and our kernels' memory: padded copies in, results out.
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { FmaKernels } from './fmaModule';

export interface Padded {
  offset: number;
  hp: number;
  wp: number;
}

/** Copies NHWC `t` into kernel memory with zero borders (top, bottom, left, right). */
export function copyPadded(
  kernels: FmaKernels,
  backend: BackendWasm,
  t: tf.TensorInfo,
  [top, bottom, left, right]: [number, number, number, number],
): Padded {
  const [batch, h, w, c] = t.shape;
  const hp = h + top + bottom;
  const wp = w + left + right;
  const offset = kernels.alloc(batch * hp * wp * c);
  const dst = kernels.view(offset, batch * hp * wp * c);
  const src = backend.typedArrayFromHeap(t) as Float32Array;
  if (top + bottom + left + right === 0) {
    dst.set(src);
    return { offset, hp, wp };
  }
  dst.fill(0);
  const row = w * c;
  for (let b = 0; b < batch; b++) {
    for (let y = 0; y < h; y++) {
      const from = (b * h + y) * row;
      dst.set(src.subarray(from, from + row), ((b * hp + y + top) * wp + left) * c);
    }
  }
  return { offset, hp, wp };
}

/** Copies a float32 tensor into kernel memory as it is. */
export function copyIn(kernels: FmaKernels, backend: BackendWasm, t: tf.TensorInfo): number {
  const n = tf.util.sizeFromShape(t.shape);
  const offset = kernels.alloc(n);
  kernels.view(offset, n).set(backend.typedArrayFromHeap(t) as Float32Array);
  return offset;
}

/** A new tfjs tensor holding `shape`'s worth of floats from kernel memory. */
export function copyOut(kernels: FmaKernels, backend: BackendWasm, offset: number, shape: number[]): tf.TensorInfo {
  const out = backend.makeOutput(shape, 'float32');
  // The view after makeOutput: growing the heap replaces its buffer.
  (backend.typedArrayFromHeap(out) as Float32Array).set(kernels.view(offset, tf.util.sizeFromShape(shape)));
  return out;
}

/** True for float32 NHWC rank-4 tensors, the only kind these kernels take. */
export function isFloat4d(t: tf.TensorInfo | undefined): t is tf.TensorInfo {
  return t != null && t.dtype === 'float32' && t.shape.length === 4;
}
