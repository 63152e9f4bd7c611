// Which training images a study draws its splits from. A study that needs every image keeps all
// 50,000 in the official order, so its splits are the ones it always had (the learning-curve
// table, `real`, `full`). A smaller one draws from the smallest prefix of shipped chunks
// (./chunkOrder.ts) that holds its evaluation and training images, so a first visit downloads
// only that prefix.
import { CIFAR10_CHUNKS } from './cifarChunks.ts';
import { CHUNK_COUNT, CHUNK_IMAGES, TRAIN_IMAGES, chunkOrder } from './chunkOrder.ts';

export interface UniverseNeeds {
  validationSize: number;
  maxTrainImages: number;
  evalImages: number;
}

export interface StudyUniverse {
  /** How many chunks, from the first, hold the universe. */
  chunks: number;
  /** Official indices of the universe, ascending; null for all 50,000 (the official universe). */
  indices: Int32Array | null;
  /** Images held out of training (the validation split the evaluation subset is drawn from). */
  heldOut: number;
}

/**
 * The universe of a study. `classCounts[k]` are chunk k's images per class (the committed table by
 * default). A prefix holds out what training does not need, up to validationSize, but no more than
 * every class can give at stratifiedSplit's equal quotas (numClasses * (smallest class - 1)), and it
 * qualifies once that held-out set holds the evaluation images.
 */
export function studyUniverse(
  needs: UniverseNeeds,
  classCounts: readonly (readonly number[])[] = CIFAR10_CHUNKS.map((c) => c.classCounts),
): StudyUniverse {
  const { validationSize, maxTrainImages, evalImages } = needs;
  const official: StudyUniverse = { chunks: CHUNK_COUNT, indices: null, heldOut: validationSize };
  if (validationSize + maxTrainImages >= TRAIN_IMAGES) return official;
  const counts = new Array<number>(classCounts[0].length).fill(0);
  for (let k = 1; k < CHUNK_COUNT; k++) {
    classCounts[k - 1].forEach((n, c) => (counts[c] += n));
    const size = k * CHUNK_IMAGES;
    const heldOut = Math.min(validationSize, size - maxTrainImages, counts.length * (Math.min(...counts) - 1));
    if (heldOut < evalImages) continue;
    return { chunks: k, indices: Int32Array.from(chunkOrder().subarray(0, size)).sort(), heldOut };
  }
  return official;
}
