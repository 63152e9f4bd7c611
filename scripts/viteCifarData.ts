// Vite plugin for the CIFAR-10 batches that `npm install` wrote and verified in data/cifar10.
// Dev and preview: serves the official .bin files from the checkout (the page in dev, and the
// benchmark page under preview, read them there). Build: writes the five training batches into the
// output as residual-coded gzip (src/core/dataset/cifarResiduals.ts, ~58% of the size) with an index; each
// file is decoded and checked against its published sha256 before it ships. The encoded files are
// kept in data/cifar10/web/ so a build encodes only once. LLP_DATA_URL builds ship no data.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Connect, Plugin } from 'vite';
import { CIFAR10_SHARDS } from '../src/core/dataset/cifarChecksums.ts';
import { decodeResiduals, encodeResiduals } from '../src/core/dataset/cifarResiduals.ts';
import { DATA_INDEX_FILE, RESIDUALS_FORMAT, residualsFile, type DataIndex } from '../src/core/dataset/dataIndex.ts';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The residual-coded file for a batch, from the cache if it still decodes to the published bytes. */
function encodedShard(dataDir: string, name: string, published: string): Buffer {
  const cached = join(dataDir, 'web', residualsFile(name));
  if (existsSync(cached)) {
    const gz = readFileSync(cached);
    if (sha256(decodeResiduals(gunzipSync(gz))) === published) return gz;
  }
  const from = join(dataDir, name);
  const batch = existsSync(from) ? readFileSync(from) : null;
  if (!batch || sha256(batch) !== published)
    throw new Error(
      `${from} is missing or damaged (sha256 must be ${published}). Run \`npm install\` to rebuild data/cifar10.`,
    );
  // About 4 s a batch on one core, once: the next build reads the cache.
  console.log(`[data] encoding ${name} for the build (cached in ${join(dataDir, 'web')} for the next one)`);
  const gz = gzipSync(encodeResiduals(batch), { level: 9 });
  if (sha256(decodeResiduals(gunzipSync(gz))) !== published)
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
      const index: DataIndex = { v: 1, format: RESIDUALS_FORMAT, shards: [] };
      for (const shard of CIFAR10_SHARDS.filter((s) => s.split === 'train')) {
        const gz = encodedShard(dataDir, shard.name, shard.sha256);
        writeFileSync(join(target, residualsFile(shard.name)), gz);
        index.shards.push({ name: shard.name, file: residualsFile(shard.name), bytes: gz.length });
      }
      writeFileSync(join(target, DATA_INDEX_FILE), JSON.stringify(index, null, 2));
    },
  };
}
