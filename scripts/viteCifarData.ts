// Vite plugin for the CIFAR-10 batches that `npm install` wrote and verified in data/cifar10.
// Dev and preview: serves the official .bin files from the checkout (the page in dev, and the
// benchmark page under preview, read them there). Build: writes the 50,000 training images as 50
// chunks in the fixed order of src/core/dataset/chunkOrder.ts, each residual-coded and gzipped
// (src/core/dataset/cifarResiduals.ts, ~58% of the size), with an index, so a study downloads only
// the chunks it draws from. Each file is decoded and checked against the chunk's committed sha256
// (src/core/dataset/cifarChunks.ts) before it ships. The encoded files are kept in data/cifar10/web/
// so a build encodes only once. LLP_DATA_URL builds ship no data.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Connect, Plugin } from 'vite';
import { CIFAR10_CHUNKS } from '../src/core/dataset/cifarChunks.ts';
import { decodeResiduals, encodeResiduals } from '../src/core/dataset/cifarResiduals.ts';
import { CHUNK_COUNT, chunkName, chunkRecords } from '../src/core/dataset/chunkOrder.ts';
import { CHUNKS_FORMAT, DATA_INDEX_FILE, residualsFile, type DataIndex } from '../src/core/dataset/dataIndex.ts';
import { officialTrainRecords } from './cifarChunkTable.ts';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The residual-coded file of chunk k, from the cache if it still decodes to the committed digest. */
function encodedChunk(dataDir: string, k: number, train: () => Uint8Array): Buffer {
  const name = chunkName(k);
  const expected = CIFAR10_CHUNKS[k].sha256;
  const cached = join(dataDir, 'web', residualsFile(name));
  if (existsSync(cached)) {
    const gz = readFileSync(cached);
    if (sha256(decodeResiduals(gunzipSync(gz))) === expected) return gz;
  }
  const records = chunkRecords(train(), k);
  if (sha256(records) !== expected)
    throw new Error(
      `${name}: its records do not match the committed sha256 ${expected} (src/core/dataset/cifarChunks.ts)`,
    );
  const gz = gzipSync(encodeResiduals(records), { level: 9 });
  if (sha256(decodeResiduals(gunzipSync(gz))) !== expected)
    throw new Error(`${name}: the residual coding did not round-trip; refusing to ship it`);
  mkdirSync(join(dataDir, 'web'), { recursive: true });
  writeFileSync(cached, gz);
  return gz;
}

export function cifarData(options: { base: string; dataDir: string; shipData: boolean }): Plugin {
  const { base, dataDir } = options;
  const prefix = `${base}data/cifar10/`;
  const serve: Connect.NextHandleFunction = (req, res, next) => {
    const url = req.url?.split('?')[0] ?? '';
    const rest = url.startsWith(prefix)
      ? url.slice(prefix.length)
      : url.startsWith('/data/cifar10/')
        ? url.slice('/data/cifar10/'.length)
        : null;
    if (rest === null) return next();
    // The checkout holds the official files only: "no index here" without a 404 in the page's console.
    if (rest === DATA_INDEX_FILE) {
      res.statusCode = 204;
      return res.end();
    }
    const file = normalize(join(dataDir, rest));
    if (!file.startsWith(dataDir + '/') || !/\.bin$/.test(file) || !existsSync(file) || !statSync(file).isFile()) {
      res.statusCode = 404;
      return res.end(`Not found: ${url}. Run \`npm install\` to prepare data/cifar10.`);
    }
    res.setHeader('Content-Type', 'application/octet-stream');
    res.setHeader('Content-Length', String(statSync(file).size));
    res.setHeader('Cache-Control', 'no-cache');
    createReadStream(file).pipe(res);
  };
  // Preview serves the build; only the official files it does not ship fall through to the checkout.
  const serveRawOnly: Connect.NextHandleFunction = (req, res, next) =>
    /\.bin(\?|$)/.test(req.url ?? '') ? serve(req, res, next) : next();
  let outDir = 'dist';
  return {
    name: 'cifar-data',
    configureServer: (server) => {
      server.middlewares.use(serve);
    },
    configurePreviewServer: (server) => {
      server.middlewares.use(serveRawOnly);
    },
    configResolved: (config) => {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      if (!options.shipData || this.environment?.name !== 'client') return;
      const target = join(outDir, 'data', 'cifar10');
      mkdirSync(target, { recursive: true });
      const index: DataIndex = { v: 2, format: CHUNKS_FORMAT, chunks: [] };
      let train: Uint8Array | null = null;
      // About 20 s for all chunks on one core, once: the next build reads the cache.
      const official = () => {
        if (!train) console.log(`[data] encoding the training chunks (cached in ${join(dataDir, 'web')})`);
        return (train ??= officialTrainRecords(dataDir));
      };
      for (let k = 0; k < CHUNK_COUNT; k++) {
        const name = chunkName(k);
        const gz = encodedChunk(dataDir, k, official);
        writeFileSync(join(target, residualsFile(name)), gz);
        index.chunks.push({ name, file: residualsFile(name), bytes: gz.length });
      }
      writeFileSync(join(target, DATA_INDEX_FILE), JSON.stringify(index, null, 2));
    },
  };
}
