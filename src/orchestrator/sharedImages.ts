// The training images copied once into a SharedArrayBuffer, so every worker reads the same memory.
// The page, `npm run study` and bench:search all share their images through here (./studyPool).

/** 'copies' leaves the images as they are: each worker then gets its own copy at init. Images
 *  already in a SharedArrayBuffer are returned as they are, so sharing twice copies nothing. */
export function shareImages(images: Uint8Array, sharing: 'shared' | 'copies' = 'shared'): Uint8Array {
  if (sharing === 'copies' || images.buffer instanceof SharedArrayBuffer) return images;
  const out = new Uint8Array(new SharedArrayBuffer(images.byteLength));
  out.set(images);
  return out;
}
