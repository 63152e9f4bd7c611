// Loads CIFAR-10 in the browser: each shard from the IndexedDB cache if its sha256 still matches,
// else from the server with byte progress; verified against the published checksum before use.
// A build ships the batches residual-coded and gzipped (~58% of the bytes, data/cifar10/index.json);
// without an index the official .bin files are fetched. The 10,000 test images are not loaded:
// selection never uses them.
import { CIFAR10_SHARDS, checkShard } from '../core/dataset/cifarChecksums';
import { concatImageSets, parseCifar10Batch, type ImageSet } from '../core/dataset/cifarFormat';
import { decodeResiduals } from '../core/dataset/cifarResiduals';
import { DATA_INDEX_FILE, parseDataIndex, type DataIndex } from '../core/dataset/dataIndex';
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

/** The shards ship with the build under the lab's base path, unless the build named another host (LLP_DATA_URL). */
export const defaultDataUrl = (): string => import.meta.env.LLP_DATA_URL || `${import.meta.env.BASE_URL}data/cifar10/`;

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function download(name: string, url: string, onBytes: (n: number) => void): Promise<Uint8Array<ArrayBuffer>> {
  const response = await fetch(url);
  if (!response.ok || !response.body)
    throw new Error(`Downloading ${name} failed: HTTP ${response.status} ${response.statusText} (${url})`);
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
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/** The build's index of encoded files, or null where the host has none (the official files). */
async function fetchIndex(baseUrl: string): Promise<DataIndex | null> {
  const response = await fetch(baseUrl + DATA_INDEX_FILE);
  if (response.status === 404 || response.status === 204) return null; // 204: the dev server's official files
  if (!response.ok)
    throw new Error(
      `Reading the data index failed: HTTP ${response.status} ${response.statusText} (${baseUrl + DATA_INDEX_FILE})`,
    );
  const parsed = parseDataIndex(await response.json().catch(() => null));
  if ('problem' in parsed) throw new Error(`${baseUrl + DATA_INDEX_FILE}: ${parsed.problem}`);
  return parsed.index;
}

/** Official batch bytes from a residual-coded download (gunzipped here unless the host already did). */
async function decodeDownload(bytes: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer> {
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b; // a batch starts with a label byte, 0..9
  const residuals = gzipped
    ? new Uint8Array(
        await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer(),
      )
    : bytes;
  return decodeResiduals(residuals).buffer as ArrayBuffer;
}

/**
 * What to say when the cache held some shards but not all: the browser cleared part of it between
 * visits (an empty cache is a first visit, or a whole origin cleared: nothing to explain).
 */
export function evictedShardsNotice(absent: readonly string[], total: number): string | null {
  if (absent.length === 0 || absent.length === total) return null;
  return `${absent.length} of ${total} cached shards (${absent.join(', ')}) were no longer in the browser's storage (it may have cleared them to free space); downloading them again.`;
}

export async function loadBrowserDataset(
  onProgress: (p: DatasetProgress) => void,
  baseUrl = defaultDataUrl(),
): Promise<ImageSet> {
  const shards = CIFAR10_SHARDS.filter((s) => s.split === 'train');
  const p: DatasetProgress = {
    phase: 'checking',
    shard: null,
    bytesLoaded: 0,
    bytesTotal: shards.length * SHARD_BYTES,
    shardsFromCache: 0,
    shardsTotal: shards.length,
    notices: [],
  };
  const emit = (patch: Partial<DatasetProgress>) => {
    Object.assign(p, patch);
    onProgress({ ...p, notices: [...p.notices] });
  };
  const batches = new Map<string, ArrayBuffer>();
  const absent: string[] = [];

  // 1. The browser cache: every shard whose bytes still match the published digest.
  for (const shard of shards) {
    emit({ phase: 'checking', shard: shard.name });
    const bytes = await readShard('cifar10', shard.name).catch(() => undefined);
    if (!bytes) {
      absent.push(shard.name);
      continue;
    }
    const problem = checkShard(shard.name, await sha256Hex(bytes));
    if (problem) {
      p.notices.push(`The cached copy of ${shard.name} was corrupt (${problem}); downloading it again.`);
      await deleteShard('cifar10', shard.name).catch(() => {});
    } else {
      batches.set(shard.name, bytes);
      emit({ bytesLoaded: p.bytesLoaded + bytes.byteLength, shardsFromCache: p.shardsFromCache + 1 });
    }
  }

  const evicted = evictedShardsNotice(absent, shards.length);
  if (evicted) p.notices.push(evicted);

  // 2. The rest from the server; progress counts the bytes that cross the network.
  const missing = shards.filter((s) => !batches.has(s.name));
  if (missing.length > 0) {
    const index = await fetchIndex(baseUrl);
    const sources = missing.map((s) => {
      const entry = index?.shards.find((e) => e.name === s.name);
      return { shard: s, url: baseUrl + (entry?.file ?? s.name), bytes: entry?.bytes ?? SHARD_BYTES, encoded: !!entry };
    });
    emit({ bytesTotal: p.bytesLoaded + sources.reduce((sum, s) => sum + s.bytes, 0) });
    for (const { shard, url, bytes: expected, encoded } of sources) {
      emit({ phase: 'downloading', shard: shard.name });
      const before = p.bytesLoaded;
      // Capped at the expected size: a host that gzips on the fly reports decoded bytes.
      const downloaded = await download(shard.name, url, (n) =>
        emit({ bytesLoaded: Math.min(before + expected, p.bytesLoaded + n) }),
      );
      emit({ phase: 'verifying', bytesLoaded: before + expected });
      const bytes = encoded ? await decodeDownload(downloaded) : downloaded.buffer;
      const problem = checkShard(shard.name, await sha256Hex(bytes));
      if (problem)
        throw new Error(
          `${problem}. The server's copy is damaged: run \`npm install\` again to rebuild data/cifar10, then retry.`,
        );
      const cacheProblem = await writeShard('cifar10', shard.name, bytes);
      if (cacheProblem) p.notices.push(cacheProblem);
      batches.set(shard.name, bytes);
    }
  }
  emit({ phase: 'ready', shard: null });
  return concatImageSets(shards.map((s) => parseCifar10Batch(new Uint8Array(batches.get(s.name)!))));
}
