// Loads CIFAR-10 in the browser, only as much as a study needs: a build ships the 50,000 training
// images as 50 chunks (core/dataset/chunkOrder, listed in data/cifar10/index.json, residual-coded
// and gzipped), and a study asks for the prefix of chunks its splits draw from
// (core/dataset/studyUniverse); the rest comes when a later study needs it. Each chunk comes from
// the IndexedDB cache if its sha256 still matches the committed one, else from the server with
// byte progress, verified before use. Without an index (the dev server, a host of the official
// files) the five official batches are fetched, verified against their published checksums. The
// 10,000 test images are not loaded: selection never uses them.
import { CIFAR10_SHARDS, checkShard } from '../core/dataset/cifarChecksums';
import { CIFAR10_CHUNKS } from '../core/dataset/cifarChunks';
import { CIFAR10_RECORD_BYTES, IMAGE_BYTES, parseCifar10Batch, type ImageSet } from '../core/dataset/cifarFormat';
import { decodeResiduals } from '../core/dataset/cifarResiduals';
import { CHUNK_COUNT, CHUNK_IMAGES, TRAIN_IMAGES, chunkName, placeChunk } from '../core/dataset/chunkOrder';
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

/** A shard of the training images: an official batch, or a build's chunk. */
interface Source {
  name: string;
  sha256: string;
  /** Its decoded size. */
  rawBytes: number;
  /** Writes its images into the 50,000-image set at their official indices. */
  place(bytes: ArrayBuffer, into: ImageSet): void;
}

/** Where the server keeps a shard: null when the host has no build index (it serves the official files). */
type Locate = () => Promise<((name: string) => { url: string; bytes: number; encoded: boolean }) | null>;

function checkDigest(source: Source, digestHex: string): string | null {
  if (!source.name.startsWith('train_chunk_')) return checkShard(source.name, digestHex);
  return digestHex === source.sha256
    ? null
    : `CIFAR-10 chunk ${source.name} failed verification: expected sha256 ${source.sha256}, got ${digestHex}`;
}

/**
 * Loads `sources` into `into`: each from the cache if it still verifies, else from the server
 * (looked up only when something is missing, so a cached study opens offline). False when the
 * host turned out to have no index for them.
 */
async function loadSources(
  sources: Source[],
  into: ImageSet,
  onProgress: (p: DatasetProgress) => void,
  locate: Locate,
): Promise<boolean> {
  const p: DatasetProgress = {
    phase: 'checking',
    shard: null,
    bytesLoaded: 0,
    bytesTotal: sources.reduce((sum, s) => sum + s.rawBytes, 0),
    shardsFromCache: 0,
    shardsTotal: sources.length,
    notices: [],
  };
  const emit = (patch: Partial<DatasetProgress>) => {
    Object.assign(p, patch);
    onProgress({ ...p, notices: [...p.notices] });
  };
  const absent: string[] = [];
  const missing: Source[] = [];

  // 1. The browser cache: every shard whose bytes still match its digest.
  for (const source of sources) {
    emit({ phase: 'checking', shard: source.name });
    const bytes = await readShard('cifar10', source.name).catch(() => undefined);
    if (!bytes) {
      absent.push(source.name);
      missing.push(source);
      continue;
    }
    const problem = checkDigest(source, await sha256Hex(bytes));
    if (problem) {
      p.notices.push(`The cached copy of ${source.name} was corrupt (${problem}); downloading it again.`);
      await deleteShard('cifar10', source.name).catch(() => {});
      missing.push(source);
    } else {
      source.place(bytes, into);
      emit({ bytesLoaded: p.bytesLoaded + bytes.byteLength, shardsFromCache: p.shardsFromCache + 1 });
    }
  }
  const evicted = evictedShardsNotice(absent, sources.length);
  if (evicted) p.notices.push(evicted);

  // 2. The rest from the server; progress counts the bytes that cross the network.
  if (missing.length > 0) {
    const where = await locate();
    if (!where) return false;
    const remote = missing.map((source) => ({ source, ...where(source.name) }));
    emit({ bytesTotal: p.bytesLoaded + remote.reduce((sum, r) => sum + r.bytes, 0) });
    for (const { source, url, bytes: expected, encoded } of remote) {
      emit({ phase: 'downloading', shard: source.name });
      const before = p.bytesLoaded;
      // Capped at the expected size: a host that gzips on the fly reports decoded bytes.
      const downloaded = await download(source.name, url, (n) =>
        emit({ bytesLoaded: Math.min(before + expected, p.bytesLoaded + n) }),
      );
      emit({ phase: 'verifying', bytesLoaded: before + expected });
      const bytes = encoded ? await decodeDownload(downloaded) : downloaded.buffer;
      const problem = checkDigest(source, await sha256Hex(bytes));
      if (problem)
        throw new Error(
          `${problem}. The server's copy is damaged: run \`npm install\` again to rebuild data/cifar10, then retry.`,
        );
      const cacheProblem = await writeShard('cifar10', source.name, bytes);
      if (cacheProblem) p.notices.push(cacheProblem);
      source.place(bytes, into);
    }
  }
  emit({ phase: 'ready', shard: null });
  return true;
}

export interface BrowserDataset {
  /**
   * The 50,000 training images in the official order, with at least the first `chunks` chunks
   * filled (images outside them stay zero until a study needs them). Calls run one at a time.
   */
  load(chunks: number, onProgress: (p: DatasetProgress) => void): Promise<ImageSet>;
  /** How many chunks, from the first, hold their images now (all 50 once the official batches are in). */
  loadedChunks(): number;
}

export function browserDataset(baseUrl = defaultDataUrl()): BrowserDataset {
  let set: ImageSet | null = null;
  let loaded = 0;
  let index: Promise<DataIndex | null> | null = null;
  let official = false; // the host has no index: it serves the five official batches
  let queue: Promise<unknown> = Promise.resolve();

  const readIndex = () =>
    (index ??= fetchIndex(baseUrl).catch((e: unknown) => {
      index = null; // a failed read of the index is retried with the next load
      throw e;
    }));

  const officialSources: Source[] = CIFAR10_SHARDS.filter((s) => s.split === 'train').map((shard, b) => ({
    name: shard.name,
    sha256: shard.sha256,
    rawBytes: SHARD_BYTES,
    place: (bytes, into) => {
      const batch = parseCifar10Batch(new Uint8Array(bytes));
      into.images.set(batch.images, b * batch.count * IMAGE_BYTES);
      into.labels.set(batch.labels, b * batch.count);
    },
  }));
  const locateOfficial: Locate = async () => (name) => ({ url: baseUrl + name, bytes: SHARD_BYTES, encoded: false });

  const chunkSources = (from: number, to: number): Source[] =>
    Array.from({ length: to - from }, (_, i) => {
      const k = from + i;
      return {
        name: chunkName(k),
        sha256: CIFAR10_CHUNKS[k].sha256,
        rawBytes: CHUNK_IMAGES * CIFAR10_RECORD_BYTES,
        place: (bytes, into) => placeChunk(parseCifar10Batch(new Uint8Array(bytes)), k, into),
      };
    });
  const locateChunk: Locate = async () => {
    const found = await readIndex();
    if (!found) return null;
    return (name) => {
      const entry = found.chunks.find((e) => e.name === name);
      if (!entry) throw new Error(`The data index at ${baseUrl + DATA_INDEX_FILE} lists no ${name}`);
      return { url: baseUrl + entry.file, bytes: entry.bytes, encoded: true };
    };
  };

  const loadNow = async (chunks: number, onProgress: (p: DatasetProgress) => void): Promise<ImageSet> => {
    set ??= {
      images: new Uint8Array(TRAIN_IMAGES * IMAGE_BYTES),
      labels: new Uint8Array(TRAIN_IMAGES),
      count: TRAIN_IMAGES,
    };
    const wanted = Math.min(CHUNK_COUNT, chunks);
    if (loaded >= wanted) return set;
    if (!official && (await loadSources(chunkSources(loaded, wanted), set, onProgress, locateChunk))) {
      loaded = wanted;
      return set;
    }
    official = true;
    await loadSources(officialSources, set, onProgress, locateOfficial);
    loaded = CHUNK_COUNT;
    return set;
  };

  return {
    load(chunks, onProgress) {
      const next = queue.then(() => loadNow(chunks, onProgress));
      queue = next.catch(() => {});
      return next;
    },
    loadedChunks: () => loaded,
  };
}
