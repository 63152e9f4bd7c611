// `npm start` as a fresh clone runs it: an empty Vite dependency cache, then one click on Run study.
// The dev server must pre-bundle everything the page and its workers import before the click (no
// "optimized dependencies changed. reloading" under the user) and serve tfjs-backend-wasm's
// CommonJS glue converted, so the trainer worker loads and the tiny study trains to the end.
import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { e2ePort, repoRoot, startServer, type RunningServer } from './servers';

const port = e2ePort(1);
let server: RunningServer;
let cacheDir: string;

test.beforeAll(async () => {
  cacheDir = mkdtempSync(join(tmpdir(), 'llp-vite-cache-'));
  server = await startServer('npm', ['start', '--', '--port', String(port), '--strictPort'], {
    cwd: repoRoot,
    url: `http://127.0.0.1:${port}/`,
    env: { LLP_VITE_CACHE_DIR: cacheDir },
  });
});

test.afterAll(async () => {
  await server?.stop();
  if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
});

test('npm start with an empty dependency cache: the first click trains the tiny study, no reload', async ({ page }) => {
  test.setTimeout(10 * 60_000);
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await page.goto(`${server.url}?preset=tiny`);
  await expect(page.getByTestId('dataset-panel')).toHaveAttribute('data-phase', 'ready', { timeout: 180_000 });
  await expect(page.getByTestId('data-sharing')).toHaveAttribute('data-mode', 'shared'); // the dev server sends COOP/COEP
  // A reload under the click would restart the page and lose the study: fail at once if one comes.
  const reload = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 0 }).then(
    () => 'the page reloaded',
    () => 'closed',
  );
  await page.getByRole('button', { name: 'Run study' }).click();
  const finished = expect(page.getByTestId('ranking'))
    .toHaveAttribute('data-phase', 'finished', { timeout: 8 * 60_000 })
    .then(
      () => 'finished',
      (e: Error) => `not finished: ${e.message}`,
    );
  expect(await Promise.race([finished, reload])).toBe('finished');
  await expect(page.getByTestId('backend-name')).toHaveText('wasm');
  await expect(page.getByTestId('rung-table').locator('tr.state-completed')).toHaveCount(4 + 2 + 1);
  // The dev page runs under React's StrictMode (effects mount twice): the table replay must still load and run.
  await page.getByText('Replay a real study (no training)').click();
  await expect(page.getByTestId('replay-result')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('replay-many').click();
  await expect(page.getByTestId('replay-distribution')).toBeVisible({ timeout: 60_000 });

  expect(consoleErrors).toEqual([]); // a newcomer who opens DevTools sees no red line
  expect(server.log()).not.toMatch(/optimized dependencies changed|new dependencies optimized|reloading/i);
  expect(server.log()).toMatch(/optimizer\] (scanning|bundling) dependencies/); // it did start from an empty cache
});
