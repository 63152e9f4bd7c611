// Studies people can share and resume: a share link restores the identical study in a fresh
// browser; a bad link gets a clear message and runs nothing; a reload mid-study resumes it with no
// completed trial recomputed (their recorded durations survive unchanged).
import { expect, test } from '@playwright/test';

const field = (page: import('@playwright/test').Page, label: string) => page.getByTestId('study-settings').getByLabel(label);

test('a share link opens the identical study in a fresh browser context', async ({ page, browser }) => {
  await page.goto('/?preset=tiny');
  await field(page, 'configurations').fill('6');
  await field(page, 'seed').fill('77');
  await field(page, 'sampler').selectOption('halton');
  await field(page, 'scheduler').selectOption('hyperband');
  const plan = (await page.getByTestId('rung-plan').textContent())!;
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await expect(page.getByTestId('share-note')).toBeVisible();
  const link = page.url();
  expect(link).toContain('#s=');

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(field(other, 'seed')).toHaveValue('77');
  await expect(field(other, 'configurations')).toHaveValue('6');
  await expect(field(other, 'sampler')).toHaveValue('halton');
  await expect(field(other, 'scheduler')).toHaveValue('hyperband');
  await expect(other.getByTestId('rung-plan')).toHaveText(plan);
  await expect(other.getByTestId('link-problems')).toHaveCount(0);
  await fresh.close();
});

test('a broken link gets a clear message, the defaults, and runs nothing', async ({ page }) => {
  await page.goto('/#s=N4IgdghgtgpiBcIQBoQGMD2A7AzgSwC9kQAXAJwFcYBfIA');
  await expect(page.getByTestId('link-problems')).toContainText('Nothing was run');
  await expect(page.getByRole('button', { name: 'Run study' })).toBeVisible();
  await expect(page.getByTestId('rung-table')).toHaveCount(0);
  await page.goto('/?preset=nope#s=%3Cscript%3Ealert(1)%3C/script%3E');
  await expect(page.getByTestId('link-problems')).toContainText('Unknown preset');
  await expect(page.locator('script:has-text("alert(1)")')).toHaveCount(0);
});

test('reloading mid-study resumes it; completed trials are not recomputed', async ({ page }) => {
  page.on('console', (m) => { if (m.type() === 'error') console.log(`[page error] ${m.text()}`); });
  await page.goto('/?preset=tiny');
  await expect(page.getByTestId('dataset-panel')).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Run study' }).click();
  const completed = page.locator('[data-testid=trial-row][data-state=completed]');
  await expect.poll(() => completed.count(), { timeout: 120_000 }).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('ranking')).toHaveCount(0); // still running
  // Let the save of the latest result land, then note what was done.
  await page.waitForTimeout(300);
  const before = await completed.evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-trial-id'), r.getAttribute('data-duration-ms')]));

  await page.reload();
  await expect(page.getByTestId('dataset-panel')).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Resume study' }).click();
  await expect(page.getByTestId('ranking')).toHaveAttribute('data-phase', 'finished', { timeout: 5 * 60_000 });
  await expect(page.locator('[data-testid=trial-row][data-state=completed]')).toHaveCount(7);
  for (const [id, duration] of before) {
    await expect(page.locator(`[data-testid=trial-row][data-trial-id="${id}"]`)).toHaveAttribute('data-duration-ms', duration!);
  }
  console.log(`resumed after ${before.length} completed trials; none recomputed`);
  await expect(page.getByTestId('saved-study').first()).toHaveAttribute('data-phase', 'finished');
});
