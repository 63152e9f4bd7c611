// A training checkpoint on disk, for `npm run train -- --checkpoint FILE`: a magic word, a JSON
// header (what run it belongs to, the epoch, the augmentation stream, the report so far, the
// tensors' shapes) and the raw float32 weights and optimizer slots. Written to a temporary file and
// renamed, so a run killed mid-write leaves the previous checkpoint whole.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { TrainCheckpoint } from '../training/trainCheckpoint';

const MAGIC = 'LLPCKPT1';

interface Header<R> {
  /** What run this is (configuration, seed, images, backend): a resume must match it exactly. */
  run: unknown;
  /** Everything of the checkpoint but its tensors. */
  state: Omit<TrainCheckpoint, 'weights' | 'optimizer'>;
  weights: number[];
  optimizer: { name: string; shape: number[] }[];
  report: R[];
}

export interface CheckpointFile<R> {
  run: unknown;
  checkpoint: TrainCheckpoint;
  /** The per-epoch report rows printed so far. */
  report: R[];
}

export function writeCheckpointFile<R>(path: string, file: CheckpointFile<R>): void {
  const { weights: _weights, optimizer: _optimizer, ...state } = file.checkpoint;
  const cp = file.checkpoint;
  const header: Header<R> = {
    run: file.run,
    state,
    weights: cp.weights.map((w) => w.length),
    optimizer: cp.optimizer.map(({ name, shape }) => ({ name, shape })),
    report: file.report,
  };
  const json = Buffer.from(JSON.stringify(header));
  const floats = [...cp.weights, ...cp.optimizer.map((s) => s.values)];
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const parts = [
    Buffer.from(MAGIC),
    length,
    json,
    ...floats.map((f) => Buffer.from(f.buffer, f.byteOffset, f.byteLength)),
  ];
  writeFileSync(`${path}.tmp`, Buffer.concat(parts));
  renameSync(`${path}.tmp`, path);
}

/** The checkpoint in `path`; throws an Error that says what is wrong with a damaged file. */
export function readCheckpointFile<R>(path: string): CheckpointFile<R> {
  const bytes = readFileSync(path);
  const damaged = (why: string) => new Error(`${path} is not a usable checkpoint (${why}).`);
  if (bytes.length < MAGIC.length + 4 || bytes.subarray(0, MAGIC.length).toString() !== MAGIC)
    throw damaged(`it does not start with ${MAGIC}`);
  const jsonLength = bytes.readUInt32LE(MAGIC.length);
  const jsonStart = MAGIC.length + 4;
  if (jsonStart + jsonLength > bytes.length) throw damaged('its header is cut short');
  let header: Header<R>;
  try {
    header = JSON.parse(bytes.subarray(jsonStart, jsonStart + jsonLength).toString()) as Header<R>;
  } catch (e) {
    throw damaged(`its header is not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const sizes = [...header.weights, ...header.optimizer.map((s) => s.shape.reduce((a, b) => a * b, 1))];
  const expected = sizes.reduce((a, b) => a + b, 0) * 4;
  const dataStart = jsonStart + jsonLength;
  if (bytes.length - dataStart !== expected)
    throw damaged(`it holds ${bytes.length - dataStart} bytes of tensors where its header lists ${expected}`);
  // Copied out, so each array is aligned and owns its memory.
  const data = new Float32Array(bytes.buffer.slice(bytes.byteOffset + dataStart, bytes.byteOffset + bytes.length));
  let at = 0;
  const take = (n: number) => data.subarray(at, (at += n));
  const weights = header.weights.map(take);
  const optimizer = header.optimizer.map(({ name, shape }) => ({
    name,
    shape,
    values: take(shape.reduce((a, b) => a * b, 1)),
  }));
  return {
    run: header.run,
    checkpoint: { ...header.state, weights, optimizer },
    report: header.report,
  };
}
