// The first minutes of a class, on the production build: the first screen leads with the study,
// dark mode follows the system, a phone never scrolls sideways (before and after a study), axe finds
// nothing in either colour scheme, Run keeps the focus, Stop counts only trials that trained, the
// tuning curve names its rung with its legend off the curves, a reopened study's landscape says its
// weights are not kept, and the presentation view still steps through the slides.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { BACKGROUND, DESKTOP, PHONE, expectAxeClean, horizontalOverflow } from './pageChecks';

const shots = process.env.LLP_SHOTS ?? new URL('./artifacts/', import.meta.url).pathname;
mkdirSync(shots, { recursive: true });

async function datasetReady(page: Page) {
  await expect(page.getByTestId('dataset-panel')).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
}

test('first screen: the study and Run first, dark mode applied, no sideways scroll, axe clean in both schemes', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await page.goto('/');
  await datasetReady(page);
  // The study panel comes before the dataset and compute panels, and Run is on the first screen.
  const order = await page.evaluate(() =>
    ['intro', 'run-study', 'dataset-panel', 'backend-panel'].map(
      (id) => document.querySelector(`[data-testid="${id}"]`)!.getBoundingClientRect().top,
    ),
  );
  expect(order[0]).toBeLessThan(order[1]);
  expect(order[1]).toBeLessThan(DESKTOP.height);
  await expect(page.getByTestId('intro')).toContainText('10%');
  await expect(page.getByTestId('intro')).toContainText('85%');
  await expect(page.getByTestId('dataset-status')).toBeVisible();
  await expect(page.getByTestId('study-settings')).toBeHidden(); // collapsed, its summary shown
  await expect(page.getByTestId('settings-summary')).toContainText('successive halving');
  await expect(page.getByTestId('preset-select').locator('option')).not.toContainText([/minute|hour/]);
  // No code identifiers in the page's text, the collapsed settings and their figures included.
  const text = await page.evaluate(() => document.body.textContent ?? '');
  expect(text).not.toMatch(/metaModelMemory|successiveHalving|twoStep|compositeSharpness/);

  await expect(page.locator('html')).toHaveCSS('background-color', BACKGROUND.light);
  await expectAxeClean(page, 'light');
  await page.screenshot({ path: `${shots}/first-1440.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveCSS('background-color', BACKGROUND.dark);
  await expect(page.getByTestId('study-explains')).toHaveCSS('color', 'rgb(232, 234, 237)');
  await expectAxeClean(page, 'dark');
  await page.screenshot({ path: `${shots}/dark-1440.png` });

  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(PHONE);
  expect(await horizontalOverflow(page)).toBe(0);
  await page.screenshot({ path: `${shots}/first-390.png` });
});

test('a study on a phone: focus stays on Run, no sideways scroll after it, charts say their rung, axe clean', async ({
  page,
}) => {
  test.setTimeout(8 * 60_000);
  await page.setViewportSize(PHONE);
  await page.goto('/?preset=tiny');
  await datasetReady(page);
  const run = page.getByTestId('run-study');
  await run.focus();
  await page.keyboard.press('Enter');
  // Starting the workers can take a while on a busy machine.
  await expect(page.getByTestId('study-progress')).toBeVisible({ timeout: 180_000 });
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('run-study');
  await expect(page.getByTestId('ranking')).toHaveAttribute('data-phase', 'finished', { timeout: 6 * 60_000 });
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('run-study');

  expect(await horizontalOverflow(page)).toBe(0);
  // Durations now come from this device's measured speed, as a range, in the preset names too.
  await expect(page.getByTestId('study-estimate')).toContainText('from the speed this device measured');
  await expect(page.getByTestId('preset-select').locator('option:checked')).toContainText(' here');

  const tuning = page.getByTestId('chart-tuningCurves');
  await expect(tuning.getByTestId('chart-subtitle')).toContainText('Rung 1 only');
  await expect(tuning).toHaveAttribute('data-rung', '1');
  // The legend sits above the plot area, clear of every curve.
  const { legendBottom, plotTop } = await tuning.evaluate((card) => {
    const legend = card.querySelector('[data-testid="tuning-legend"]') as SVGGElement;
    const box = legend.getBBox();
    const gridTop = Math.min(
      ...[...card.querySelectorAll('svg.chart-svg path')].map((p) => (p as SVGPathElement).getBBox().y),
    );
    return { legendBottom: box.y + box.height, plotTop: gridTop };
  });
  expect(legendBottom).toBeLessThanOrEqual(plotTop);

  await expectAxeClean(page, 'light');
  await expectAxeClean(page, 'dark');
  await page.screenshot({ path: `${shots}/after-study-390-dark.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });

  // Stop counts only trials that trained: run again and stop at once.
  await run.click();
  await expect(page.getByTestId('stop-study')).toHaveAttribute('aria-disabled', 'false');
  await page.getByTestId('stop-study').click();
  await expect(page.getByTestId('ranking')).toHaveAttribute('data-phase', 'stopped', { timeout: 60_000 });
  const rows = page.getByTestId('trial-row');
  const trained = await rows.evaluateAll(
    (rs) => rs.filter((r) => ['completed', 'diverged', 'failed'].includes(r.getAttribute('data-state') ?? '')).length,
  );
  const cancelled = await rows.evaluateAll(
    (rs) => rs.filter((r) => r.getAttribute('data-state') === 'cancelled').length,
  );
  const label = await page.getByTestId('study-progress').textContent();
  expect(label).toContain(`${trained} / 7 trials · stopped`);
  if (cancelled > 0) expect(label).toContain(`(${cancelled} not run)`);

  // A reopened saved study keeps no weights, and its landscape panel says so (not "every trial failed").
  await page.reload();
  await datasetReady(page);
  const finished = page.getByTestId('saved-study').filter({ has: page.locator('td', { hasText: 'finished' }) });
  await finished.first().getByRole('button', { name: 'Open' }).click();
  await expect(page.getByTestId('ranking')).toHaveAttribute('data-phase', 'finished');
  await expect(page.getByTestId('landscape-no-weights')).toContainText('saved without their weights');
  await expect(page.getByTestId('landscape-panel')).not.toContainText('failed or diverged');
});

test('presentation view: slides step with the arrow keys, the navigation stays put, dark mode applies', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/?preset=tiny&view=present');
  await expect(page.getByTestId('presentation')).toBeVisible();
  const nav = page.getByTestId('slide-next');
  const first = await nav.boundingBox();
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('slide-position')).toContainText(`${i + 2} /`);
    expect((await nav.boundingBox())!.y).toBe(first!.y);
  }
  await expectAxeClean(page, 'light');
  await page.screenshot({ path: `${shots}/present-1280.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveCSS('background-color', 'rgb(28, 31, 36)'); // --surface: slides
  await expectAxeClean(page, 'dark');
  await page.screenshot({ path: `${shots}/present-1280-dark.png` });
});
