// Audit mode end to end, real CIFAR-10 in real workers: after a tiny study, an audit is
// started and stopped (a clear message, nothing lost), then run in full: every configuration trained
// at full fidelity, the ranking rules scored, the predicted-versus-actual chart drawn, the meta-model
// memory taught. After a reload, reopening the study from the library shows the same audit again.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const artifacts = new URL('./artifacts/', import.meta.url).pathname;
mkdirSync(artifacts, { recursive: true });

const RULES = ['lowFidelity', 'composite', 'metaModel'];

/** The rules table as numbers, read from its rows' data attributes. */
async function ruleRows(page: Page) {
  return page.getByTestId('audit-rule').evaluateAll((rows) =>
    rows.map((r) => ({
      rule: r.getAttribute('data-rule'),
      spearman: Number(r.getAttribute('data-spearman')),
      kendall: Number(r.getAttribute('data-kendall')),
      top1: Number(r.getAttribute('data-top1')),
      top3: Number(r.getAttribute('data-top3')),
      compute: Number(r.getAttribute('data-compute')),
    })),
  );
}

/** The meta-model memory's size, if the memory panel is on the page (it is another feature's). */
async function memoryCount(page: Page): Promise<number | null> {
  const panel = page.getByTestId('memory-panel');
  if ((await panel.count()) === 0) return null;
  return Number(await panel.getAttribute('data-count'));
}

test('audit a tiny study: stop, full audit, rules, predicted vs actual, memory, and the saved audit after a reload', async ({
  page,
}) => {
  test.setTimeout(6 * 60_000);
  const started = Date.now();
  page.on('console', (m) => {
    if (m.type() === 'error') console.log(`[page error] ${m.text()}`);
  });
  await page.goto('/?preset=tiny');
  await expect(page.getByTestId('dataset-panel')).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Run study' }).click();
  await expect(page.getByTestId('ranking')).toHaveAttribute('data-phase', 'finished', { timeout: 4 * 60_000 });
  const studyDone = Date.now();

  const panel = page.getByTestId('audit-panel');
  // The cost is said before anything runs: 4 configurations on 1,024 images x 1 epoch, 3 new runs.
  await expect(page.getByTestId('audit-cost')).toContainText('4 configurations on 1,024 images × 1 epoch');
  await expect(page.getByTestId('audit-cost')).toContainText('3 new runs, 1 reused');
  await expect(page.getByTestId('predicted-vs-actual')).toHaveCount(0);
  await page.waitForTimeout(500); // the study's examples reach the memory just after the ranking shows
  const before = await memoryCount(page);

  // 1. Stopped at once: a clear message, and the button is back.
  const auditButton = panel.getByRole('button', { name: 'Audit: train every configuration fully' });
  await auditButton.click();
  await expect(page.getByTestId('audit-progress')).toContainText(/\d \/ 4 full-fidelity runs/);
  await panel.getByRole('button', { name: 'Stop audit' }).click();
  await expect(page.getByTestId('audit-error')).toContainText(/Audit stopped after [0-4] of 4 full-fidelity runs/, {
    timeout: 60_000,
  });
  await expect(auditButton).toBeEnabled();

  // 2. The full audit.
  await auditButton.click();
  await expect(page.getByTestId('audit-progress')).toBeVisible();
  await expect(page.getByTestId('audit-rules').locator('tbody tr')).toHaveCount(3, { timeout: 3 * 60_000 });
  await expect(page.getByTestId('audit-error')).toHaveCount(0);
  await expect(panel).toHaveAttribute('data-state', 'done');
  const rules = await ruleRows(page);
  expect(rules.map((r) => r.rule)).toEqual(RULES);
  for (const r of rules) {
    expect(r.spearman).toBeGreaterThanOrEqual(-1);
    expect(r.spearman).toBeLessThanOrEqual(1);
    expect(r.kendall).toBeGreaterThanOrEqual(-1);
    expect(r.kendall).toBeLessThanOrEqual(1);
    expect(r.top1).toBeGreaterThanOrEqual(0);
    expect(r.top3).toBeLessThanOrEqual(r.top1);
    // Successive halving's own cost: 4 x 1/4 + 2 x 1/2 + 1 = 3 full runs over 4 configurations.
    expect(r.compute).toBeCloseTo(0.75, 6);
  }
  await expect(page.getByTestId('audit-rules').locator('tbody tr').first()).toContainText('pts');
  await expect(page.getByTestId('audit-meta-model')).toContainText('RMSE');
  await expect(page.getByTestId('audit-winner')).toContainText('config');
  await expect(page.getByTestId('audit-assumptions')).toContainText('test set is never read');

  const chart = page.getByTestId('predicted-vs-actual');
  await expect(chart).toHaveAttribute('data-points', '4');
  await expect(chart.locator('g[data-config]')).toHaveCount(4);
  await expect(page.getByTestId('chart-predictedVsActual')).toHaveAttribute('data-state', 'ready');
  const auditDone = Date.now();
  await panel.screenshot({ path: `${artifacts}/audit-panel.png` });
  await page.getByTestId('chart-predictedVsActual').screenshot({ path: `${artifacts}/audit-predicted-vs-actual.png` });

  // 3. The memory learned the three configurations the audit trained (the fourth was the study's own).
  if (before !== null) {
    await expect.poll(() => memoryCount(page)).toBeGreaterThanOrEqual(before + 3);
    expect.soft(await memoryCount(page)).toBe(4);
  } else {
    console.log('no memory panel on the page: the memory check was skipped');
  }

  // 4. After a reload, reopening the study shows the same audit without training anything.
  await page.reload();
  await expect(page.getByTestId('saved-study').first()).toHaveAttribute('data-phase', 'finished');
  await expect(page.getByTestId('audit-panel')).toHaveCount(0);
  await page.getByTestId('saved-study').first().getByRole('button', { name: 'Open' }).click();
  await expect(page.getByTestId('audit-rules').locator('tbody tr')).toHaveCount(3);
  expect(await ruleRows(page)).toEqual(rules);
  await expect(page.getByTestId('predicted-vs-actual')).toHaveAttribute('data-points', '4');
  await expect(page.getByTestId('audit-progress')).toHaveCount(0);
  console.log(
    `audit e2e: study ${((studyDone - started) / 1000).toFixed(0)} s, audits ${((auditDone - studyDone) / 1000).toFixed(0)} s, total ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
});

test('a study reopened after a reload is audited on workers started for it', async ({ page }) => {
  test.setTimeout(5 * 60_000);
  const started = Date.now();
  await page.goto('/?preset=tiny');
  await expect(page.getByTestId('dataset-panel')).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Run study' }).click();
  await expect(page.getByTestId('ranking')).toHaveAttribute('data-phase', 'finished', { timeout: 4 * 60_000 });

  // No pool and only the saved facts of each trial after a reload: the audit starts the workers itself.
  await page.reload();
  await expect(page.getByTestId('dataset-panel')).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
  await expect(page.getByTestId('backend-name')).toHaveCount(0);
  await page.getByTestId('saved-study').first().getByRole('button', { name: 'Open' }).click();
  await page.getByTestId('audit-panel').getByRole('button', { name: 'Audit: train every configuration fully' }).click();
  await expect(page.getByTestId('audit-rules').locator('tbody tr')).toHaveCount(3, { timeout: 3 * 60_000 });
  expect((await ruleRows(page)).map((r) => r.rule)).toEqual(RULES);
  await expect(page.getByTestId('predicted-vs-actual')).toHaveAttribute('data-points', '4');
  console.log(`audit of a reopened study: ${((Date.now() - started) / 1000).toFixed(0)} s`);
});
