// The meta-model's memory end to end, in real Chromium with real IndexedDB and CIFAR-10: a finished
// tiny study leaves its full-fidelity example, which survives a reload; a damaged record is counted
// and ignored; the examples export, clear and import back; and "Promote by: meta-model prediction"
// shows how many examples fit and travels in the share link.
import { expect, test } from '@playwright/test';
import { openStudySettings } from './studySettings';
import { mkdirSync, readFileSync } from 'node:fs';

const artifacts = new URL('./artifacts/', import.meta.url).pathname;
mkdirSync(artifacts, { recursive: true });

test('meta-model memory: remembered across reloads, damaged records counted, export, clear, import, promotion in the link', async ({
  page,
}) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') console.log(`[page error] ${m.text()}`);
  });
  const panel = page.getByTestId('memory-panel');
  const started = Date.now();

  await page.goto('/?preset=tiny');
  await expect(page.getByTestId('dataset-panel')).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
  await expect(page.getByTestId('memory-summary')).toContainText('No examples yet');
  await expect(panel).toHaveAttribute('data-count', '0');

  // 1. A finished study teaches the memory: the tiny study's one configuration at full fidelity.
  await page.getByRole('button', { name: 'Run study' }).click();
  await expect(page.getByTestId('ranking')).toHaveAttribute('data-phase', 'finished', { timeout: 5 * 60_000 });
  await expect.poll(async () => Number(await panel.getAttribute('data-count'))).toBeGreaterThanOrEqual(1);
  const count = (await panel.getAttribute('data-count'))!;
  console.log(
    `tiny study finished after ${((Date.now() - started) / 1000).toFixed(0)} s; ${count} example(s) remembered`,
  );
  await expect(page.getByTestId('memory-summary')).toContainText(
    `${count} example${count === '1' ? '' : 's'} from 1 study`,
  );
  await expect(page.getByTestId('memory-fidelities')).toContainText('1024 images x 1 epoch');
  // They came from this very study (name and seed), which does not learn from its own earlier run.
  await expect(page.getByTestId('memory-matching')).toContainText(
    `0 of them match the study being edited (1024 images x 1 epoch); ${count} more ${count === '1' ? 'is' : 'are'} from an earlier run of this same study and seed`,
  );

  // 2. It persists: a reload reads it back from IndexedDB.
  await page.reload();
  await expect(panel).toHaveAttribute('data-count', count);
  await expect(panel).toHaveAttribute('data-damaged', '0');

  // 3. A damaged record, written straight into IndexedDB, is counted and ignored; the lab still works.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('llp-knowledge');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('examples', 'readwrite');
          tx.objectStore('examples').put({ v: 1, junk: true }, 'example:v1:broken');
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.reload();
  await expect(panel).toHaveAttribute('data-damaged', '1');
  await expect(panel).toHaveAttribute('data-count', count);
  await expect(page.getByTestId('memory-damaged')).toContainText('1 stored record is damaged and ignored');
  await expect(page.getByTestId('dataset-panel')).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
  await expect(page.getByRole('button', { name: 'Run study' })).toBeEnabled();
  await expect(page.getByTestId('study-problems')).toHaveCount(0);

  // 4. Export, clear (confirmed in the page), import back.
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export examples (JSON)' }).click();
  const exportedPath = await (await download).path();
  const exported = JSON.parse(readFileSync(exportedPath, 'utf8'));
  expect(exported.kind).toBe('llp-meta-examples');
  expect(exported.v).toBe(1);
  expect(exported.examples).toHaveLength(Number(count));
  expect(exported.examples[0].fidelity).toEqual({ dataset: 'cifar10', trainImages: 1024, epochs: 1 });
  expect(exported.examples[0].source).toMatchObject({ study: 'tiny', kind: 'study' });

  await panel.getByRole('button', { name: 'Clear memory' }).click();
  await expect(page.getByTestId('memory-confirm')).toContainText('cannot be undone');
  await expect(panel).toHaveAttribute('data-count', count); // nothing gone before the confirmation
  await panel.getByRole('button', { name: 'Yes, clear memory' }).click();
  await expect(panel).toHaveAttribute('data-count', '0');
  await expect(panel).toHaveAttribute('data-damaged', '0');

  const importFile = page.getByTestId('memory-import');
  const note = page.getByTestId('memory-note');
  await importFile.setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('this is not json'),
  });
  await expect(note).toContainText('not JSON');
  await importFile.setInputFiles({
    name: 'study.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ v: 1, id: 'x', state: {} })),
  });
  await expect(note).toContainText("expected kind 'llp-meta-examples'");
  await expect(panel).toHaveAttribute('data-count', '0');
  const withJunk = { ...exported, examples: [...exported.examples, { v: 1, junk: true }] };
  await importFile.setInputFiles({
    name: 'examples.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(withJunk)),
  });
  await expect(note).toContainText('1 damaged example was skipped');
  await expect(panel).toHaveAttribute('data-count', count);
  await importFile.setInputFiles(exportedPath); // the same examples again: merged by key, not doubled
  await expect(note).toHaveText(`Imported ${count} example${count === '1' ? '' : 's'}.`);
  await expect(panel).toHaveAttribute('data-count', count);
  await page.reload();
  await expect(panel).toHaveAttribute('data-count', count); // imported examples are stored too

  // 5. Promote by the meta-model: the hint counts the matching examples; the share link carries the rule.
  await openStudySettings(page);
  const rule = page.getByTestId('promotion-rule');
  await expect(rule).toHaveValue('accuracy');
  // The default says why it is the default, with the measured figures and what "full" meant.
  await expect(page.getByTestId('promotion-evidence')).toContainText('Default: promote by validation accuracy');
  await expect(page.getByTestId('promotion-evidence')).toContainText('45000 images x 4 epochs');
  await expect(page.getByTestId('ucb-kappa')).toHaveCount(0);
  await rule.selectOption('metaModel');
  const examplesText = `0 examples in memory match this study's full fidelity (1024 images x 1 epoch), not counting ${count} from an earlier run of this same study and seed`;
  await expect(page.getByTestId('promotion-hint')).toHaveText(
    `${examplesText}; the meta-model decides once there are at least 8, until then plain successive halving does.`,
  );
  await page.getByTestId('ucb-kappa').fill('1.5');
  await page.getByTestId('min-examples').fill('3');
  await expect(page.getByTestId('promotion-hint')).toContainText('at least 3');
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await expect(page.getByTestId('share-note')).toBeVisible();
  expect(page.url()).toContain('#s=');
  await page.reload();
  await openStudySettings(page);
  await expect(rule).toHaveValue('metaModel');
  await expect(page.getByTestId('ucb-kappa')).toHaveValue('1.5');
  await expect(page.getByTestId('min-examples')).toHaveValue('3');
  await expect(page.getByTestId('promotion-hint')).toContainText(examplesText);
  await expect(page.getByTestId('link-problems')).toHaveCount(0);
  await page.getByTestId('study-settings').screenshot({ path: `${artifacts}/promotion-settings.png` });
  await panel.screenshot({ path: `${artifacts}/memory-panel.png` });

  // ASHA has no complete rung to rank: the choice falls back to plain promotion, with the reason shown.
  await page.getByTestId('study-settings').getByLabel('scheduler').selectOption('asha');
  await expect(rule).toHaveValue('accuracy');
  await expect(rule.locator('option[value=metaModel]')).toBeDisabled();
  await expect(page.getByTestId('promotion-asha')).toContainText('no complete rung');
  await expect(page.getByTestId('study-problems')).toHaveCount(0);

  expect(pageErrors).toEqual([]);
  console.log(`memory spec done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
});
