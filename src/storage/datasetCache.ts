// IndexedDB cache of verified dataset shards, under versioned keys (idb-keyval).
import { del, get, set } from 'idb-keyval';

const key = (dataset: string, shard: string) => `dataset:v1:${dataset}:${shard}`;

export async function readShard(dataset: string, shard: string): Promise<ArrayBuffer | undefined> {
  const value: unknown = await get(key(dataset, shard));
  return value instanceof ArrayBuffer ? value : undefined;
}

/** Returns an error message instead of throwing: a full quota must not stop the study. */
export async function writeShard(dataset: string, shard: string, bytes: ArrayBuffer): Promise<string | null> {
  try {
    await set(key(dataset, shard), bytes);
    return null;
  } catch (e) {
    const name = e instanceof DOMException ? e.name : '';
    return name === 'QuotaExceededError'
      ? `Browser storage is full, so ${shard} is kept in memory only and will be downloaded again next visit.`
      : `Could not cache ${shard} in IndexedDB (${e instanceof Error ? e.message : String(e)}); it is kept in memory only.`;
  }
}

export async function deleteShard(dataset: string, shard: string): Promise<void> {
  await del(key(dataset, shard));
}
