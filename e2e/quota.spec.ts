// A full storage quota: the lab says so, the study goes on in memory to the end, and it can still be
// exported. The quota is simulated by making IndexedDB writes of study records fail the way a full
// disk does (QuotaExceededError); training, data and everything else are real.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';

test('storage full: clear message, the study finishes in memory, export still works', async ({ page }) => {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (typeof key === 'string' && key.startsWith('study:v1:'))
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.call(this, value, key);
    };
  });
  await page.goto('/?preset=tiny');
  await expect(page.getByTestId('dataset-panel')).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Run study' }).click();
  await expect(page.getByTestId('storage-notice').first()).toContainText('Browser storage is full', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('ranking')).toHaveAttribute('data-phase', 'finished', { timeout: 5 * 60_000 });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export current study (JSON)' }).click();
  const file = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  expect(file.state.phase).toBe('finished');
  expect(file.state.trials.filter((t: { state: string }) => t.state === 'completed')).toHaveLength(7);
});
