// studyUniverse.ts against a brute-force oracle: for synthetic per-chunk class counts, the chosen
// prefix is the first one in which stratifiedSplit's equal quotas fit every class and the held-out
// set holds the evaluation images; studies that need every image keep the official universe.
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { CHUNK_COUNT, CHUNK_IMAGES, chunkMembers } from './chunkOrder';
import { studyUniverse } from './studyUniverse';

function syntheticCounts(seed: number, skew = 0): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: CHUNK_COUNT }, () => {
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < CHUNK_IMAGES; i++) counts[rng.next() < skew ? 0 : rng.nextInt(10)]++;
    return counts;
  });
}

/** The first prefix whose split cannot fail and leaves the evaluation images and training images. */
function oracleChunks(
  needs: { validationSize: number; maxTrainImages: number; evalImages: number },
  counts: number[][],
) {
  for (let k = 1; k < CHUNK_COUNT; k++) {
    const perClass = Array.from({ length: 10 }, (_, c) => counts.slice(0, k).reduce((s, r) => s + r[c], 0));
    for (
      let held = Math.min(needs.validationSize, k * CHUNK_IMAGES - needs.maxTrainImages);
      held >= needs.evalImages;
      held--
    ) {
      const fits = perClass.every((n, c) => n - (Math.floor(held / 10) + (c < held % 10 ? 1 : 0)) >= 1);
      if (fits) return k;
    }
  }
  return CHUNK_COUNT;
}

describe('studyUniverse', () => {
  it('keeps the official universe for a study that needs all 50,000 images', () => {
    expect(studyUniverse({ validationSize: 5000, maxTrainImages: 45_000, evalImages: 5000 })).toEqual({
      chunks: CHUNK_COUNT,
      indices: null,
      heldOut: 5000,
    });
  });

  it('picks the first prefix that fits, for random and skewed class counts', () => {
    for (const [seed, skew] of [
      [1, 0],
      [2, 0],
      [3, 0.5],
      [4, 0.9],
    ])
      for (const needs of [
        { validationSize: 5000, maxTrainImages: 24, evalImages: 16 },
        { validationSize: 5000, maxTrainImages: 1024, evalImages: 500 },
        { validationSize: 5000, maxTrainImages: 4000, evalImages: 1000 },
        { validationSize: 800, maxTrainImages: 12_000, evalImages: 800 },
      ]) {
        const counts = syntheticCounts(seed, skew);
        const universe = studyUniverse(needs, counts);
        expect(universe.chunks, JSON.stringify({ seed, skew, needs })).toBe(oracleChunks(needs, counts));
        if (universe.indices) {
          expect(universe.indices.length).toBe(universe.chunks * CHUNK_IMAGES);
          expect(universe.heldOut).toBeGreaterThanOrEqual(needs.evalImages);
          expect(universe.indices.length - universe.heldOut).toBeGreaterThanOrEqual(needs.maxTrainImages);
        }
      }
  });

  it('holds the official indices of its chunks, ascending', () => {
    const { chunks, indices } = studyUniverse({ validationSize: 5000, maxTrainImages: 1024, evalImages: 500 });
    const expected = Array.from({ length: chunks }, (_, k) => Array.from(chunkMembers(k)))
      .flat()
      .sort((a, b) => a - b);
    expect(Array.from(indices!)).toEqual(expected);
  });
});
