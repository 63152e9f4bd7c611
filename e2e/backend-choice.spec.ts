// The backend is chosen by measurement: at the first study the page times a few training steps
// of the study's model on wasm, webgpu (SwiftShader here) and webgl, shows each figure in the
// Compute panel, and trains on the fastest; the next study on this device reads the cached choice.
import { expect, test } from '@playwright/test';

// A first visit: nothing measured yet (the other specs start from a seeded, returning device).
test.use({ storageState: { cookies: [], origins: [] } });

test('Compute panel shows the measured backend choice, and wasm wins on a software GPU', async ({ page }) => {
  test.setTimeout(8 * 60_000);
  await page.goto('/?preset=tiny');
  await expect(page.getByTestId('dataset-panel')).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Run study' }).click();

  const choice = page.getByTestId('backend-choice');
  await expect(choice).toBeVisible({ timeout: 3 * 60_000 });
  console.log(`measured: ${await choice.innerText()}`);
  await expect(page.getByTestId('backend-chosen')).toHaveText('wasm');
  const wasm = choice.locator('[data-backend=wasm]');
  await expect(wasm).toHaveAttribute('data-status', 'measured');
  await expect(wasm).toContainText(/\d+ images\/s/);
  await expect(wasm).toContainText(/kernels/); // which kernel build the worker runs
  // SwiftShader's WebGPU was timed too, not skipped by its name: it overran wasm's budget.
  const webgpu = choice.locator('[data-backend=webgpu]');
  await expect(webgpu).toHaveAttribute('data-status', /^(slower|measured)$/);
  await expect(page.getByTestId('backend-name')).toHaveText('wasm');

  const cached = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('backendChoice:v1:')));
  expect(cached).toHaveLength(1);

  // The next study on this device starts without measuring again.
  await expect(page.getByTestId('ranking')).toHaveAttribute('data-phase', 'finished', { timeout: 5 * 60_000 });
  await page.reload();
  await expect(page.getByTestId('dataset-panel')).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Run study' }).click();
  await expect(page.getByTestId('backend-choice')).toContainText('kept for this device', { timeout: 60_000 });
  await expect(page.getByTestId('backend-measuring')).toHaveCount(0);
});
