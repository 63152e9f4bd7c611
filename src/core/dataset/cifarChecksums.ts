// Published sha256 digests of the six official CIFAR-10 binary batches (cifar-10-batches-bin),
// the same values scripts/prepare-data.mjs enforces; the browser checks every download against them.

export const CIFAR10_SHARDS: readonly { name: string; sha256: string; split: 'train' | 'test' }[] = Object.freeze([
  {
    name: 'data_batch_1.bin',
    sha256: 'cee916563c9f80d84e3cc88e17fdc0941787f1244f00a67874d45b261883ada5',
    split: 'train',
  },
  {
    name: 'data_batch_2.bin',
    sha256: 'a591ca11fa1708a91ee40f54b3da4784ccd871ecf2137de63f51ada8b3fa57ed',
    split: 'train',
  },
  {
    name: 'data_batch_3.bin',
    sha256: 'bbe8596564c0f86427f876058170b84dac6670ddf06d79402899d93ceea26f67',
    split: 'train',
  },
  {
    name: 'data_batch_4.bin',
    sha256: '014e562d6e23c72197cc727519169a60359f5eccd8945ad5a09d710285ff4e48',
    split: 'train',
  },
  {
    name: 'data_batch_5.bin',
    sha256: '755304fc0b379caeae8c14f0dac912fbc7d6cd469eb67a1029a08a39453a9add',
    split: 'train',
  },
  { name: 'test_batch.bin', sha256: '8e2eb146ae340b09e24670f29cabc6326dba54da8789dab6768acf480273f65b', split: 'test' },
] as const);

/** null when digestHex (any case) is the published digest of shard `name`, else why not. */
export function checkShard(name: string, digestHex: string): string | null {
  const shard = CIFAR10_SHARDS.find((s) => s.name === name);
  if (!shard)
    return `Unknown CIFAR-10 shard "${name}"; expected one of ${CIFAR10_SHARDS.map((s) => s.name).join(', ')}`;
  const actual = digestHex.trim().toLowerCase();
  if (actual === shard.sha256) return null;
  return `CIFAR-10 shard ${name} failed verification: expected sha256 ${shard.sha256}, got ${actual}`;
}
