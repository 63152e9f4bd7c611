// Loads CIFAR-10 in the browser: each shard from the IndexedDB cache if its sha256 still matches,
// else from the server with byte progress; verified against the published checksum before use.
// The 10,000 test images are not loaded: selection never uses them.
import { CIFAR10_SHARDS, checkShard } from '../core/cifarChecksums';
import { concatImageSets, parseCifar10Batch, type ImageSet } from '../core/cifarFormat';
import { deleteShard, readShard, writeShard } from '../storage/datasetCache';

export type DatasetPhase = 'idle' | 'checking' | 'downloading' | 'verifying' | 'ready' | 'error';

export interface DatasetProgress {
  phase: DatasetPhase;
  shard: string | null;
  bytesLoaded: number;
  bytesTotal: number;
  shardsFromCache: number;
  shardsTotal: number;
  notices: string[];
}

const SHARD_BYTES = 30_730_000;

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function download(url: string, onBytes: (n: number) => void): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`Downloading ${url} failed: HTTP ${response.status} ${response.statusText}`);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.byteLength;
    onBytes(value.byteLength);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) { out.set(c, offset); offset += c.byteLength; }
  return out.buffer;
}

/** The shards ship with the build under the lab's base path, unless the build named another host (LLP_DATA_URL). */
export const defaultDataUrl = (): string => import.meta.env.LLP_DATA_URL || `${import.meta.env.BASE_URL}data/cifar10/`;

export async function loadBrowserDataset(onProgress: (p: DatasetProgress) => void, baseUrl = defaultDataUrl()): Promise<ImageSet> {
  const shards = CIFAR10_SHARDS.filter((s) => s.split === 'train');
  const p: DatasetProgress = { phase: 'checking', shard: null, bytesLoaded: 0, bytesTotal: shards.length * SHARD_BYTES, shardsFromCache: 0, shardsTotal: shards.length, notices: [] };
  const emit = (patch: Partial<DatasetProgress>) => { Object.assign(p, patch); onProgress({ ...p, notices: [...p.notices] }); };
  const sets: ImageSet[] = [];
  for (const shard of shards) {
    emit({ phase: 'checking', shard: shard.name });
    let bytes = await readShard('cifar10', shard.name).catch(() => undefined);
    if (bytes) {
      const problem = checkShard(shard.name, await sha256Hex(bytes));
      if (problem) {
        p.notices.push(`The cached copy of ${shard.name} was corrupt (${problem}); downloading it again.`);
        await deleteShard('cifar10', shard.name).catch(() => {});
        bytes = undefined;
      } else {
        emit({ bytesLoaded: p.bytesLoaded + bytes.byteLength, shardsFromCache: p.shardsFromCache + 1 });
      }
    }
    if (!bytes) {
      emit({ phase: 'downloading' });
      const before = p.bytesLoaded;
      bytes = await download(baseUrl + shard.name, (n) => emit({ bytesLoaded: p.bytesLoaded + n }));
      emit({ phase: 'verifying', bytesLoaded: before + bytes.byteLength });
      const problem = checkShard(shard.name, await sha256Hex(bytes));
      if (problem) throw new Error(`${problem}. The server's copy is damaged: run \`npm install\` again to rebuild data/cifar10, then retry.`);
      const cacheProblem = await writeShard('cifar10', shard.name, bytes);
      if (cacheProblem) p.notices.push(cacheProblem);
    }
    sets.push(parseCifar10Batch(new Uint8Array(bytes)));
  }
  emit({ phase: 'ready', shard: null });
  return concatImageSets(sets);
}
