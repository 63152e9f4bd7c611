// Training labels for tests that use fake workers: each shipped chunk gets exactly its committed
// class counts (core/dataset/cifarChunks), so a small study's universe (core/dataset/studyUniverse,
// computed from those counts) splits as it does on the real labels.
import { CIFAR10_CHUNKS } from '../core/dataset/cifarChunks';
import { CHUNK_COUNT, TRAIN_IMAGES, chunkMembers } from '../core/dataset/chunkOrder';

export function chunkLabels(): Uint8Array {
  const labels = new Uint8Array(TRAIN_IMAGES);
  for (let k = 0; k < CHUNK_COUNT; k++) {
    const members = chunkMembers(k);
    let at = 0;
    CIFAR10_CHUNKS[k].classCounts.forEach((n, c) => {
      for (let i = 0; i < n; i++) labels[members[at++]] = c;
    });
  }
  return labels;
}
