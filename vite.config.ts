import { createReadStream, existsSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import type { Connect, Plugin } from 'vite';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Cross-origin isolation lets the page share the dataset with every worker through one
// SharedArrayBuffer (and would allow threaded wasm).
const isolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

// Serves the verified CIFAR-10 batches that `npm install` wrote to data/cifar10, in dev and
// preview alike, without copying 150 MB into every build.
function cifarData(): Plugin {
  const dir = join(import.meta.dirname, 'data', 'cifar10');
  const serve: Connect.NextHandleFunction = (req, res, next) => {
    const url = req.url?.split('?')[0] ?? '';
    if (!url.startsWith('/data/cifar10/')) return next();
    const file = normalize(join(dir, url.slice('/data/cifar10/'.length)));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.statusCode = 404;
      return res.end(`Not found: ${url}. Run \`npm install\` to prepare data/cifar10.`);
    }
    res.setHeader('Content-Type', 'application/octet-stream');
    res.setHeader('Content-Length', String(statSync(file).size));
    res.setHeader('Cache-Control', 'no-cache');
    createReadStream(file).pipe(res);
  };
  return {
    name: 'cifar-data',
    configureServer: (server) => { server.middlewares.use(serve); },
    configurePreviewServer: (server) => { server.middlewares.use(serve); },
  };
}

export default defineConfig({
  plugins: [react(), cifarData()],
  server: { headers: isolation, port: 5173 },
  preview: { headers: isolation, port: 4173 },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    // The benchmark page ships with the build so `npm run bench:train` measures production code.
    rollupOptions: { input: { main: join(import.meta.dirname, 'index.html'), bench: join(import.meta.dirname, 'bench/browser/index.html') } },
  },
  optimizeDeps: { exclude: ['@tensorflow/tfjs-backend-wasm'] },
});
