// A first visit on a slow link: the static build (`npx vite build`) under a plain static server
// (python3 -m http.server), a fresh browser profile, 20 Mbit/s. Prints the bytes transferred and
// the seconds until each preset's study can run (its data ready) and until it finishes.
// Every byte the server sends passes one counting proxy that also holds the whole link (page,
// workers and the service worker's precache together) to 20 Mbit/s; the page is throttled by CDP
// (Network.emulateNetworkConditions) as well, as DevTools would.
// Run: npm run bench:first-visit [-- --dist dir] [--presets default,demo2,real] [--ready-only real] [--json]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../e2e/servers';
import { startLinkProxy } from '../e2e/linkProxy';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const MBIT = 20;
const presets = (option('--presets') ?? 'default,demo2,real').split(',');
const readyOnly = new Set((option('--ready-only') ?? 'real').split(','));
const root = new URL('..', import.meta.url).pathname;
const MB = 1e6;

interface Figures {
  preset: string;
  mbToRunnable: number;
  secondsToRunnable: number;
  mbToFinished: number | null;
  secondsToFinished: number | null;
}

async function visit(url: string, preset: string, counted: () => number): Promise<Figures> {
  const profile = mkdtempSync(join(tmpdir(), 'llp-first-visit-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const bytesPerSecond = (MBIT * 1e6) / 8;
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: bytesPerSecond,
      uploadThroughput: bytesPerSecond,
    });
    const start = counted();
    const t0 = performance.now();
    await page.goto(preset === 'default' ? url : `${url}?preset=${preset}`);
    const run = page.getByRole('button', { name: 'Run study' });
    await page
      .getByTestId('dataset-panel')
      .and(page.locator('[data-phase="ready"]'))
      .waitFor({ state: 'attached', timeout: 20 * 60_000 });
    await run.and(page.locator(':enabled')).waitFor({ state: 'attached', timeout: 5 * 60_000 });
    const runnable = { mb: (counted() - start) / MB, s: (performance.now() - t0) / 1000 };
    log(`${preset}: runnable after ${runnable.mb.toFixed(1)} MB, ${runnable.s.toFixed(0)} s`);
    if (readyOnly.has(preset))
      return {
        preset,
        mbToRunnable: runnable.mb,
        secondsToRunnable: runnable.s,
        mbToFinished: null,
        secondsToFinished: null,
      };
    await run.click();
    await page
      .getByTestId('ranking')
      .and(page.locator('[data-phase="finished"]'))
      .waitFor({ state: 'attached', timeout: 30 * 60_000 });
    const finished = { mb: (counted() - start) / MB, s: (performance.now() - t0) / 1000 };
    log(`${preset}: finished after ${finished.mb.toFixed(1)} MB, ${finished.s.toFixed(0)} s`);
    return {
      preset,
      mbToRunnable: runnable.mb,
      secondsToRunnable: runnable.s,
      mbToFinished: finished.mb,
      secondsToFinished: finished.s,
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const log = (line: string) => console.error(`[first-visit] ${line}`);

async function main(): Promise<void> {
  let dist = option('--dist');
  const site = mkdtempSync(join(tmpdir(), 'llp-first-visit-site-'));
  if (!dist) {
    dist = join(site, 'dist');
    log('building the static site (npx vite build)');
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--emptyOutDir', '--outDir', dist], {
      cwd: root,
      stdio: 'inherit',
    });
  }
  const serverPort = 4590;
  const server = await startServer('python3', ['-m', 'http.server', String(serverPort), '--bind', '127.0.0.1'], {
    cwd: dist,
    url: `http://127.0.0.1:${serverPort}/`,
  });
  const proxy = await startLinkProxy({ target: serverPort, bitsPerSecond: MBIT * 1e6 });
  const results: Figures[] = [];
  try {
    for (const preset of presets) results.push(await visit(proxy.url, preset, proxy.bytesToClient));
  } finally {
    await proxy.stop();
    await server.stop();
    rmSync(site, { recursive: true, force: true });
  }
  if (args.includes('--json')) return console.log(JSON.stringify(results));
  console.log(`first visit at ${MBIT} Mbit/s, static build on python3 -m http.server, fresh profile`);
  console.log('preset    MB to runnable   s to runnable   MB to finished   s to finished');
  for (const r of results)
    console.log(
      `${r.preset.padEnd(9)} ${r.mbToRunnable.toFixed(1).padStart(14)} ${r.secondsToRunnable.toFixed(0).padStart(15)} ${(r.mbToFinished?.toFixed(1) ?? '-').padStart(16)} ${(r.secondsToFinished?.toFixed(0) ?? '-').padStart(15)}`,
    );
}

await main();
