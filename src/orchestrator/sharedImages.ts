// The training images copied once into a SharedArrayBuffer, so every worker reads the same memory.
// The page, `npm run study` and bench:search all share their images through here.

/** 'copies' leaves the images as they are: each worker then gets its own copy at init. */
export function shareImages(images: Uint8Array, sharing: 'shared' | 'copies' = 'shared'): Uint8Array {
  if (sharing === 'copies') return images;
  const out = new Uint8Array(new SharedArrayBuffer(images.byteLength));
  out.set(images);
  return out;
}
