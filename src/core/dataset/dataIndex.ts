// The index a build writes beside the data it ships (data/cifar10/index.json): which file holds
// each chunk of the training images (./chunkOrder.ts) and how it is encoded. Without one (the dev
// server, a host of the official files) the page fetches the official `.bin` batches. The index is
// not trusted for integrity: every chunk is checked against its committed sha256 (./cifarChunks.ts)
// after decoding.

export const DATA_INDEX_FILE = 'index.json';
export const CHUNKS_FORMAT = 'cifar10-chunks-residuals-gzip-v1';

export interface DataIndexChunk {
  /** The chunk's name, e.g. train_chunk_07.bin. */
  name: string;
  /** The file that holds it, relative to the index. */
  file: string;
  /** Bytes to download. */
  bytes: number;
}

export interface DataIndex {
  v: 2;
  format: typeof CHUNKS_FORMAT;
  chunks: DataIndexChunk[];
}

// gzip inside, but no .gz suffix: hosts that see .gz (vite preview, many Apache setups) add
// Content-Encoding: gzip, and the browser would then hand over decoded bytes and wrong progress.
export const residualsFile = (name: string): string => `${name}.residuals`;

/** The index, or why it is not one; never throws. */
export function parseDataIndex(json: unknown): { index: DataIndex } | { problem: string } {
  const o = json as Partial<DataIndex> | null;
  if (!o || typeof o !== 'object') return { problem: 'the data index is not a JSON object' };
  if (o.v !== 2) return { problem: `the data index has version ${String(o.v)}; this page reads version 2` };
  if (o.format !== CHUNKS_FORMAT)
    return { problem: `the data index names format ${String(o.format)}; this page reads ${CHUNKS_FORMAT}` };
  if (!Array.isArray(o.chunks)) return { problem: 'the data index has no chunks list' };
  for (const s of o.chunks as unknown[]) {
    const chunk = s as Partial<DataIndexChunk>;
    const fileOk = typeof chunk.file === 'string' && /^[\w.-]+$/.test(chunk.file);
    if (typeof chunk.name !== 'string' || !fileOk || !Number.isInteger(chunk.bytes) || (chunk.bytes as number) <= 0) {
      return { problem: `the data index has a malformed chunk entry: ${JSON.stringify(s).slice(0, 120)}` };
    }
  }
  return { index: o as DataIndex };
}
