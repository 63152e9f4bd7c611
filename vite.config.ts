import { createHash } from 'node:crypto';
import { constants, copyFileSync, createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';
import type { Connect, Plugin } from 'vite';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// Where the lab lives on its host (LLP_BASE=/some/path/) and where it reads CIFAR-10 from
// (LLP_DATA_URL, absolute or relative to the page; by default the shards ship in the build).
const base = `/${(process.env.LLP_BASE ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
const dataUrl = process.env.LLP_DATA_URL ? process.env.LLP_DATA_URL.replace(/\/*$/, '/') : '';
const dataDir = join(import.meta.dirname, 'data', 'cifar10');

// Cross-origin isolation lets the page share the dataset with every worker through one
// SharedArrayBuffer. Dev and preview send these headers; on a plain static host the service
// worker adds them from the second visit (workers/sw.ts), and until then each worker gets a copy.
const isolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

/** The training batches `npm install` wrote and verified (data/cifar10/manifest.json). */
function trainShards(): { name: string; sha256: string }[] {
  const manifest = join(dataDir, 'manifest.json');
  if (!existsSync(manifest)) throw new Error(`${manifest} is missing: run \`npm install\` to prepare CIFAR-10.`);
  const shards = (JSON.parse(readFileSync(manifest, 'utf8')) as { shards: { name: string; sha256: string; split: string }[] }).shards;
  return shards.filter((s) => s.split === 'train');
}

// Dev: serves data/cifar10 from the checkout. Build: copies the five training batches into the
// output (unless LLP_DATA_URL points elsewhere), checked against their sha256 so a build never
// ships damaged data. The test batch is left out: selection never uses it.
function cifarData(): Plugin {
  const prefix = `${base}data/cifar10/`;
  const serve: Connect.NextHandleFunction = (req, res, next) => {
    const url = req.url?.split('?')[0] ?? '';
    const rest = url.startsWith(prefix) ? url.slice(prefix.length) : url.startsWith('/data/cifar10/') ? url.slice('/data/cifar10/'.length) : null;
    if (rest === null) return next();
    const file = normalize(join(dataDir, rest));
    if (!file.startsWith(dataDir) || !existsSync(file) || !statSync(file).isFile()) {
      res.statusCode = 404;
      return res.end(`Not found: ${url}. Run \`npm install\` to prepare data/cifar10.`);
    }
    res.setHeader('Content-Type', 'application/octet-stream');
    res.setHeader('Content-Length', String(statSync(file).size));
    res.setHeader('Cache-Control', 'no-cache');
    createReadStream(file).pipe(res);
  };
  let outDir = 'dist';
  return {
    name: 'cifar-data',
    configureServer: (server) => { server.middlewares.use(serve); },
    configResolved: (config) => { outDir = resolve(config.root, config.build.outDir); },
    writeBundle() {
      if (dataUrl || this.environment.name !== 'client') return;
      const target = join(outDir, 'data', 'cifar10');
      mkdirSync(target, { recursive: true });
      for (const shard of trainShards()) {
        const from = join(dataDir, shard.name);
        const digest = existsSync(from) ? createHash('sha256').update(readFileSync(from)).digest('hex') : 'missing';
        if (digest !== shard.sha256) throw new Error(`${from}: sha256 ${digest}, expected ${shard.sha256}. Run \`npm install\` to rebuild data/cifar10.`);
        copyFileSync(from, join(target, shard.name), constants.COPYFILE_FICLONE);
      }
    },
  };
}

export default defineConfig({
  base,
  // A separate cache lets a test start the dev server as a fresh clone would (e2e/devServer.spec.ts).
  cacheDir: process.env.LLP_VITE_CACHE_DIR ?? 'node_modules/.vite',
  define: { 'import.meta.env.LLP_DATA_URL': JSON.stringify(dataUrl) },
  plugins: [
    react(),
    cifarData(),
    // Offline and installable: a Workbox precache of the build (one entry per file, old ones
    // removed when a new build activates), the web app manifest and its icons.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'workers',
      filename: 'sw.ts',
      injectRegister: false, // src/store/offline.ts registers it, without reloading a running study
      injectManifest: {
        rollupFormat: 'iife',
        globPatterns: ['**/*.{js,css,html,wasm,png,svg,webmanifest}'],
        globIgnores: ['bench/**', 'assets/bench-*'],
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024, // the trainer worker bundles tfjs
      },
      manifest: {
        name: 'Loss Landscape Probe',
        short_name: 'LL Probe',
        description: 'A browser training lab: successive halving over real CIFAR-10, trained in Web Workers.',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1f4e79',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
  ],
  server: { headers: isolation, port: 5173 },
  preview: { headers: isolation, port: 4173 },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    // The benchmark page ships with the build so `npm run bench:train` measures production code.
    rollupOptions: { input: { main: join(import.meta.dirname, 'index.html'), bench: join(import.meta.dirname, 'bench/browser/index.html') } },
  },
  optimizeDeps: {
    // The dependency scan starts from the HTML pages and never follows `new Worker(new URL(…))`, so
    // the worker entries are named here: otherwise tfjs-backend-webgpu (imported only inside the
    // trainer worker) is found on the first click and the dev server reloads the page under it.
    // tfjs-backend-wasm must be pre-bundled: its wasm-out/*.js glue is CommonJS.
    entries: ['index.html', 'bench/browser/index.html', 'workers/*.worker.ts'],
  },
});
