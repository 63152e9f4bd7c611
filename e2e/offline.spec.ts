// Works offline once visited: the app's files come from the service worker's cache and the
// training images from IndexedDB, so a classroom without network can still run a study and replay
// one from the learning-curve table.
import { expect, test } from '@playwright/test';

test('after one visit the lab opens, trains and replays with the network off', async ({ page, context }) => {
  page.on('requestfailed', (r) => console.log(`[failed] ${r.url()} ${r.failure()?.errorText}`));
  await page.goto('/?preset=micro');
  await expect(page.getByTestId('dataset-panel')).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
  // The service worker takes control; its precache holds the worker code and the tfjs wasm.
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 60_000 });
  await expect
    .poll(
      () =>
        page.evaluate(async () =>
          (await Promise.all((await caches.keys()).map(async (n) => (await caches.open(n)).keys())))
            .flat()
            .some((r) => r.url.endsWith('.wasm')),
        ),
      { timeout: 60_000 },
    )
    .toBe(true);
  await expect
    .poll(
      () =>
        page.evaluate(async () =>
          (await Promise.all((await caches.keys()).map(async (n) => (await caches.open(n)).keys())))
            .flat()
            .some((r) => r.url.includes('metaModel.worker')),
        ),
      { timeout: 60_000 },
    )
    .toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('dataset-status')).toContainText('from the browser cache', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Run study' }).click();
  await expect(page.getByTestId('ranking')).toHaveAttribute('data-phase', 'finished', { timeout: 5 * 60_000 });
  // The recommendation is computed in the meta-model worker, whose code also came from the cache.
  await expect(page.getByTestId('recommendation')).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
  // The learning-curve table was never opened online: its chunk is precached with the rest.
  await page.getByText('Replay a real study (no training)').click();
  await expect(page.getByTestId('replay-result')).toBeVisible();
  await context.setOffline(false);
});
