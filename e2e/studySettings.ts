// The study's settings sit in a collapsed "Change the study" section; specs that edit them open it
// first (once: a second click would close it again).
import type { Page } from '@playwright/test';

export async function openStudySettings(page: Page): Promise<void> {
  const section = page.getByTestId('study-advanced');
  if (!(await section.evaluate((el) => (el as HTMLDetailsElement).open)))
    await page.getByTestId('study-settings-toggle').click();
}
