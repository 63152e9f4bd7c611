// BatchMatMul of unbatched float32 operands, any transposes, on our GEMM kernels (gemm.c): the
// right operand is packed into 8-wide panels (reading a transposed B in place), and a transposed
// A (a dense weight gradient, x^T dy) is transposed first. Batched products return null.
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelArgs } from '../wasmKernels/callWasmKernel';
import { fmaKernels } from './fmaModule';
import { copyIn, copyOut } from './tensorCopy';
import { gemmByRows } from './fmaConv2d';

export function batchMatMulByGemm(args: KernelArgs): tf.TensorInfo | null {
  const kernels = fmaKernels();
  const backend = args.backend as BackendWasm;
  const { a, b } = args.inputs;
  const { transposeA, transposeB } = args.attrs as unknown as tf.BatchMatMulAttrs;
  if (kernels == null || a == null || b == null || a.dtype !== 'float32' || b.dtype !== 'float32') return null;
  if (a.shape.length < 2 || b.shape.length < 2) return null;
  if (tf.util.sizeFromShape(a.shape.slice(0, -2)) !== 1 || tf.util.sizeFromShape(b.shape.slice(0, -2)) !== 1)
    return null;
  const [a0, a1] = a.shape.slice(-2);
  const [b0, b1] = b.shape.slice(-2);
  const [m, k] = transposeA ? [a1, a0] : [a0, a1];
  const [kB, n] = transposeB ? [b1, b0] : [b0, b1];
  if (k !== kB || m === 0 || n === 0 || k === 0) return null; // the stock kernel words the error
  const outShape = [...tf.broadcast_util.assertAndGetBroadcastShape(a.shape.slice(0, -2), b.shape.slice(0, -2)), m, n];

  kernels.reset();
  const e = kernels.exports;
  const aIn = copyIn(kernels, backend, a);
  const bIn = copyIn(kernels, backend, b);
  const c = kernels.alloc(m * n);
  // A transposed ([k][m]) is laid out as [m][k] first: read in place, its large row stride
  // thrashes the TLB (a 4096x128x512 weight gradient ran at a third of the speed).
  let rows = aIn;
  if (transposeA) {
    rows = kernels.alloc(m * k);
    e.transpose(aIn, k, m, rows);
  }
  const packed = kernels.alloc(Math.ceil(n / 8) * 8 * k);
  // B(k, n) = b[k][n], or b[n][k] when transposed
  e.pack_b(bIn, 1, k, n, 0, transposeB ? 1 : n, transposeB ? k : 1, packed);
  gemmByRows(kernels, rows, m, k, packed, n, c);
  return copyOut(kernels, backend, c, outShape);
}
