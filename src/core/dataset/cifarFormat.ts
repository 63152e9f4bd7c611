// The official CIFAR-10 binary layout (Krizhevsky 2009, https://www.cs.toronto.edu/~kriz/cifar.html):
// each record is 1 label byte then 3072 bytes of planar R, G, B 32x32 rows. We store images as
// NHWC (interleaved RGB), the layout tfjs expects.

export const CIFAR10_CLASSES: readonly string[] = Object.freeze([
  'airplane',
  'automobile',
  'bird',
  'cat',
  'deer',
  'dog',
  'frog',
  'horse',
  'ship',
  'truck',
]);

export const IMAGE_BYTES = 3072;
export const CIFAR10_RECORD_BYTES = 3073;
export const IMAGES_PER_BATCH = 10000;
const SIDE = 32;
const PLANE = SIDE * SIDE; // 1024 bytes per colour channel

export interface ImageSet {
  /** count * 32 * 32 * 3 bytes, HWC interleaved RGB per image (NHWC). */
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
}

function checkImageSet(set: ImageSet, what: string): void {
  if (!Number.isInteger(set.count) || set.count < 0)
    throw new Error(`${what}: count must be a non-negative integer, got ${set.count}`);
  if (set.images.length !== set.count * IMAGE_BYTES) {
    throw new Error(
      `${what}: images must hold count*3072 = ${set.count * IMAGE_BYTES} bytes, got ${set.images.length}`,
    );
  }
  if (set.labels.length !== set.count)
    throw new Error(`${what}: labels must hold ${set.count} entries, got ${set.labels.length}`);
}

/** Planar CHW pixels at bytes[offset..offset+3072) into HWC at out[dest..dest+3072). */
function chwToHwc(bytes: Uint8Array, offset: number, out: Uint8Array, dest: number): void {
  for (let p = 0; p < PLANE; p++) {
    const o = dest + p * 3;
    out[o] = bytes[offset + p];
    out[o + 1] = bytes[offset + PLANE + p];
    out[o + 2] = bytes[offset + 2 * PLANE + p];
  }
}

/** One CIFAR-10 batch file (any whole number of records, normally 10000). */
export function parseCifar10Batch(bytes: Uint8Array): ImageSet {
  if (bytes.length === 0) throw new Error('CIFAR-10 batch is empty (0 bytes)');
  if (bytes.length % CIFAR10_RECORD_BYTES !== 0) {
    throw new Error(`CIFAR-10 batch must be a multiple of ${CIFAR10_RECORD_BYTES} bytes, got ${bytes.length}`);
  }
  const count = bytes.length / CIFAR10_RECORD_BYTES;
  const images = new Uint8Array(count * IMAGE_BYTES);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const rec = i * CIFAR10_RECORD_BYTES;
    const label = bytes[rec];
    if (label >= CIFAR10_CLASSES.length) throw new Error(`CIFAR-10 record ${i} has label ${label}, expected 0..9`);
    labels[i] = label;
    chwToHwc(bytes, rec + 1, images, i * IMAGE_BYTES);
  }
  return { images, labels, count };
}

export function concatImageSets(sets: ImageSet[]): ImageSet {
  sets.forEach((s, i) => checkImageSet(s, `image set ${i}`));
  const count = sets.reduce((acc, s) => acc + s.count, 0);
  const images = new Uint8Array(count * IMAGE_BYTES);
  const labels = new Uint8Array(count);
  let at = 0;
  for (const s of sets) {
    images.set(s.images, at * IMAGE_BYTES);
    labels.set(s.labels, at);
    at += s.count;
  }
  return { images, labels, count };
}

/** Inverse of parseCifar10Batch: HWC back to label + planar CHW records. */
export function encodeCifar10Records(set: ImageSet): Uint8Array {
  checkImageSet(set, 'encodeCifar10Records');
  const out = new Uint8Array(set.count * CIFAR10_RECORD_BYTES);
  for (let i = 0; i < set.count; i++) {
    const rec = i * CIFAR10_RECORD_BYTES;
    const src = i * IMAGE_BYTES;
    if (set.labels[i] >= CIFAR10_CLASSES.length)
      throw new Error(`Image ${i} has label ${set.labels[i]}, expected 0..9`);
    out[rec] = set.labels[i];
    for (let p = 0; p < PLANE; p++) {
      out[rec + 1 + p] = set.images[src + p * 3];
      out[rec + 1 + PLANE + p] = set.images[src + p * 3 + 1];
      out[rec + 1 + 2 * PLANE + p] = set.images[src + p * 3 + 2];
    }
  }
  return out;
}

/** RGB of one pixel; row and col in 0..31. */
export function pixelAt(set: ImageSet, image: number, row: number, col: number): [number, number, number] {
  if (!Number.isInteger(image) || image < 0 || image >= set.count) {
    throw new Error(`Expected image to be an integer in 0..${set.count - 1}, but got ${image}`);
  }
  if (!Number.isInteger(row) || row < 0 || row >= SIDE || !Number.isInteger(col) || col < 0 || col >= SIDE) {
    throw new Error(`Expected row and col to be integers in 0..31, but got (${row}, ${col})`);
  }
  const o = image * IMAGE_BYTES + (row * SIDE + col) * 3;
  return [set.images[o], set.images[o + 1], set.images[o + 2]];
}
