// Tests for cifarChecksums.ts: the real batches hash to the published digests (node:crypto as
// the oracle), the table agrees with the install manifest, and mismatches are explained.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CIFAR10_SHARDS, checkShard } from './cifarChecksums';

const dataDir = fileURLToPath(new URL('../../../data/cifar10/', import.meta.url));

describe('checkShard', () => {
  it('accepts the published digest in any case and explains a mismatch', () => {
    const d1 = CIFAR10_SHARDS[0].sha256;
    expect(checkShard('data_batch_1.bin', d1)).toBeNull();
    expect(checkShard('data_batch_1.bin', d1.toUpperCase())).toBeNull();
    const wrong = '0'.repeat(64);
    expect(checkShard('data_batch_1.bin', wrong)).toBe(
      `CIFAR-10 shard data_batch_1.bin failed verification: expected sha256 ${d1}, got ${wrong}`,
    );
    expect(checkShard('data_batch_2.bin', d1)).toMatch(/data_batch_2\.bin failed/);
    expect(checkShard('batch_9.bin', d1)).toMatch(/Unknown CIFAR-10 shard "batch_9.bin"/);
  });

  it('lists five train shards and one test shard with distinct digests', () => {
    expect(CIFAR10_SHARDS.filter((s) => s.split === 'train').length).toBe(5);
    expect(CIFAR10_SHARDS.filter((s) => s.split === 'test').map((s) => s.name)).toEqual(['test_batch.bin']);
    expect(new Set(CIFAR10_SHARDS.map((s) => s.sha256)).size).toBe(6);
    expect(CIFAR10_SHARDS.every((s) => /^[0-9a-f]{64}$/.test(s.sha256))).toBe(true);
  });
});

describe.skipIf(process.env.LLP_SKIP_DATA === '1')('real CIFAR-10 files', () => {
  it('each hashes to its published sha256', () => {
    for (const shard of CIFAR10_SHARDS) {
      const digest = createHash('sha256')
        .update(readFileSync(dataDir + shard.name))
        .digest('hex');
      expect(checkShard(shard.name, digest)).toBeNull();
    }
  });

  it('agrees with the manifest written by scripts/prepare-data.mjs', () => {
    const manifest = JSON.parse(readFileSync(dataDir + 'manifest.json', 'utf8')) as {
      shards: { name: string; sha256: string; split: string }[];
    };
    expect(manifest.shards.map(({ name, sha256, split }) => ({ name, sha256, split }))).toEqual([...CIFAR10_SHARDS]);
  });
});
