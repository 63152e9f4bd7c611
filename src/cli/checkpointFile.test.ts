// The checkpoint file: what is written reads back equal, and a damaged file is refused with a reason.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng';
import type { TrainCheckpoint } from '../training/trainCheckpoint';
import { readCheckpointFile, writeCheckpointFile } from './checkpointFile';

const rng = createRng(7);
const floats = (n: number) => Float32Array.from({ length: n }, () => rng.normal());
const checkpoint: TrainCheckpoint = {
  epoch: 3,
  step: 1054,
  weights: [floats(27), floats(3), floats(513)],
  optimizer: [
    { name: 'iter', shape: [], values: Float32Array.of(1054) },
    { name: 'conv1/kernel_0/m', shape: [3, 3], values: floats(9) },
  ],
  augment: rng.state(),
  epochs: [{ epoch: 1, trainLoss: 2.1, valLoss: 2, valAccuracy: 0.3 }],
  initGradientNorm: 0.25,
  trainMs: 1234.5,
  durationMs: 2345.5,
};
const run = { config: { channels: 32 }, seed: 2026 };
const report = [{ epoch: 1, valAccuracy: 0.41 }];

describe('checkpoint file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'llp-checkpoint-'));
  const path = join(dir, 'run.ckpt');

  it('reads back what was written', () => {
    writeCheckpointFile(path, { run, checkpoint, report });
    const back = readCheckpointFile(path);
    expect(back.run).toEqual(run);
    expect(back.report).toEqual(report);
    expect(back.checkpoint.epoch).toBe(3);
    expect(back.checkpoint.step).toBe(1054);
    expect(back.checkpoint.augment).toEqual(checkpoint.augment);
    expect(back.checkpoint.epochs).toEqual(checkpoint.epochs);
    expect([back.checkpoint.initGradientNorm, back.checkpoint.trainMs, back.checkpoint.durationMs]).toEqual([
      0.25, 1234.5, 2345.5,
    ]);
    expect(back.checkpoint.weights.map((w) => Array.from(w))).toEqual(checkpoint.weights.map((w) => Array.from(w)));
    expect(back.checkpoint.optimizer.map((s) => [s.name, s.shape, Array.from(s.values)])).toEqual(
      checkpoint.optimizer.map((s) => [s.name, s.shape, Array.from(s.values)]),
    );
  });

  it('refuses a cut, foreign or garbled file and says why', () => {
    writeCheckpointFile(path, { run, checkpoint, report });
    const whole = readFileSync(path);
    const cut = join(dir, 'cut.ckpt');
    writeFileSync(cut, whole.subarray(0, whole.length - 8));
    expect(() => readCheckpointFile(cut)).toThrow(/bytes of tensors where its header lists/);
    const foreign = join(dir, 'foreign.ckpt');
    writeFileSync(foreign, 'PK\u0003\u0004 not ours');
    expect(() => readCheckpointFile(foreign)).toThrow(/does not start with LLPCKPT1/);
    const garbled = join(dir, 'garbled.ckpt');
    const bad = Buffer.from(whole);
    bad.write('!', 12);
    writeFileSync(garbled, bad);
    expect(() => readCheckpointFile(garbled)).toThrow(/header is not JSON/);
  });
});
