// The index a build writes beside the data it ships (data/cifar10/index.json): which file holds
// each batch and how it is encoded. Without one (the dev server, a host of the official files) the
// page fetches the official `.bin` batches. The index is not trusted for integrity: every batch is
// checked against its published sha256 after decoding.

export const DATA_INDEX_FILE = 'index.json';
export const RESIDUALS_FORMAT = 'cifar10-residuals-gzip-v1';

export interface DataIndexShard {
  /** The official batch name, e.g. data_batch_1.bin. */
  name: string;
  /** The file that holds it, relative to the index. */
  file: string;
  /** Bytes to download. */
  bytes: number;
}

export interface DataIndex {
  v: 1;
  format: typeof RESIDUALS_FORMAT;
  shards: DataIndexShard[];
}

// gzip inside, but no .gz suffix: hosts that see .gz (vite preview, many Apache setups) add
// Content-Encoding: gzip, and the browser would then hand over decoded bytes and wrong progress.
export const residualsFile = (name: string): string => `${name}.residuals`;

/** The index, or why it is not one; never throws. */
export function parseDataIndex(json: unknown): { index: DataIndex } | { problem: string } {
  const o = json as Partial<DataIndex> | null;
  if (!o || typeof o !== 'object') return { problem: 'the data index is not a JSON object' };
  if (o.v !== 1) return { problem: `the data index has version ${String(o.v)}; this page reads version 1` };
  if (o.format !== RESIDUALS_FORMAT)
    return { problem: `the data index names format ${String(o.format)}; this page reads ${RESIDUALS_FORMAT}` };
  if (!Array.isArray(o.shards)) return { problem: 'the data index has no shards list' };
  for (const s of o.shards as unknown[]) {
    const shard = s as Partial<DataIndexShard>;
    const fileOk = typeof shard.file === 'string' && /^[\w.-]+$/.test(shard.file);
    if (typeof shard.name !== 'string' || !fileOk || !Number.isInteger(shard.bytes) || (shard.bytes as number) <= 0) {
      return { problem: `the data index has a malformed shard entry: ${JSON.stringify(s).slice(0, 120)}` };
    }
  }
  return { index: o as DataIndex };
}
