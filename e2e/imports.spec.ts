// Imports in the page: an Optuna-shaped CSV (BOM, quoted JSON with commas and newlines) becomes a
// finished study; a malformed or newer study file gets a message and changes nothing.
import { expect, test } from '@playwright/test';
import { OPTUNA_TRIALS_CSV } from '../src/testing/optunaCsv';

test("Optuna's trials_dataframe().to_csv() imports as a study; bad study files change nothing", async ({ page }) => {
  await page.goto('/?preset=smoke');
  const library = page.getByTestId('study-library');
  await library
    .getByLabel('Import Optuna results (JSON/CSV)')
    .setInputFiles({ name: 'trials.csv', mimeType: 'text/csv', buffer: Buffer.from(OPTUNA_TRIALS_CSV) });
  await expect(page.getByTestId('import-note')).toHaveText('Imported 4 trials (1 pruned or failed).');
  await expect(page.getByTestId('ranking')).toContainText('52.0%');
  await expect(library.getByTestId('saved-study')).toHaveCount(1);

  const studyFile = library.getByLabel('Import study (JSON)');
  await studyFile.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"v": 2, "id": "x", "state": {'),
  });
  await expect(page.getByTestId('import-note')).toHaveText(
    'The file was not imported: the file is not valid JSON (truncated or corrupt).',
  );
  await studyFile.setInputFiles({
    name: 'newer.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ v: 9, id: 'x' })),
  });
  await expect(page.getByTestId('import-note')).toContainText(
    '(study record version 9); this page reads versions 1 to 2',
  );
  await expect(library.getByTestId('saved-study')).toHaveCount(1);
});
