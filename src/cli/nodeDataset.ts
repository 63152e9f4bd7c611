// Reads the CIFAR-10 batches that `npm install` prepared (data/cifar10) and checks their sha256,
// so the CLI trains on exactly the bytes the browser verifies.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CIFAR10_SHARDS, checkShard } from '../core/dataset/cifarChecksums';
import { concatImageSets, parseCifar10Batch, type ImageSet } from '../core/dataset/cifarFormat';

export const DATA_DIR = join(import.meta.dirname, '..', '..', 'data', 'cifar10');

export function loadCifar10(split: 'train' | 'test', dir = DATA_DIR): ImageSet {
  const sets = CIFAR10_SHARDS.filter((s) => s.split === split).map((shard) => {
    const path = join(dir, shard.name);
    if (!existsSync(path))
      throw new Error(
        `${path} is missing: run \`npm install\` (it prepares the data) or \`node scripts/prepare-data.mjs\``,
      );
    const bytes = readFileSync(path);
    const problem = checkShard(shard.name, createHash('sha256').update(bytes).digest('hex'));
    if (problem) throw new Error(`${problem}; delete ${path} and run \`node scripts/prepare-data.mjs\``);
    return parseCifar10Batch(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });
  return concatImageSets(sets);
}
