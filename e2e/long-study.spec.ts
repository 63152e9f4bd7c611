// Around a long study, in a real browser: elapsed time and an ETA that move while the tiny study
// trains; a study and a slice that end in a background tab say so in the title and in an opted-in
// notification; a render error shows a message and an export of the study, not a blank page.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { RECORD_VERSION } from '../src/core/study/studyRecord';

const BASE_TITLE = 'Loss Landscape Probe';

// The tab's visibility as the page sees it (a headless tab is always visible).
async function setHidden(page: Page, hidden: boolean) {
  await page.evaluate((h) => {
    if (h) {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    } else {
      delete (document as unknown as Record<string, unknown>).hidden; // back to Document.prototype's getters
      delete (document as unknown as Record<string, unknown>).visibilityState;
    }
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

const elapsedMs = async (page: Page) =>
  Number(await page.getByTestId('study-progress-time').getAttribute('data-elapsed-ms'));

test('tiny study: elapsed and ETA move, background finishes change the title and notify, a render error keeps the export', async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(12 * 60_000);
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') console.log(`[page ${m.type()}] ${m.text()}`);
  });
  await context.grantPermissions(['notifications'], { origin: baseURL });
  // Records the notifications the page shows (headless Chromium draws none).
  await page.addInitScript(() => {
    const shown: { title: string; body: string }[] = [];
    (window as unknown as { __shown: typeof shown }).__shown = shown;
    const Real = window.Notification;
    window.Notification = class extends Real {
      constructor(title: string, options?: NotificationOptions) {
        shown.push({ title, body: options?.body ?? '' });
        super(title, options);
      }
    } as typeof Notification;
  });
  const notifications = () =>
    page.evaluate(() => (window as unknown as { __shown: { title: string; body: string }[] }).__shown);

  await page.goto('/?preset=tiny&debug=1');
  await expect(page).toHaveTitle(BASE_TITLE);
  await expect(page.getByTestId('dataset-panel')).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
  await expect(page.getByTestId('dataset-progress-time')).toHaveCount(0); // the clock stops when the download ends
  const optIn = page.getByTestId('notify-toggle').getByRole('checkbox');
  await optIn.check();
  await expect(optIn).toBeChecked();

  // 1. Elapsed time and ETA beside the study's progress bar, moving while it trains.
  await page.getByRole('button', { name: 'Run study' }).click();
  const timing = page.getByTestId('study-progress-time');
  await expect(timing).toHaveText(/^elapsed \d+ s · ETA (—|\d+ s|\d+ min \d\d s)$/, { timeout: 120_000 });
  const firstText = await timing.textContent();
  const firstElapsed = await elapsedMs(page);
  await expect.poll(() => elapsedMs(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(firstElapsed + 1500);
  await expect(timing).not.toHaveText(firstText!);
  // An estimate once enough work is measured, and the bar fills with work done.
  await expect(timing).toHaveAttribute('data-remaining-ms', /^\d+$/, { timeout: 120_000 });
  await expect(timing).toHaveText(/ETA (\d+ s|\d+ min \d\d s)$/);
  console.log(`study timing: ${await timing.textContent()}`);
  const bar = page.getByTestId('study-progress').getByRole('progressbar');
  const pct = Number(await bar.getAttribute('aria-valuenow'));
  expect(pct).toBeGreaterThan(0);
  expect(pct).toBeLessThan(100);

  // 2. The study finishes while the tab is in the background: the title says so, and comes back.
  await expect(page.getByTestId('ranking')).toHaveCount(0); // still running as the tab goes away
  await setHidden(page, true);
  await expect(page.getByTestId('ranking')).toHaveAttribute('data-phase', 'finished', { timeout: 6 * 60_000 });
  await expect(page).toHaveTitle(`✓ Study finished · ${BASE_TITLE}`, { timeout: 120_000 });
  expect(await notifications()).toEqual([{ title: '✓ Study finished', body: `${BASE_TITLE}: study “tiny”.` }]);
  await expect(page.getByTestId('study-progress-time')).toHaveCount(0);
  await expect(bar).toHaveAttribute('aria-valuenow', '100');
  await setHidden(page, false);
  await expect(page).toHaveTitle(BASE_TITLE);

  // 3. A slice finishing in the background: the same, and nothing changes while the tab is visible.
  const panel = page.getByTestId('landscape-panel');
  await panel.getByTestId('landscape-trial').first().check();
  await panel.getByTestId('slice-resolution').fill('11');
  await panel.getByTestId('slice-images').fill('16');
  await setHidden(page, true);
  await panel.getByRole('button', { name: /^Compute slice/ }).click();
  await expect(panel).toHaveAttribute('data-status', 'done', { timeout: 4 * 60_000 });
  await expect(page).toHaveTitle(`✓ Slice finished · ${BASE_TITLE}`);
  expect((await notifications()).map((n) => n.title)).toEqual(['✓ Study finished', '✓ Slice finished']);
  await setHidden(page, false);
  await expect(page).toHaveTitle(BASE_TITLE);

  // 4. A render error (the lesson options broken through the ?debug=1 store): a message and a working export.
  await page.evaluate(() => {
    const store = (
      window as unknown as { __llpStore: { getState(): { classroom: object }; setState(p: object): void } }
    ).__llpStore;
    store.setState({ classroom: { ...store.getState().classroom, hide: null } });
  });
  const failure = page.getByTestId('render-error');
  await expect(failure).toBeVisible();
  await expect(failure).toContainText('Something went wrong while drawing the page');
  await expect(failure).toContainText('The study “tiny” (7 trials, finished) is not lost');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    failure.getByRole('button', { name: 'Export current study (JSON)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^study-tiny-.+\.json$/);
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(exported.v).toBe(RECORD_VERSION);
  expect(exported.state.definition.name).toBe('tiny');
  expect(exported.state.phase).toBe('finished');
  expect(exported.state.trials).toHaveLength(7);
  expect(exported.state.trials.filter((t: { state: string }) => t.state === 'completed')).toHaveLength(7);
  expect(Object.keys(exported.curves).length).toBe(7);
});
