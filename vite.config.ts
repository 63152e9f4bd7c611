import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { cifarData } from './scripts/viteCifarData.ts';
import { learningCurveTable } from './scripts/viteLearningCurveTable.ts';
import { PRODUCT_TABLE_PATH } from './scripts/productTable.ts';

const tfjsVersion = (
  JSON.parse(readFileSync(join(import.meta.dirname, 'node_modules/@tensorflow/tfjs/package.json'), 'utf8')) as {
    version: string;
  }
).version;

// Where the lab lives on its host (LLP_BASE=/some/path/) and where it reads CIFAR-10 from
// (LLP_DATA_URL, absolute or relative to the page; by default the shards ship in the build).
const base = `/${(process.env.LLP_BASE ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
const dataUrl = process.env.LLP_DATA_URL ? process.env.LLP_DATA_URL.replace(/\/*$/, '/') : '';

// Cross-origin isolation lets the page share the dataset with every worker through one
// SharedArrayBuffer. Dev and preview send these headers; on a plain static host the service
// worker adds them from the second visit (workers/sw.ts), and until then each worker gets a copy.
const isolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

export default defineConfig({
  base,
  // A separate cache lets a test start the dev server as a fresh clone would (e2e/devServer.spec.ts).
  cacheDir: process.env.LLP_VITE_CACHE_DIR ?? 'node_modules/.vite',
  define: {
    'import.meta.env.LLP_DATA_URL': JSON.stringify(dataUrl),
    'import.meta.env.LLP_TFJS_VERSION': JSON.stringify(tfjsVersion),
  },
  plugins: [
    react(),
    cifarData({ base, dataDir: join(import.meta.dirname, 'data', 'cifar10'), shipData: !dataUrl }),
    // The page replays real-fidelity studies over the product's copy of the table (src/ui/replay).
    learningCurveTable(PRODUCT_TABLE_PATH),
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
    rollupOptions: {
      // The one slow callback is the data plugin's first encoding, which says so itself.
      checks: { bundlerTimings: false },
      // Static hosts that run Jekyll (GitHub Pages) skip files whose names start with "_", as a
      // virtual module's chunk would ("_virtual_learning-curve-table-…js").
      output: { chunkFileNames: (chunk) => `assets/${chunk.name.replace(/^_+/, '')}-[hash].js` },
      input: {
        main: join(import.meta.dirname, 'index.html'),
        bench: join(import.meta.dirname, 'bench/browser/index.html'),
      },
    },
  },
  optimizeDeps: {
    // The dependency scan starts from the HTML pages and never follows `new Worker(new URL(…))`, so
    // the worker entries are named here: otherwise tfjs-backend-webgpu (imported only inside the
    // trainer worker) is found on the first click and the dev server reloads the page under it.
    // tfjs-backend-wasm must be pre-bundled: its wasm-out/*.js glue is CommonJS.
    entries: ['index.html', 'bench/browser/index.html', 'workers/*.worker.ts'],
  },
});
