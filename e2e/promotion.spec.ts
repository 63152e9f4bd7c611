// The meta-model steering a study in the page, in real Chromium on real CIFAR-10: the memory is
// warmed with four examples that earlier tiny studies really produced (seeds 1-4, written by
// `npm run study -- --preset tiny --seed N --save-memory`). Under the default guard the model
// must first out-rank accuracy on those examples, which it cannot, so accuracy decides; trusted by
// example count, the study promotes by the meta-model's prediction (fitted in its own Web Worker).
// Every rung says why it promoted whom, and the recommendation carries a forecast made without its
// own full-fidelity result.
import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { openStudySettings } from './studySettings';

const artifacts = new URL('./artifacts/', import.meta.url).pathname;
mkdirSync(artifacts, { recursive: true });
const memory = new URL('./fixtures/tiny-memory.examples.json', import.meta.url).pathname;

test('meta-model promotion: warm memory, the CV gate, promotions by prediction, recommendation with a forecast, audit', async ({
  page,
}) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto('/?preset=tiny');
  await expect(page.getByTestId('dataset-panel')).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });

  // Warm the memory from a file, as a teacher would before a lesson.
  const panel = page.getByTestId('memory-panel');
  await page.getByTestId('memory-import').setInputFiles(memory);
  await expect(panel).toHaveAttribute('data-count', '4');

  await openStudySettings(page);
  await page.getByTestId('promotion-rule').selectOption('metaModel');
  await page.getByTestId('min-examples').fill('3');
  await expect(page.getByTestId('promotion-hint')).toContainText('4');
  const notes = page.getByTestId('promotion-note');

  // 1. With the default guard, the model must first out-rank accuracy on the earlier studies at each
  //    rung's resource. On these four near-chance tiny examples it does not (out-of-fold Spearman
  //    -1 against 0.4 at 1/4 of the data), so both rungs are left to accuracy, and say why.
  await page.getByRole('button', { name: 'Run study' }).click();
  await expect(page.getByTestId('ranking')).toHaveAttribute('data-phase', 'finished', { timeout: 5 * 60_000 });
  await expect(notes).toHaveCount(2);
  for (const note of await notes.all()) {
    await expect(note).toHaveAttribute('data-rule', 'accuracy');
    await expect(note).toContainText('fewer than the 80% needed to overrule accuracy');
  }

  // 2. Trusting it wherever it has enough examples at the rung's resource: it decides both rungs.
  await page.getByTestId('promotion-guard').selectOption('count');
  await page.getByRole('button', { name: 'Run study' }).click();
  await expect(page.getByTestId('ranking')).toHaveCount(0); // the first run's result is off screen
  await expect(page.getByTestId('ranking')).toHaveAttribute('data-phase', 'finished', { timeout: 5 * 60_000 });
  await expect(notes).toHaveCount(2);
  for (const note of await notes.all()) {
    await expect(note).toHaveAttribute('data-rule', 'metaModel');
    await expect(note).toContainText('4 example(s) from earlier studies');
  }
  // Rung 1's four trials each show a predicted full-fidelity accuracy with an interval.
  await expect(page.getByTestId('predicted-full').first()).toContainText(/\d+\.\d% \[\d+\.\d%, \d+\.\d%\]/);
  expect(await page.getByTestId('predicted-full').count()).toBeGreaterThanOrEqual(4);

  // The recommendation: the configuration trained fully, and the forecast made before its result was known.
  const rec = page.getByTestId('recommendation');
  await expect(rec).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
  await expect(page.getByTestId('recommendation-confirmed')).toContainText(
    'Confirmed at full fidelity (1024 images x 1 epoch)',
  );
  await expect(page.getByTestId('recommendation-forecast')).toContainText(
    /Meta-model forecast: \d+\.\d%, 90% interval/,
  );
  await expect(page.getByTestId('recommendation-forecast')).toContainText(
    "without this configuration's own full-fidelity result",
  );

  // The runs' own full-fidelity configurations joined the memory for the next study.
  await expect.poll(async () => Number(await panel.getAttribute('data-count'))).toBeGreaterThanOrEqual(5);

  // The audit judges the steering: a fourth rule (the model fitted on earlier studies only) and,
  // per rung, how close to the eventual best the meta-model's promotions stayed against accuracy's.
  await page.getByTestId('audit-panel').getByRole('button', { name: 'Audit: train every configuration fully' }).click();
  await expect(page.getByTestId('audit-rule')).toHaveCount(4, { timeout: 3 * 60_000 });
  const memoryRule = page.locator('[data-testid="audit-rule"][data-rule="metaModelMemory"]');
  const rho = Number(await memoryRule.getAttribute('data-spearman'));
  expect(Number.isNaN(rho) || Math.abs(rho) <= 1).toBe(true); // NaN only if every prediction ties
  const promotions = page.getByTestId('audit-promotion');
  await expect(promotions).toHaveCount(2);
  for (const p of await promotions.all()) {
    await expect(p).toHaveAttribute('data-rule', 'metaModel');
    expect(Number(await p.getAttribute('data-regret'))).toBeGreaterThanOrEqual(0);
  }
  await page.screenshot({ path: `${artifacts}/promotion-meta-model.png`, fullPage: true });
  expect(pageErrors).toEqual([]);
});
