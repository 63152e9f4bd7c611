// `npm run build` deployed as a teacher would: the built folder under /lab/ on a plain static file
// server (python3 -m http.server: no COOP/COEP headers, no middleware). The data ships in the
// folder; the first visit trains with a copy of the images per worker and says so; the service
// worker makes the next visit cross-origin isolated; the lab is installable; a new build replaces
// the old precache instead of growing it. (The first visit over a slow link is firstVisit.spec.ts.)
import { expect, test, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { basePath, startStaticSite, type StaticSite } from './staticSite';

let deployed: StaticSite;
let site: string;
let server: StaticSite['server'];
let build: StaticSite['build'];

test.beforeAll(async () => {
  test.setTimeout(6 * 60_000);
  deployed = await startStaticSite(2);
  ({ root: site, server, build } = deployed);
});

test.afterAll(async () => {
  await deployed?.stop();
});

const precached = (page: Page) =>
  page.evaluate(async () => {
    const names = await caches.keys();
    return (await Promise.all(names.map(async (n) => (await (await caches.open(n)).keys()).map((r) => r.url)))).flat();
  });

test('the built folder on a plain static server: data ships with it, tiny trains, the next visit is isolated', async ({
  page,
}) => {
  test.setTimeout(12 * 60_000);
  expect(readdirSync(join(site, 'lab', 'data', 'cifar10')).sort()).toEqual([
    'index.json',
    ...Array.from({ length: 50 }, (_, k) => `train_chunk_${String(k).padStart(2, '0')}.bin.residuals`),
  ]);
  // Jekyll-based hosts (GitHub Pages) drop files whose names start with "_".
  expect(readdirSync(join(site, 'lab'), { recursive: true }).filter((f) => /(^|\/)_/.test(String(f)))).toEqual([]);
  page.on('console', (m) => {
    if (m.type() === 'error') console.log(`[page error] ${m.text()}`);
  });
  const dataRequests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/data/cifar10/')) dataRequests.push(new URL(r.url()).pathname);
  });

  await page.goto(`${server.url}?preset=tiny`);
  await expect(page.getByTestId('dataset-panel')).toHaveAttribute('data-phase', 'ready', { timeout: 180_000 });
  // tiny draws from the first two chunks of the shipped order: the index and those two, nothing more.
  expect(dataRequests).toEqual(
    ['index.json', 'train_chunk_00.bin.residuals', 'train_chunk_01.bin.residuals'].map(
      (f) => `${basePath}data/cifar10/${f}`,
    ),
  );
  // No COOP/COEP from this host: each worker gets its own copy, and the page says so.
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  await expect(page.getByTestId('data-sharing')).toHaveAttribute('data-mode', 'copies');
  await expect(page.getByTestId('data-sharing')).toContainText('not cross-origin isolated');

  await page.getByRole('button', { name: 'Run study' }).click();
  await expect(page.getByTestId('ranking')).toHaveAttribute('data-phase', 'finished', { timeout: 8 * 60_000 });
  await expect(page.getByTestId('backend-name')).toHaveText('wasm');
  await expect(page.getByTestId('rung-table').locator('tr.state-completed')).toHaveCount(4 + 2 + 1);

  // The service worker took over this first visit; it serves the next one with COOP/COEP.
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 60_000 });
  await page.goto(`${server.url}?preset=micro`);
  await expect(page.getByTestId('dataset-panel')).toHaveAttribute('data-phase', 'ready', { timeout: 180_000 });
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await expect(page.getByTestId('data-sharing')).toHaveAttribute('data-mode', 'shared');
  // Workers load under the service worker's COEP too, and train on the shared images.
  await page.getByRole('button', { name: 'Run study' }).click();
  await expect(page.getByTestId('ranking')).toHaveAttribute('data-phase', 'finished', { timeout: 5 * 60_000 });
});

test('installable, and a new build replaces the old precache instead of growing it', async ({
  playwright,
}, testInfo) => {
  test.setTimeout(8 * 60_000);
  const profile = mkdtempSync(join(tmpdir(), 'llp-profile-'));
  // Installability is judged only outside incognito, so this test keeps a real profile.
  const context = await playwright.chromium.launchPersistentContext(profile, { ...testInfo.project.use.launchOptions });
  try {
    let page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 60_000 });
    const cdp = await context.newCDPSession(page);
    await expect
      .poll(async () => (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors, { timeout: 30_000 })
      .toEqual([]);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.url).toBe(`${server.url}manifest.webmanifest`);
    expect(manifest.errors).toEqual([]);

    const first = await precached(page);
    const firstMain = first.find((u) => /\/assets\/main-[\w-]+\.js$/.test(u));
    expect(firstMain).toBeTruthy();
    // tfjs's three wasm builds and our kernels' four (relaxed SIMD, plain SIMD, each also with shared
    // memory for helper threads), so offline training keeps them.
    const wasm = first.filter((u) => u.endsWith('.wasm'));
    expect(wasm).toHaveLength(7);
    expect(wasm.filter((u) => /\/gemm-(relaxed|simd)-[\w-]+\.wasm$/.test(u))).toHaveLength(4);
    expect(first.some((u) => u.includes('/data/'))).toBe(false); // the shards live in IndexedDB, verified

    // Deploy a different build (here: one that names its data URL in full) as a host would: a fresh
    // folder, the data moved over, then swapped in.
    const next = join(site, 'lab-next');
    build({ LLP_DATA_URL: `${server.url}data/cifar10/` }, next);
    renameSync(join(site, 'lab', 'data'), join(next, 'data'));
    renameSync(join(site, 'lab'), join(site, 'lab-old'));
    renameSync(next, join(site, 'lab'));
    rmSync(join(site, 'lab-old'), { recursive: true });

    // The open tab finds the new build's service worker, which waits: the old build keeps its files.
    await page.reload();
    await page.waitForFunction(
      async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state === 'installed',
      undefined,
      { timeout: 60_000 },
    );
    expect(await precached(page)).toContain(firstMain);
    // With the lab's tab closed the new build activates and drops the old build's files.
    await page.close();
    page = await context.newPage();
    await page.goto(`http://127.0.0.1:${deployed.port}/`); // outside the lab's scope
    await page.waitForFunction(
      async (scope) => {
        const registration = await navigator.serviceWorker.getRegistration(scope);
        return !!registration && !registration.waiting && registration.active?.state === 'activated';
      },
      basePath,
      { timeout: 60_000 },
    );
    await expect.poll(async () => (await precached(page)).includes(firstMain!), { timeout: 60_000 }).toBe(false);
    const second = await precached(page);
    expect(second.length).toBe(first.length);
    expect(second.filter((u) => /\/assets\/main-[\w-]+\.js$/.test(u))).toHaveLength(1);
    await page.goto(server.url);
    await expect(page.getByTestId('dataset-panel')).toHaveAttribute('data-phase', 'ready', { timeout: 180_000 });
  } finally {
    await context.close();
    if (existsSync(profile)) rmSync(profile, { recursive: true, force: true });
  }
});
