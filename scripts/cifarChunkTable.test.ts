// The committed chunk table (src/core/dataset/cifarChunks.ts) against the official batches: every
// digest the page verifies a chunk by is the sha256 of that chunk's records, and its class counts
// are the labels it holds.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CIFAR10_CHUNKS } from '../src/core/dataset/cifarChunks';
import { chunkEntries, officialTrainRecords } from './cifarChunkTable';

describe('CIFAR10_CHUNKS', () => {
  it('holds the sha256 and class counts of every chunk cut from the official batches', () => {
    const entries = chunkEntries(officialTrainRecords(join(import.meta.dirname, '..', 'data', 'cifar10')));
    expect(CIFAR10_CHUNKS).toEqual(entries);
    expect(new Set(entries.map((e) => e.sha256)).size).toBe(50);
    for (let c = 0; c < 10; c++) expect(entries.reduce((s, e) => s + e.classCounts[c], 0)).toBe(5000);
  });
});
