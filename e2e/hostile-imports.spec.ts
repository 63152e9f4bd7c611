// A sample of the hostile import-file corpus (src/testing/hostileFiles) through the page's real file
// inputs in Chromium: valid files (and accepted mutations) are saved to real IndexedDB and survive a
// reload; every refused file shows the message the import function gives in Node, no page error
// occurs, and what IndexedDB held before is byte-for-byte unchanged after the refusals.
import { expect, test, type Page } from '@playwright/test';
import { hostileFiles, largeHostileFiles, type HostileFile } from '../src/testing/hostileFiles';
import { runImport } from '../src/testing/hostileImportRun';

/** Every record of the lab's databases, serialised with NaN kept, in key order. */
async function storedSnapshot(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dump = (db: string, store: string) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open(db);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const d = open.result;
          if (!d.objectStoreNames.contains(store)) return resolve(`${db}: none`);
          const tx = d.transaction(store, 'readonly');
          const keys = tx.objectStore(store).getAllKeys();
          const values = tx.objectStore(store).getAll();
          tx.oncomplete = () => {
            const text = JSON.stringify([keys.result, values.result], (_k, v: unknown) =>
              typeof v === 'number' && !Number.isFinite(v) ? `#${v}` : v,
            );
            d.close();
            resolve(`${db}: ${text}`);
          };
        };
      });
    return [await dump('llp-studies', 'records'), await dump('llp-knowledge', 'examples')].join('\n');
  });
}

const inputFor = (page: Page, f: HostileFile) => {
  const library = page.getByTestId('study-library');
  if (f.kind.startsWith('study')) return library.getByLabel('Import study (JSON)');
  if (f.kind === 'memory') return page.getByTestId('memory-import');
  return library.getByLabel('Import Optuna results (JSON/CSV)');
};
const noteFor = (page: Page, f: HostileFile) => page.getByTestId(f.kind === 'memory' ? 'memory-note' : 'import-note');
const upload = (page: Page, f: HostileFile) =>
  inputFor(page, f).setInputFiles({
    name: f.name,
    mimeType: f.name.endsWith('.csv') ? 'text/csv' : 'application/json',
    buffer: Buffer.from(f.text),
  });

test('hostile import files: refused with a message and nothing saved changes; accepted ones survive a reload', async ({
  page,
}) => {
  test.setTimeout(6 * 60_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  // The page reads a file's bytes as UTF-8 (dropping a byte-order mark): only files whose text
  // survives that exactly are compared with the Node outcome.
  const readable = (f: HostileFile) => f.text.isWellFormed() && !f.text.startsWith('\uFEFF');
  const outcomes = hostileFiles()
    .filter(readable)
    .map((f) => ({ f, o: runImport(f) }));
  const accepted = outcomes.filter(({ o }) => o.accepted && o.file.kind !== 'memory');
  const refused = outcomes.filter(({ o }) => !o.accepted && !o.message.startsWith('partly'));
  const valid = [
    ...['study-v2', 'study-v1', 'optuna-v2', 'optuna-csv', 'lab-csv'].map((k) =>
      accepted.find(({ f }) => f.kind === k && f.mustAccept)!,
    ),
    ...accepted.filter(({ f }) => !f.mustAccept).slice(0, 3),
    outcomes.find(({ f }) => f.kind === 'memory' && f.mustAccept && f.label.includes('as written'))!,
  ];
  const large = largeHostileFiles().filter((f) => /30 MiB|100,002/.test(f.label));
  const sample = [
    ...refused.filter((_, i) => i % Math.floor(refused.length / 120) === 0).slice(0, 120),
    ...large.map((f) => ({ f, o: runImport(f) })),
  ];

  await page.goto('/?preset=smoke');
  // 1. Accepted files are saved and listed.
  for (const { f } of valid) {
    await upload(page, f);
    await expect(noteFor(page, f)).toContainText('Imported');
  }
  const library = page.getByTestId('study-library');
  const saved = valid.filter(({ f }) => f.kind !== 'memory').length;
  await expect(library.getByTestId('saved-study')).toHaveCount(saved);
  await expect(page.getByTestId('memory-panel')).not.toHaveAttribute('data-count', '0');
  const count = await page.getByTestId('memory-panel').getAttribute('data-count');
  const before = await storedSnapshot(page);

  // 2. Refused files: the message the import function gives, and nothing stored changes.
  const started = Date.now();
  for (const { f, o } of sample) {
    await upload(page, f);
    await expect(noteFor(page, f), f.label).toHaveText(o.message);
  }
  console.log(
    `[hostile imports, Chromium] ${sample.length} refused files in ${((Date.now() - started) / 1000).toFixed(0)} s, ${valid.length} accepted; page errors: ${pageErrors.length}`,
  );
  expect(await storedSnapshot(page)).toBe(before);
  await expect(library.getByTestId('saved-study')).toHaveCount(saved);

  // 3. A reload reopens every accepted import, none of them hidden as damaged.
  await page.reload();
  await expect(library.getByTestId('saved-study')).toHaveCount(saved);
  await expect(page.getByTestId('memory-panel')).toHaveAttribute('data-count', count!);
  await expect(page.getByText(/damaged/)).toHaveCount(0);
  expect(await storedSnapshot(page)).toBe(before);
  for (let i = 0; i < saved; i++) {
    await library.getByTestId('saved-study').nth(i).getByRole('button', { name: 'Open' }).click();
    await expect(page.getByTestId('ranking')).toBeVisible();
  }
  await expect(page.getByText(/damaged/)).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});
