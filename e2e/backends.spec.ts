// Cross-backend agreement in Chromium: webgpu (SwiftShader), webgl, wasm and cpu compute the same
// loss and gradients for fixed weights and one batch, to 1e-3 relative.
import { expect, test } from '@playwright/test';

test('webgpu, webgl and wasm agree with cpu on loss and gradients', async ({ page }) => {
  test.setTimeout(6 * 60_000);
  await page.goto('/');
  await expect(page.getByTestId('dataset-panel')).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Compare backends' }).click();
  const rows = page.getByTestId('backend-check-row');
  await expect(rows).toHaveCount(4, { timeout: 5 * 60_000 });
  await expect(page.getByRole('button', { name: 'Compare backends' })).toBeEnabled({ timeout: 60_000 });
  for (const backend of ['cpu', 'webgpu', 'webgl', 'wasm']) {
    const row = page.locator(`[data-testid=backend-check-row][data-backend=${backend}]`);
    console.log(`${backend}: ${await row.innerText()}`);
    await expect(row).toHaveAttribute('data-status', 'ok');
    await expect(row).toHaveAttribute('data-agrees', 'yes');
  }
});
