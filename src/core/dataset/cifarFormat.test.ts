// Tests for cifarFormat.ts: generated records checked against direct CHW offsets, round trips,
// error messages, and spot checks on the real batches from the published CIFAR-10 data.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import {
  CIFAR10_CLASSES,
  CIFAR10_RECORD_BYTES,
  IMAGES_PER_BATCH,
  IMAGE_BYTES,
  concatImageSets,
  encodeCifar10Records,
  parseCifar10Batch,
  pixelAt,
} from './cifarFormat';

/** Random bytes shaped as `count` records of `recordBytes`, with valid label bytes in front. */
function randomRecords(count: number, recordBytes: number, labelMax: number[], seed: number): Uint8Array {
  const rng = createRng(seed);
  const bytes = Uint8Array.from({ length: count * recordBytes }, () => rng.nextInt(256));
  for (let i = 0; i < count; i++) labelMax.forEach((m, j) => (bytes[i * recordBytes + j] = rng.nextInt(m)));
  return bytes;
}

/** The oracle: the spec's planar offset of channel ch at (row, col). */
const planar = (bytes: Uint8Array, rec: number, ch: number, row: number, col: number) =>
  bytes[rec + ch * 1024 + row * 32 + col];

describe('parseCifar10Batch and encodeCifar10Records', () => {
  const bytes = randomRecords(7, CIFAR10_RECORD_BYTES, [10], 1);
  const set = parseCifar10Batch(bytes);

  it('reads labels and converts planar CHW to interleaved HWC', () => {
    expect(set.count).toBe(7);
    expect(set.images.length).toBe(7 * IMAGE_BYTES);
    for (let i = 0; i < 7; i++) {
      const rec = i * CIFAR10_RECORD_BYTES;
      expect(set.labels[i]).toBe(bytes[rec]);
      for (const [row, col] of [
        [0, 0],
        [0, 31],
        [31, 0],
        [17, 5],
        [31, 31],
      ]) {
        expect(pixelAt(set, i, row, col)).toEqual([0, 1, 2].map((ch) => planar(bytes, rec + 1, ch, row, col)));
        expect(set.images[(i * 1024 + row * 32 + col) * 3 + 1]).toBe(planar(bytes, rec + 1, 1, row, col));
      }
    }
  });

  it('round trips bytes -> set -> bytes and concatenates', () => {
    expect(encodeCifar10Records(set)).toEqual(bytes);
    const more = parseCifar10Batch(randomRecords(3, CIFAR10_RECORD_BYTES, [10], 2));
    const both = concatImageSets([set, more]);
    expect(both.count).toBe(10);
    expect(pixelAt(both, 8, 4, 9)).toEqual(pixelAt(more, 1, 4, 9));
    expect(Array.from(both.labels)).toEqual([...set.labels, ...more.labels]);
    expect(concatImageSets([]).count).toBe(0);
  });

  it('explains bad sizes, labels and indices', () => {
    expect(() => parseCifar10Batch(new Uint8Array(3074))).toThrow(
      'CIFAR-10 batch must be a multiple of 3073 bytes, got 3074',
    );
    expect(() => parseCifar10Batch(new Uint8Array(0))).toThrow('empty');
    const bad = bytes.slice();
    bad[3 * CIFAR10_RECORD_BYTES] = 10;
    expect(() => parseCifar10Batch(bad)).toThrow('CIFAR-10 record 3 has label 10, expected 0..9');
    expect(() => pixelAt(set, 7, 0, 0)).toThrow('0..6, but got 7');
    expect(() => pixelAt(set, 0, 32, 0)).toThrow('but got (32, 0)');
    expect(() => encodeCifar10Records({ ...set, count: 8 })).toThrow(/count\*3072 = 24576 bytes, got 21504/);
    const two = parseCifar10Batch(randomRecords(2, CIFAR10_RECORD_BYTES, [10], 3));
    expect(() => concatImageSets([set, { ...two, labels: new Uint8Array(1) }])).toThrow(
      'image set 1: labels must hold 2 entries, got 1',
    );
  });
});

// The real batches come from `npm install` (scripts/prepare-data.mjs); LLP_SKIP_DATA=1 opts out.
const dataDir = fileURLToPath(new URL('../../../data/cifar10/', import.meta.url));
describe.skipIf(process.env.LLP_SKIP_DATA === '1')('real CIFAR-10 batches', () => {
  const read = (name: string) => parseCifar10Batch(new Uint8Array(readFileSync(dataDir + name)));

  it('matches published spot checks and has 5000 per class in train, 1000 in test', () => {
    const batches = [1, 2, 3, 4, 5].map((k) => read(`data_batch_${k}.bin`));
    expect(batches.every((b) => b.count === IMAGES_PER_BATCH)).toBe(true);
    const train = concatImageSets(batches);
    const test = read('test_batch.bin');
    expect(train.count).toBe(50_000);
    expect(CIFAR10_CLASSES[train.labels[0]]).toBe('frog');
    expect(train.labels[0]).toBe(6);
    expect(pixelAt(train, 0, 0, 0)).toEqual([59, 62, 63]);
    expect(test.labels[0]).toBe(3);
    expect(pixelAt(test, 0, 0, 0)).toEqual([158, 112, 49]);
    const counts = (labels: Uint8Array) => labels.reduce((acc, l) => (acc[l]++, acc), new Array<number>(10).fill(0));
    expect(counts(train.labels)).toEqual(new Array(10).fill(5000));
    expect(counts(test.labels)).toEqual(new Array(10).fill(1000));
    // Buffer.equals: a deep toEqual over 30 MB takes tens of seconds.
    expect(Buffer.from(encodeCifar10Records(test)).equals(readFileSync(dataDir + 'test_batch.bin'))).toBe(true);
  });
});
