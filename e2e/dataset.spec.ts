// Bad input on the data path: a missing shard gets a clear message and a working Retry; a corrupt
// IndexedDB entry is caught by its checksum and downloaded again instead of crashing the page.
import { expect, test } from '@playwright/test';

test('a missing shard shows a clear error, and Retry recovers once the server has it', async ({ page }) => {
  await page.route('**/data/cifar10/train_chunk_02.bin*', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto('/');
  const panel = page.getByTestId('dataset-panel');
  await expect(panel).toHaveAttribute('data-phase', 'error', { timeout: 120_000 });
  await expect(panel.getByRole('alert')).toContainText('train_chunk_02.bin failed: HTTP 404');
  await expect(page.getByRole('button', { name: 'Run study' })).toBeDisabled();

  await page.unroute('**/data/cifar10/train_chunk_02.bin*');
  await panel.getByRole('button', { name: 'Retry download' }).click();
  await expect(panel).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
  await expect(page.getByRole('button', { name: 'Run study' })).toBeEnabled();
});

test('a corrupt cached shard is detected by its sha256 and downloaded again', async ({ page }) => {
  await page.goto('/');
  const panel = page.getByTestId('dataset-panel');
  await expect(panel).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
  // Flip one byte of the cached copy of train_chunk_03.bin (idb-keyval's default store).
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('keyval-store');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction('keyval', 'readwrite').objectStore('keyval');
          const key = 'dataset:v1:cifar10:train_chunk_03.bin';
          const get = store.get(key);
          get.onsuccess = () => {
            const bytes = new Uint8Array((get.result as ArrayBuffer).slice(0));
            bytes[12345] ^= 0xff;
            const put = store.put(bytes.buffer, key);
            put.onsuccess = () => resolve();
            put.onerror = () => reject(put.error);
          };
        };
      }),
  );
  const fetched: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/data/cifar10/')) fetched.push(r.url().split('/').pop()!);
  });
  await page.reload();
  await expect(panel).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
  await expect(panel).toContainText('The cached copy of train_chunk_03.bin was corrupt');
  expect(fetched).toEqual(['index.json', 'train_chunk_03.bin.residuals']); // the build's encoded chunk, found through its index
});
