// Test support for the wasm kernels: the cpu backend's stock kernels are the oracle, inputs come
// from a seeded stream, and every wasm run must leave tensor and backend data counts unchanged.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { expect } from 'vitest';
import { registerWasmTrainingKernels } from '../training/wasmKernels/register';

export const TOLERANCE = 1e-4;

/** Registers the training kernels, then starts the wasm backend from the installed package. */
export async function startWasm(): Promise<void> {
  registerWasmTrainingKernels();
  const wasmFile = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm');
  setWasmPaths(dirname(wasmFile) + '/');
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  expect(await tf.setBackend('wasm')).toBe(true);
}

/** mulberry32 mapped to [-1, 1): a seeded stream, so a failure reproduces. */
export function uniform(shape: number[], seed: number): Float32Array {
  const n = shape.reduce((a, b) => a * b, 1);
  let s = seed >>> 0;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  }
  return out;
}

/** max |actual - expected| / max |expected|: relative to the result's scale, not per element. */
export function relativeError(actual: Float32Array, expected: Float32Array): number {
  expect(actual.length).toBe(expected.length);
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    diff = Math.max(diff, Math.abs(actual[i] - expected[i]));
    scale = Math.max(scale, Math.abs(expected[i]));
  }
  return diff / Math.max(scale, 1e-30);
}

/** Asserts closeness and returns the relative error, for the file's summary line. */
export function expectClose(label: string, actual: Float32Array, expected: Float32Array): number {
  const err = relativeError(actual, expected);
  expect(err, `${label}: relative error ${err}`).toBeLessThan(TOLERANCE);
  return err;
}

/** Runs fn on a backend and copies its outputs out; checks that nothing outlives the run. */
export async function runOn(backendName: 'cpu' | 'wasm', fn: () => tf.Tensor[]): Promise<Float32Array[]> {
  expect(await tf.setBackend(backendName)).toBe(true);
  const tensorsBefore = tf.memory().numTensors;
  const dataIdsBefore = tf.engine().backend.numDataIds();
  const outs = tf.tidy(fn);
  const values = outs.map((t) => t.dataSync() as Float32Array);
  tf.dispose(outs);
  expect(tf.memory().numTensors).toBe(tensorsBefore);
  expect(tf.engine().backend.numDataIds()).toBe(dataIdsBefore);
  return values;
}
