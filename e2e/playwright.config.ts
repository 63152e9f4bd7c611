// End-to-end tests in Debian's Chromium (playwright-core drives /usr/bin/chromium; no browser
// download). Most specs use the production build (data included) under `vite preview`;
// devServer.spec.ts starts `npm start`; staticHost.spec.ts and firstVisit.spec.ts a plain static
// server (./staticSite).
import { defineConfig } from '@playwright/test';
import { SEEDED_STATE } from './seedBackendChoice';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Several checkouts (or developers) can test at once on different ports.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: '.',
  outputDir: './artifacts/results',
  timeout: 8 * 60_000,
  expect: { timeout: 30_000 },
  // Two spec files at a time: a tiny study in Chromium keeps about one of two cores busy (page and
  // worker start-up, small batches), so two overlap; E2E_WORKERS=1 runs them one by one.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  reporter: [['list']],
  // A returning device: its backend already measured (backend-choice.spec.ts clears this).
  globalSetup: './seedBackendChoice.ts',
  use: {
    storageState: SEEDED_STATE,
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--enable-unsafe-webgpu', // exposes the SwiftShader WebGPU adapter here
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
    trace: 'off',
  },
  webServer: {
    command: `npx vite build --logLevel warn && npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    timeout: 5 * 60_000,
    cwd: new URL('..', import.meta.url).pathname,
    reuseExistingServer: !process.env.CI,
    stdout: 'pipe',
  },
});
