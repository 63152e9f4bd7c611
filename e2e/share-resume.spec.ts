// Studies people can share and resume: a share link restores the identical study in a fresh
// browser; a bad link gets a clear message and runs nothing; a reload mid-study resumes it with no
// completed trial recomputed (their recorded durations survive unchanged).
import { expect, test } from '@playwright/test';

import { openStudySettings } from './studySettings';

const field = (page: import('@playwright/test').Page, label: string) =>
  page.getByTestId('study-settings').getByLabel(label);

test('a share link opens the identical study in a fresh browser context', async ({ page, browser }) => {
  await page.goto('/?preset=tiny');
  await openStudySettings(page);
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
  page.on('console', (m) => {
    if (m.type() === 'error') console.log(`[page error] ${m.text()}`);
  });
  await page.goto('/?preset=tiny');
  await expect(page.getByTestId('dataset-panel')).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Run study' }).click();
  const completed = page.locator('[data-testid=trial-row][data-state=completed]');
  await expect.poll(() => completed.count(), { timeout: 120_000 }).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('ranking')).toHaveCount(0); // still running
  // Let the save of the latest result land, then note what was done.
  await page.waitForTimeout(300);
  const before = await completed.evaluateAll((rows) =>
    rows.map((r) => [r.getAttribute('data-trial-id'), r.getAttribute('data-duration-ms')]),
  );

  await page.reload();
  await expect(page.getByTestId('dataset-panel')).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Resume study' }).click();
  await expect(page.getByTestId('ranking')).toHaveAttribute('data-phase', 'finished', { timeout: 5 * 60_000 });
  await expect(page.locator('[data-testid=trial-row][data-state=completed]')).toHaveCount(7);
  for (const [id, duration] of before) {
    await expect(page.locator(`[data-testid=trial-row][data-trial-id="${id}"]`)).toHaveAttribute(
      'data-duration-ms',
      duration!,
    );
  }
  console.log(`resumed after ${before.length} completed trials; none recomputed`);
  await expect(page.getByTestId('saved-study').first()).toHaveAttribute('data-phase', 'finished');
});

test('the search space can be edited (a range changed, a parameter fixed, one added) and travels in the link', async ({
  page,
  browser,
}) => {
  await page.goto('/?preset=tiny');
  await openStudySettings(page);
  await page.getByTestId('space-editor').locator('summary').click();
  const editor = page.getByLabel('Search space and fixed values (JSON)');
  const value = JSON.parse(await editor.inputValue());
  value.space = value.space.filter((p: { name: string }) => p.name !== 'dropout'); // fix dropout…
  value.fixed.dropout = 0.25;
  value.space.find((p: { name: string }) => p.name === 'learningRate').high = 0.005; // …narrow a range…
  value.space.push({ kind: 'categorical', name: 'augment', choices: [0, 1] }); // …add a parameter
  await editor.fill(JSON.stringify(value));
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('space-problems')).toHaveCount(0);
  await expect(page.getByTestId('space-editor').locator('summary')).toContainText('augment');
  await editor.fill(
    '{"space": [{"kind": "float", "name": "learningRate", "low": 1, "high": 0.1, "log": true}], "fixed": {}}',
  );
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('space-problems')).toContainText('learningRate');
  await page.getByRole('button', { name: 'Discard changes' }).click();

  await page.getByRole('button', { name: 'Copy share link' }).click();
  const other = await (await browser.newContext()).newPage();
  await other.goto(page.url());
  await openStudySettings(other);
  await other.getByTestId('space-editor').locator('summary').click();
  const restored = JSON.parse(await other.getByLabel('Search space and fixed values (JSON)').inputValue());
  expect(restored.fixed.dropout).toBe(0.25);
  expect(restored.space.map((p: { name: string }) => p.name)).toContain('augment');
  expect(restored.space.find((p: { name: string }) => p.name === 'learningRate').high).toBe(0.005);
});
