// A finished study shared with its results: the results link (#r=…) opened in a fresh browser shows
// the same ranking, charts and recommendation with no worker started, no training and no dataset
// download; a damaged results link gets a message and shows nothing.
import { expect, test, type Page } from '@playwright/test';
import { watchTraining } from './pageChecks';

const rankingOf = (page: Page) => page.getByTestId('ranked-config').allTextContents();
const headingsOf = (page: Page) => page.getByTestId('ranking-rung').locator('h3').allTextContents();

test('a results link opens the finished study in a fresh browser, with no worker and no training', async ({
  page,
  browser,
}) => {
  await page.goto('/?preset=tiny');
  await expect(page.getByTestId('dataset-panel')).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Run study' }).click();
  await expect(page.getByTestId('ranking')).toHaveAttribute('data-phase', 'finished', { timeout: 5 * 60_000 });
  const ranking = await rankingOf(page);
  const headings = await headingsOf(page);
  expect(headings[0]).toMatch(/^Rung \d+, the highest reached: /);
  await page.getByRole('button', { name: 'Copy results link' }).click();
  await expect(page.getByTestId('share-note')).toContainText('Results link');
  const link = page.url();
  expect(link).toMatch(/#r=[A-Za-z0-9_-]+$/);
  console.log(`results link: ${link.length} characters for ${ranking.length} ranked configurations`);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const { workers, images: dataRequests } = watchTraining(other);
  await other.goto(link);
  await expect(other.getByTestId('ranking')).toHaveAttribute('data-phase', 'finished');
  await expect(other.getByTestId('recommendation')).toHaveAttribute('data-status', 'ready');
  expect(await rankingOf(other)).toEqual(ranking);
  expect(await headingsOf(other)).toEqual(headings);
  await expect(other.getByTestId('share-note')).toContainText('Opened from a results link');
  await expect(other.getByTestId('ranking')).toContainText(
    'Chance is 10%; fully trained, this network reaches about 85%.',
  );
  await expect(other.getByTestId('link-problems')).toHaveCount(0);
  await expect(other.getByTestId('stop-study')).toHaveAttribute('aria-disabled', 'true'); // nothing running
  await expect(other.getByTestId('dataset-panel')).toHaveAttribute('data-phase', 'idle');
  await other.waitForTimeout(1000); // anything started late would show by now
  expect(workers).toEqual([]);
  expect(dataRequests).toEqual([]);

  // Damaged: cut short. A message, nothing shown, nothing run.
  await other.goto('about:blank');
  await other.goto(link.slice(0, link.length - 40));
  await expect(other.getByTestId('link-problems')).toContainText('The results link was not opened');
  await expect(other.getByTestId('link-problems')).toContainText('Nothing was run.');
  await expect(other.getByTestId('ranking')).toHaveCount(0);
  await fresh.close();
});
