// Storage cleared between visits, with real IndexedDB in Chromium: the browser drops one of the two
// dataset chunks tiny draws from and the whole meta-model memory database, keeping the saved study.
// The next visit downloads just that chunk and says so, and rebuilds the memory from the study that taught it;
// a listed study whose record then vanishes is reported when opened, never half-read.
import { expect, test } from '@playwright/test';

test('storage cleared between visits is detected: shards downloaded again, memory rebuilt, a vanished study reported', async ({
  page,
}) => {
  test.setTimeout(8 * 60_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') console.log(`[page error] ${m.text()}`);
  });
  const dataset = page.getByTestId('dataset-panel');
  const memory = page.getByTestId('memory-panel');
  const notices = page.getByTestId('storage-notice');

  // 1. First visit: a tiny study finishes, is saved, and teaches the memory.
  await page.goto('/?preset=tiny');
  await expect(dataset).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Run study' }).click();
  await expect(page.getByTestId('ranking')).toHaveAttribute('data-phase', 'finished', { timeout: 5 * 60_000 });
  await expect.poll(async () => Number(await memory.getAttribute('data-count'))).toBeGreaterThanOrEqual(1);
  const count = (await memory.getAttribute('data-count'))!;
  await expect(page.getByTestId('saved-study')).toHaveCount(1);

  // 2. Between visits the browser drops a chunk and the memory's whole database.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('keyval-store');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('keyval', 'readwrite');
      for (const shard of ['train_chunk_01.bin']) tx.objectStore('keyval').delete(`dataset:v1:cifar10:${shard}`);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    // Blocked by the page's open connection until the reload closes it; the next page's reads wait for it.
    indexedDB.deleteDatabase('llp-knowledge');
  });
  const fetched: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/data/cifar10/')) fetched.push(r.url().split('/').pop()!);
  });
  await page.reload();

  // 3. Second visit: only the dropped chunk comes from the network, and the page says why.
  await expect(dataset).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
  await expect(dataset).toContainText(
    "1 of 2 cached shards (train_chunk_01.bin) were no longer in the browser's storage",
  );
  expect(fetched).toEqual(['index.json', 'train_chunk_01.bin.residuals']);
  // The memory is back, rebuilt from the saved study, with a notice.
  await expect(memory).toHaveAttribute('data-count', count);
  await expect(notices.filter({ hasText: 'meta-model memory lacked' })).toContainText(
    `lacked ${count} example(s) of 1 saved study`,
  );
  await expect(notices.filter({ hasText: 'meta-model memory lacked' })).toContainText('rebuilt from the saved studies');

  // 4. The listed study's record vanishes (another tab, or the browser): opening it says so and
  //    drops it from the list; nothing half-read reaches the screen.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('llp-studies');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('records', 'readwrite');
      const store = tx.objectStore('records');
      const keys = store.getAllKeys();
      keys.onsuccess = () => {
        for (const k of keys.result) if (String(k).startsWith('study:v1:')) store.delete(k);
      };
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
  await page.getByTestId('saved-study').getByRole('button', { name: 'Open' }).click();
  await expect(notices.filter({ hasText: 'no longer in this browser' })).toContainText('it was removed from the list');
  await expect(page.getByTestId('saved-study')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Run study' })).toBeEnabled();

  // 5. A third visit with the study gone: the memory keeps its examples, and nothing is rebuilt twice.
  await page.reload();
  await expect(dataset).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
  await expect(memory).toHaveAttribute('data-count', count);
  await expect(notices).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});
