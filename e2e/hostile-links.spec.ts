// Hostile links in Chromium. The whole corpus (src/testing/hostileLinks, over 1,000 links) through
// the page's launch path in one page (?debug=1 exposes openLaunchLink), each rendered before it is
// judged; a sample as real navigations; then the link-handling behaviours one by one: a budget
// refused, a confirmation, the custom-study label, own-property flags, sanitised echoes, one notice.
import { expect, test, type Page } from '@playwright/test';
import { repairQuery, REPAIRED_QUERY_NOTICE } from '../src/core/link/launchParams';
import { findPreset } from '../src/core/study/presets';
import type { StudyDefinition } from '../src/core/study/studyDefinition';
import { encodeStudy } from '../src/core/link/urlState';
import { hostileLinks, UNSAFE_ECHO } from '../src/testing/hostileLinks';

const corpus = hostileLinks();
const demo = findPreset('demo2')!.study;

/** Counts script executions the page could suffer: a payload sets __pwned, calls alert, or adds an active element. */
async function arm(page: Page): Promise<{ dialogs: number; errors: string[] }> {
  const seen = { dialogs: 0, errors: [] as string[] };
  page.on('dialog', (d) => {
    seen.dialogs++;
    void d.dismiss();
  });
  page.on('pageerror', (e) => seen.errors.push(e.message));
  return seen;
}

const activeElements = (page: Page) =>
  page.evaluate(() => {
    const bad = [...document.querySelectorAll('body *')].filter(
      (el) =>
        ['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED'].includes(el.tagName) ||
        [...el.attributes].some((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)),
    );
    return bad.map((el) => el.outerHTML.slice(0, 120));
  });

test('the hostile corpus in one page: 0 throws, 0 hangs, 0 unsafe echoes, 0 script executions', async ({ page }) => {
  test.setTimeout(8 * 60_000);
  const seen = await arm(page);
  await page.goto('/?debug=1');
  await expect(page.getByRole('button', { name: 'Run study' })).toBeVisible();
  const results: {
    label: string;
    threw: string | null;
    ms: number;
    unsafe: string[];
    verdict: string | null;
    runEnabled: boolean;
  }[] = [];
  for (let start = 0; start < corpus.length; start += 50) {
    const batch = corpus.slice(start, start + 50);
    results.push(
      ...(await page.evaluate(
        async ({ batch, unsafe }) => {
          const UNSAFE = new RegExp(unsafe.source, unsafe.flags);
          const open = (window as unknown as { __llpOpenLink: (s: string, h: string) => unknown }).__llpOpenLink;
          const out = [];
          for (const link of batch) {
            const t0 = performance.now();
            let threw: string | null = null;
            try {
              open(link.search, link.hash);
            } catch (e) {
              threw = String(e);
            }
            await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))); // rendered
            const ms = performance.now() - t0;
            const text = (id: string) =>
              [...document.querySelectorAll(`[data-testid="${id}"]`)].map((el) => el.textContent ?? '');
            const shown = [
              ...text('link-problems'),
              ...text('study-explains'),
              ...text('study-problems'),
              ...text('preset-select'),
            ];
            const estimate = document.querySelector('[data-testid="study-estimate"]');
            // The lab view's Run (the presentation view's runs through the same refusal in startStudy).
            const run = [...document.querySelectorAll('.study-panel button')].find(
              (b) => b.textContent === 'Run study',
            ) as HTMLButtonElement | undefined;
            out.push({
              label: link.label,
              threw,
              ms,
              unsafe: shown.filter((t) => UNSAFE.test(t)).map((t) => t.slice(0, 160)),
              verdict: estimate?.getAttribute('data-verdict') ?? null,
              runEnabled: !!run && !run.disabled && run.getAttribute('aria-disabled') !== 'true',
            });
          }
          return out;
        },
        { batch, unsafe: { source: UNSAFE_ECHO.source, flags: UNSAFE_ECHO.flags } },
      )),
    );
  }
  const pwned = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
  const active = await activeElements(page);
  const throws = results.filter((r) => r.threw);
  const hangs = results.filter((r) => r.ms > 2000);
  const unsafe = results.filter((r) => r.unsafe.length > 0);
  // Run is enabled only for a study this machine can run (the estimate's verdict ok or confirm).
  const beyond = results.filter((r) => r.runEnabled && r.verdict !== 'ok' && r.verdict !== 'confirm');
  const refused = results.filter((r) => r.verdict === 'refuse');
  console.log(
    `[hostile corpus, Chromium] ${results.length} links: ${throws.length} throws, ${hangs.length} hangs (slowest ${Math.max(...results.map((r) => r.ms)).toFixed(0)} ms), ` +
      `${unsafe.length} unsafe echoes, ${seen.dialogs + (pwned === undefined ? 0 : 1) + active.length} script executions, ${seen.errors.length} page errors, ` +
      `${beyond.length} runnable beyond the machine's means, ${refused.length} refused by the estimate`,
  );
  expect(results).toHaveLength(corpus.length);
  expect(throws.map((r) => `${r.label}: ${r.threw}`)).toEqual([]);
  expect(hangs.map((r) => `${r.label}: ${r.ms.toFixed(0)} ms`)).toEqual([]);
  expect(unsafe.map((r) => `${r.label}: ${r.unsafe.join(' | ')}`)).toEqual([]);
  expect(beyond.map((r) => r.label)).toEqual([]);
  expect(refused.length).toBeGreaterThan(0);
  expect(pwned).toBeUndefined();
  expect(seen.dialogs).toBe(0);
  expect(active).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test('a sample of the corpus as real navigations: no page error, no dialog, nothing executed, safe notices', async ({
  page,
}) => {
  // Each navigation is a full page load: over 3 s each on 2 cores with two training jobs beside it.
  test.setTimeout(15 * 60_000);
  const seen = await arm(page);
  // Every link whose query only the real page load can exercise (tfjs reads it as it loads), and a spread of the rest.
  const sample = corpus.filter(
    (link, i) => i % 23 === 0 || (link.kind === 'payload' && i % 7 === 0) || repairQuery(link.search).repaired,
  );
  for (const link of sample) {
    await page.goto('about:blank');
    await page.goto(`/${link.search}${link.hash}`);
    await expect(page.getByRole('heading', { name: 'Loss Landscape Probe' })).toBeVisible();
    const notices = await page.getByTestId('link-problems').allTextContents();
    for (const n of notices) expect(n, link.label).not.toMatch(UNSAFE_ECHO);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), link.label).toBeUndefined();
    expect(await activeElements(page), link.label).toEqual([]);
  }
  console.log(
    `[hostile corpus, Chromium navigations] ${sample.length} links: ${seen.errors.length} page errors, ${seen.dialogs} dialogs`,
  );
  expect(sample.length).toBeGreaterThan(60);
  expect(seen.errors).toEqual([]);
  expect(seen.dialogs).toBe(0);
});

test('a study no machine can run is refused with the reason; a very long one asks first', async ({ page }) => {
  const huge: StudyDefinition = {
    ...demo,
    space: demo.space.filter((p) => p.name !== 'channels'),
    fixed: { ...demo.fixed, channels: 1024, batchSize: 4096 },
  };
  await page.goto(`/#s=${encodeStudy(huge)}`);
  await expect(page.getByTestId('study-problems')).toContainText(
    /A trial of this study needs about \d+ GiB at its largest channels and batchSize/,
  );
  await expect(page.getByRole('button', { name: 'Run study' })).toBeDisabled();
  await expect(page.getByTestId('study-estimate')).toHaveAttribute('data-verdict', 'refuse');

  const years: StudyDefinition = {
    ...demo,
    name: 'demo2',
    fixed: { ...demo.fixed, epochs: 1000 },
    scheduler: { ...demo.scheduler, numConfigs: 1000 },
    data: { ...demo.data, maxTrainImages: 45000 },
  };
  await page.goto('about:blank');
  await page.goto(`/#s=${encodeStudy(years)}`);
  await expect(page.getByTestId('study-problems')).toContainText(
    /This study would take about [\d.]+ (days|years) on .*, more than the 7\.0 days a study may run/,
  );
  await expect(page.getByRole('button', { name: 'Run study' })).toBeDisabled();

  const hours: StudyDefinition = {
    ...demo,
    name: 'hours',
    scheduler: { ...demo.scheduler, numConfigs: 200, minResource: 1, maxResource: 1 },
    data: { ...demo.data, maxTrainImages: 45000 },
  };
  await page.goto('about:blank');
  await page.goto(`/#s=${encodeStudy(hours)}`);
  await expect(page.getByTestId('study-estimate')).toHaveAttribute('data-verdict', 'confirm');
  await expect(page.getByTestId('study-estimate')).toContainText(/per trial .*; about [\d.]+ h on \d+ \w+ workers?/);
  await expect(page.getByTestId('dataset-panel')).toHaveAttribute('data-phase', 'ready', { timeout: 180_000 });
  await page.getByRole('button', { name: 'Run study' }).click();
  await expect(page.getByTestId('study-confirm')).toContainText(
    /This study would take about [\d.]+ h on .*Run it anyway\?/,
  );
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('study-confirm')).toHaveCount(0);
  await expect(page.getByTestId('study-starting')).toHaveCount(0);
  await expect(page.getByTestId('study-progress')).toHaveCount(0);
});

test('a study that only borrows a preset name shows as a custom study; the preset itself keeps its label', async ({
  page,
}) => {
  await page.goto('/?preset=demo2');
  await expect(page.getByTestId('preset-select').locator('option:checked')).toHaveText('Demo (9 configurations)');
  const borrowed: StudyDefinition = { ...demo, scheduler: { ...demo.scheduler, numConfigs: 27 } };
  await page.goto('about:blank');
  await page.goto(`/#s=${encodeStudy(borrowed)}`);
  await expect(page.getByTestId('preset-select').locator('option:checked')).toHaveText('Custom study (demo2)');
  await expect(page.getByTestId('study-explains')).toContainText('A custom study (demo2)');
  await expect(page.getByTestId('study-explains')).not.toContainText(findPreset('demo2')!.explains);
});

test('flags are looked up as own properties; query echoes are sanitised; each notice shows once', async ({ page }) => {
  await page.goto('/?debug=__proto__&lock=constructor');
  await expect(page.getByTestId('link-problems')).toContainText(
    'Expected lock to be 1 or 0, but got "constructor"; it was ignored.',
  );
  await expect(page.getByTestId('link-problems')).toContainText(
    'Expected debug to be 1 or 0, but got "__proto__"; it was ignored.',
  );
  await expect(page.getByTestId('study-locked')).toHaveCount(0);
  expect(await page.evaluate(() => '__llpStore' in window)).toBe(false);

  await page.goto(
    `/?preset=${encodeURIComponent('<img src=x onerror=alert(1)>')}&view=${encodeURIComponent('present\u202E')}`,
  );
  const problems = page.getByTestId('link-problems');
  await expect(problems).toContainText('Unknown preset a value with disallowed characters');
  await expect(problems).toContainText('Unknown view a value with disallowed characters');
  expect(await problems.textContent()).not.toMatch(UNSAFE_ECHO);

  await page.goto('/?preset=nope');
  await expect(problems.locator('p')).toHaveCount(1);
  // A malformed escape once threw inside tfjs as it loaded and left a blank page.
  await page.goto('/?lock=%ED%A0%80&preset=smoke');
  await expect(problems).toContainText(REPAIRED_QUERY_NOTICE);
  await expect(page.getByTestId('preset-select').locator('option:checked')).toHaveText('Smoke (9 configurations)');
  await page.goto('about:blank');
  await page.goto(`/#S=${encodeStudy(demo)}`);
  await expect(problems).toContainText('The link has no study in it (expected #s=...)');
  await page.goto('about:blank');
  await page.goto(`/#s=${encodeStudy(demo)}junk`);
  await expect(problems).toContainText('The link had 4 extra characters after its study; they were ignored.');
});
