// The order in which a build ships the 50,000 CIFAR-10 training images: one fixed seeded
// permutation of the official indices, cut into chunks of CHUNK_IMAGES. A study that needs few
// images draws them from a prefix of chunks (./studyUniverse.ts), so a first visit downloads only
// that prefix. The permutation depends on nothing but its seed, so the page, the CLI and the
// exported Python worker compute the same one without the data.
import { CIFAR10_RECORD_BYTES, IMAGE_BYTES, type ImageSet } from './cifarFormat.ts';
import { createRng, deriveSeed, shuffleInPlace } from '../rng.ts';

export const TRAIN_IMAGES = 50_000;
export const CHUNK_IMAGES = 1000;
export const CHUNK_COUNT = TRAIN_IMAGES / CHUNK_IMAGES;
export const CHUNK_ORDER_SEED = deriveSeed('cifar10', 'chunkOrder', 1);

let order: Int32Array | null = null;

/** Official training indices (0..49,999, batches 1-5 in order) in chunk order. */
export function chunkOrder(): Int32Array {
  order ??= shuffleInPlace(
    Int32Array.from({ length: TRAIN_IMAGES }, (_, i) => i),
    createRng(CHUNK_ORDER_SEED),
  );
  return order;
}

function checkChunk(k: number): void {
  if (!Number.isInteger(k) || k < 0 || k >= CHUNK_COUNT)
    throw new Error(`Expected a chunk number in 0..${CHUNK_COUNT - 1}, but got ${k}`);
}

/** The official indices chunk k holds, in the order its file stores them. */
export function chunkMembers(k: number): Int32Array {
  checkChunk(k);
  return chunkOrder().subarray(k * CHUNK_IMAGES, (k + 1) * CHUNK_IMAGES);
}

/** The name a chunk is cached and verified under, e.g. train_chunk_07.bin. */
export const chunkName = (k: number): string => `train_chunk_${String(k).padStart(2, '0')}.bin`;

/** Chunk k's bytes: the official records (label byte, 3,072 pixel bytes) of its members, in order. */
export function chunkRecords(train: Uint8Array, k: number): Uint8Array {
  if (train.length !== TRAIN_IMAGES * CIFAR10_RECORD_BYTES)
    throw new Error(`Expected the ${TRAIN_IMAGES} official training records, but got ${train.length} bytes`);
  const members = chunkMembers(k);
  const out = new Uint8Array(members.length * CIFAR10_RECORD_BYTES);
  members.forEach((index, i) =>
    out.set(train.subarray(index * CIFAR10_RECORD_BYTES, (index + 1) * CIFAR10_RECORD_BYTES), i * CIFAR10_RECORD_BYTES),
  );
  return out;
}

/** Writes chunk k's images (parsed from its records) into a 50,000-image set at their official indices. */
export function placeChunk(chunk: ImageSet, k: number, into: ImageSet): void {
  const members = chunkMembers(k);
  if (chunk.count !== members.length)
    throw new Error(`${chunkName(k)}: expected ${members.length} images, but got ${chunk.count}`);
  if (into.count !== TRAIN_IMAGES) throw new Error(`Expected a ${TRAIN_IMAGES}-image set to fill, got ${into.count}`);
  members.forEach((index, i) => {
    into.labels[index] = chunk.labels[i];
    into.images.set(chunk.images.subarray(i * IMAGE_BYTES, (i + 1) * IMAGE_BYTES), index * IMAGE_BYTES);
  });
}

/** The first `count` images of chunk 0, which every study's data holds: a sample for timing and checks. */
export function firstChunkSample(set: ImageSet, count: number): { images: Uint8Array; labels: Uint8Array } {
  const members = chunkMembers(0).subarray(0, count);
  const images = new Uint8Array(members.length * IMAGE_BYTES);
  members.forEach((index, i) =>
    images.set(set.images.subarray(index * IMAGE_BYTES, (index + 1) * IMAGE_BYTES), i * IMAGE_BYTES),
  );
  return { images, labels: Uint8Array.from(members, (index) => set.labels[index]) };
}
