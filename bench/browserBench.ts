// Drives bench/browser/index.html in Debian's headless Chromium (playwright-core) over `vite
// preview`: every backend the browser exposes, one worker and a pool, as JSON rows.
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import type { BackendName } from '../workers/protocol';
import type { BenchRow } from './poolThroughput';

const PORT = 4174;
const ARGS = [
  '--enable-unsafe-webgpu',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

async function waitForServer(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`vite preview did not answer at ${url}`);
}

export async function runBrowserBench(
  opts: { configs: [number, number][]; steps: number; cores: number; quick: boolean },
  emit: (r: BenchRow) => void,
): Promise<void> {
  console.error('[bench] building the app for the browser benchmark…');
  await new Promise<void>((resolve, reject) =>
    spawn('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' }).on('exit', (c) =>
      c === 0 ? resolve() : reject(new Error(`vite build exited ${c}`)),
    ),
  );
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
    stdio: 'ignore',
    detached: true,
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ARGS,
  });
  try {
    await waitForServer(`http://127.0.0.1:${PORT}/`, 60_000);
    const openPage = async () => {
      const p = await browser.newPage();
      await p.goto(`http://127.0.0.1:${PORT}/bench/browser/index.html`);
      await p.waitForFunction(() => document.getElementById('status')?.textContent === 'ready', undefined, {
        timeout: 60_000,
      });
      return p;
    };
    let page = await openPage();
    // A measurement that crashes the page (threaded wasm has) is reported as an error row, and the
    // benchmark goes on in a fresh page.
    const run = async (
      backend: BackendName,
      channels: number,
      batchSize: number,
      workers: number,
      warmupSteps: number,
      steps: number,
      wasmThreads = false,
    ): Promise<BenchRow> => {
      try {
        // Threaded wasm has hung here rather than failed: every measurement gets a deadline.
        const measured = page.evaluate(([b, r, w, t]) => window.llpBench(b, r, w, t), [
          backend,
          { channels, batchSize, warmupSteps, steps },
          workers,
          wasmThreads,
        ] as const);
        const deadline = new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('no result within 3 minutes')), 180_000),
        );
        return await Promise.race([measured, deadline]);
      } catch (e) {
        await page.close().catch(() => undefined);
        page = await openPage();
        return {
          runtime: 'chromium',
          backend: wasmThreads ? 'wasm-threads' : backend,
          channels,
          batchSize,
          workers,
          imagesPerSecond: 0,
          error: e instanceof Error ? e.message.split('\n')[0] : String(e),
        };
      }
    };

    // wasm first: a software GPU's process goes on computing after its probe returns, which
    // would take CPU from any row measured after it.
    for (const [c, b] of opts.configs) emit(await run('wasm', c, b, 1, 3, opts.steps));
    // The pool, one wasm worker per core as in a study, at every configuration PyTorch ran.
    for (const [c, b] of opts.configs) emit(await run('wasm', c, b, opts.cores, 3, opts.steps));
    for (const backend of ['webgpu', 'webgl'] as const) {
      // A software GPU (SwiftShader) trains at a few images/s: one short probe, then move on.
      const probe = await run(backend, 32, 64, 1, 1, 2);
      emit(probe);
      if (probe.imagesPerSecond < 50) {
        console.error(`[bench] ${backend}: ${probe.error ?? 'software adapter'}; skipping its other configurations`);
        continue;
      }
      for (const [c, b] of opts.configs.slice(1)) emit(await run(backend, c, b, 1, 3, opts.steps));
      for (const workers of [2, 4]) emit(await run(backend, 32, 128, workers, 3, opts.steps));
    }
    emit(await run('wasm', 32, 64, 1, 3, opts.steps, true));
  } finally {
    await browser.close();
    try {
      process.kill(-server.pid!);
    } catch {
      server.kill();
    }
  }
}
