// BatchMatMul for the tfjs wasm backend with transposeA/transposeB. The stock kernel sends any
// transposed product to a scalar loop (12-25x slower than XNNPACK here); dense-layer gradients
// are exactly such products. Transposing explicitly keeps them on XNNPACK's fully-connected path.
import * as tf from '@tensorflow/tfjs';
import { callWasmKernel, view, withTemporaries, type KernelArgs, type WasmBackend } from './callWasmKernel';

/**
 * C = op(a) @ op(b) for unbatched float32 operands with at least one transpose, as a plain
 * product XNNPACK runs. XNNPACK packs the right operand afresh for every new tensor (~6 ns per
 * float here), so of C = A @ B and C = (B^T @ A^T)^T the form that packs fewer floats wins:
 * K*N versus K*M. Returns null where this does not apply, so the caller uses the stock kernel.
 */
export function batchMatMulByPlainProduct(args: KernelArgs, stockMatMul: tf.KernelFunc): tf.TensorInfo | null {
  const backend = args.backend as WasmBackend;
  const { a, b } = args.inputs;
  const { transposeA, transposeB } = args.attrs as unknown as tf.BatchMatMulAttrs;
  if (a == null || b == null || (!transposeA && !transposeB)) return null;
  if (a.dtype !== 'float32' || b.dtype !== 'float32') return null;
  if (a.shape.length < 2 || b.shape.length < 2) return null;
  const batchA = tf.util.sizeFromShape(a.shape.slice(0, -2));
  const batchB = tf.util.sizeFromShape(b.shape.slice(0, -2));
  if (batchA !== 1 || batchB !== 1) return null;

  const [a0, a1] = a.shape.slice(-2);
  const [b0, b1] = b.shape.slice(-2);
  const [m, k] = transposeA ? [a1, a0] : [a0, a1];
  const [kB, n] = transposeB ? [b1, b0] : [b0, b1];
  if (k !== kB) return null; // let the stock kernel word the error
  const a2 = view(a, [a0, a1]);
  const b2 = view(b, [b0, b1]);
  const outShape = [...tf.broadcast_util.assertAndGetBroadcastShape(a.shape.slice(0, -2), b.shape.slice(0, -2)), m, n];

  const plainProduct = (left: tf.TensorInfo, right: tf.TensorInfo) =>
    stockMatMul({
      inputs: { a: left, b: right },
      backend,
      attrs: { transposeA: false, transposeB: false },
    }) as tf.TensorInfo;
  return withTemporaries(backend, (temp) => {
    const transposed = (t: tf.TensorInfo) => temp(callWasmKernel('Transpose', backend, { x: t }, { perm: [1, 0] }));
    if (n <= m) {
      // C = A @ B, packing B [K, N].
      const left = transposeA ? transposed(a2) : a2;
      const right = transposeB ? transposed(b2) : b2;
      return view(plainProduct(left, right), outShape);
    }
    // C = (B^T @ A^T)^T, packing A^T [K, M].
    const left = transposeB ? b2 : transposed(b2);
    const right = transposeA ? a2 : transposed(a2);
    const cT = temp(plainProduct(left, right));
    return view(callWasmKernel('Transpose', backend, { x: cT }, { perm: [1, 0] }), outShape);
  });
}
