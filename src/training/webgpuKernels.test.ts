// webgpu in Node (Dawn; SwiftShader here): the GPU-work counter against operations whose work is
// known, and AddN over more inputs than a shader may bind, against the cpu backend's sum.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countGpuWork } from './gpuWorkCounter';
import { initNodeBackend } from './nodeBackend';

describe('webgpu in Node', () => {
  beforeAll(async () => {
    const report = await initNodeBackend('webgpu');
    expect(report.backend).toBe('webgpu');
  });
  afterAll(() => {
    tf.removeBackend('webgpu');
  });

  it('counts one dispatch per kernel, one upload per CPU-made input and one readback per read', async () => {
    // 1,024 elements: tfjs runs kernels on smaller CPU-resident tensors on the CPU (WEBGPU_CPU_FORWARD).
    const a = tf.tensor1d(Float32Array.from({ length: 1024 }, (_, i) => i));
    const b = tf.tensor1d(new Float32Array(1024).fill(10));
    const counter = countGpuWork();
    const c = tf.relu(tf.add(a, b)); // two kernels: Add, then Relu on the GPU-resident sum
    const before = counter.read();
    expect(await c.data()).toEqual(Float32Array.from({ length: 1024 }, (_, i) => i + 10));
    const after = counter.read();
    counter.stop();
    expect(before).toMatchObject({ dispatches: 2, uploads: 2, uploadBytes: 2 * 4096, readbacks: 0 });
    expect(before.byProgram).toEqual({ BinaryOpProgram: 1, UnaryOpProgram: 1 });
    expect(after.readbacks).toBe(1);
    expect(after.submits).toBeGreaterThanOrEqual(1);
    // Stopped: later work is not counted.
    const d = tf.add(c, c);
    await d.data();
    expect(counter.read()).toEqual(after);
    tf.dispose([a, b, c, d]);
  });

  it('adds 10 tensors (more than the 7 one shader may bind) as the cpu backend does, in 3 dispatches', async () => {
    const values = Array.from({ length: 10 }, (_, k) =>
      Float32Array.from({ length: 300 }, (_, i) => Math.sin(i * (k + 1)) * (k + 1)),
    );
    const expected = new Float32Array(300);
    values.forEach((v) =>
      v.forEach((x, i) => {
        expected[i] += x;
      }),
    );
    const terms = values.map((v) => tf.tensor1d(v));
    const start = tf.memory().numTensors;
    const counter = countGpuWork();
    const sum = tf.addN(terms);
    const got = await sum.data();
    const work = counter.read();
    counter.stop();
    // Before the fix Dawn refused the pipeline (11 storage buffers > 8) and the sum read back as zeros.
    got.forEach((x, i) => expect(x).toBeCloseTo(expected[i], 4));
    expect(work.byProgram.AddNPackedProgram).toBe(3);
    expect(tf.memory().numTensors).toBe(start + 1);
    tf.dispose([sum, ...terms]);
  });
});
