// The spine end to end: open the lab, click Run study, watch real CIFAR-10 trials train in Web
// Workers with live loss curves, and get a ranking. Then reload: the data comes from IndexedDB.
// (Training forced onto webgpu is in landscape.spec.ts.)
import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const artifacts = new URL('./artifacts/', import.meta.url).pathname;
mkdirSync(artifacts, { recursive: true });

test('tiny study on wasm: live loss curves, ranked result, cached data on reload', async ({ page }) => {
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') console.log(`[page ${m.type()}] ${m.text()}`);
  });
  await page.goto('/?preset=tiny');
  await expect(page.getByTestId('dataset-panel')).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
  await expect(page.getByTestId('dataset-progress')).toContainText('(100%)');

  await page.getByRole('button', { name: 'Run study' }).click();
  const chart = page.getByTestId('loss-chart');
  // The curves must grow while the study runs, not appear all at once at the end.
  await expect
    .poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 120_000 })
    .toBeGreaterThan(0);
  const early = Number(await chart.getAttribute('data-points'));
  await expect
    .poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 120_000 })
    .toBeGreaterThan(early);
  await expect(page.getByTestId('ranking')).toHaveCount(0); // still running when the curves grew

  await expect(page.getByTestId('ranking')).toHaveAttribute('data-phase', 'finished', { timeout: 5 * 60_000 });
  await expect(page.getByTestId('backend-name')).toHaveText('wasm');
  await expect(page.getByTestId('ranked-config')).toHaveCount(4);
  await expect(page.getByTestId('ranked-config').first()).toContainText('%');
  await expect(page.getByTestId('rung-table').locator('tr.state-completed')).toHaveCount(4 + 2 + 1);
  // Unasked, no trial is probed (the probes did not help the search): no probe values, no probe columns.
  for (const row of await page.getByTestId('trial-row').all()) await expect(row).toHaveAttribute('data-probe-loss', '');
  await expect(page.getByTestId('rung-table').locator('th', { hasText: 'sharpness' })).toHaveCount(0);
  await page.screenshot({ path: `${artifacts}/tiny-study-finished.png`, fullPage: true });

  // The lesson goes on at real fidelity: the finished study points to the replay, which opens in view.
  await expect(page.getByTestId('real-fidelity-pointer')).toContainText('at most 1,024 images for 1 epoch.');
  await page.getByRole('button', { name: 'Replay a real-fidelity study (no training)' }).click();
  await expect(page.getByTestId('table-replay').locator('details')).toHaveAttribute('open', '');
  await expect(page.getByTestId('table-replay').locator('summary')).toBeInViewport();

  // Second visit: every shard comes from IndexedDB, none from the network.
  const dataRequests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/data/cifar10/')) dataRequests.push(r.url());
  });
  await page.reload();
  await expect(page.getByTestId('dataset-panel')).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
  await expect(page.getByTestId('dataset-status')).toContainText('from the browser cache');
  expect(dataRequests).toEqual([]);
});
