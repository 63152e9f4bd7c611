// Checks a classroom page must pass wherever it is served: dark mode follows the system, a phone
// never scrolls sideways, axe finds nothing in either colour scheme, and a results link trains nothing.
import { expect, type Page } from '@playwright/test';
import { axeViolations } from './a11y';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1440, height: 900 };
// --bg of src/ui/styles.css in each scheme.
export const BACKGROUND = { light: 'rgb(246, 247, 249)', dark: 'rgb(18, 20, 24)' };

export const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

export async function expectAxeClean(page: Page, scheme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme: scheme });
  const violations = await axeViolations(page);
  expect(violations, `${scheme}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

/** Both schemes applied and axe-clean, then no sideways scroll at phone width; leaves light, phone width. */
export async function expectClassroomReady(page: Page) {
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveCSS('background-color', BACKGROUND.dark);
  await expectAxeClean(page, 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveCSS('background-color', BACKGROUND.light);
  await expectAxeClean(page, 'light');
  await page.setViewportSize(PHONE);
  expect(await horizontalOverflow(page)).toBe(0);
}

/** Records, from now on, the workers a page starts and its requests for training images. */
export function watchTraining(page: Page): { workers: string[]; images: string[] } {
  const seen = { workers: [] as string[], images: [] as string[] };
  page.on('worker', (w) => seen.workers.push(w.url()));
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.includes('/data/cifar10/')) seen.images.push(r.url());
  });
  return seen;
}
