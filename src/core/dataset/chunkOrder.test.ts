// chunkOrder.ts: the chunk order is a permutation that the chunks partition, and a chunk's records
// placed back land every image and label at its official index (synthetic records, each image
// filled with bytes derived from its index, as the oracle).
import { describe, expect, it } from 'vitest';
import { CIFAR10_RECORD_BYTES, IMAGE_BYTES, parseCifar10Batch } from './cifarFormat';
import {
  CHUNK_COUNT,
  CHUNK_IMAGES,
  TRAIN_IMAGES,
  chunkMembers,
  chunkName,
  chunkOrder,
  chunkRecords,
  placeChunk,
} from './chunkOrder';

/** 50,000 records whose label is index % 10 and whose pixels are (index * 7 + byte) % 251. */
function syntheticTrain(): Uint8Array {
  const out = new Uint8Array(TRAIN_IMAGES * CIFAR10_RECORD_BYTES);
  for (let i = 0; i < TRAIN_IMAGES; i++) {
    const at = i * CIFAR10_RECORD_BYTES;
    out[at] = i % 10;
    for (let b = 0; b < IMAGE_BYTES; b++) out[at + 1 + b] = (i * 7 + b) % 251;
  }
  return out;
}

describe('chunkOrder', () => {
  it('is a fixed permutation of the 50,000 official indices, not the identity', () => {
    const order = chunkOrder();
    expect(new Set(order).size).toBe(TRAIN_IMAGES);
    expect(Math.min(...order)).toBe(0);
    expect(Math.max(...order)).toBe(TRAIN_IMAGES - 1);
    expect(order.filter((x, i) => x === i).length).toBeLessThan(10);
    expect(Array.from(order.subarray(0, 5))).toEqual(Array.from(chunkOrder().subarray(0, 5)));
  });

  it('is cut into 50 chunks of 1,000 that partition it, named in order', () => {
    expect(CHUNK_COUNT * CHUNK_IMAGES).toBe(TRAIN_IMAGES);
    const seen = new Set<number>();
    for (let k = 0; k < CHUNK_COUNT; k++) chunkMembers(k).forEach((i) => seen.add(i));
    expect(seen.size).toBe(TRAIN_IMAGES);
    expect(chunkName(7)).toBe('train_chunk_07.bin');
    expect(() => chunkMembers(CHUNK_COUNT)).toThrow(/chunk number in 0..49/);
  });

  it("places each chunk's records back at their official indices", () => {
    const train = syntheticTrain();
    const official = parseCifar10Batch(train);
    const into = {
      images: new Uint8Array(TRAIN_IMAGES * IMAGE_BYTES),
      labels: new Uint8Array(TRAIN_IMAGES),
      count: TRAIN_IMAGES,
    };
    for (const k of [0, 3, 49]) placeChunk(parseCifar10Batch(chunkRecords(train, k)), k, into);
    let misplaced = 0;
    for (const k of [0, 3, 49])
      for (const i of chunkMembers(k)) {
        const at = i * IMAGE_BYTES;
        const same =
          Buffer.compare(into.images.subarray(at, at + IMAGE_BYTES), official.images.subarray(at, at + IMAGE_BYTES)) ===
          0;
        if (!same || into.labels[i] !== official.labels[i]) misplaced++;
      }
    expect(misplaced).toBe(0);
    const untouched = chunkMembers(1)[0];
    expect(into.images.subarray(untouched * IMAGE_BYTES, (untouched + 1) * IMAGE_BYTES).every((b) => b === 0)).toBe(
      true,
    );
  });
});
