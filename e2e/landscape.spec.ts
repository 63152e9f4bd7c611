// Loss-landscape slices in a real browser: after a study, an 11×11 slice of a trial's kept weights
// is computed in the workers row by row (on webgpu and on wasm), drawn as a heatmap with contour
// lines, and, in a study probed on request, centred on the trial's own probe-set loss; two trials
// side by side share one colour scale.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { openStudySettings } from './studySettings';

const artifacts = new URL('./artifacts/', import.meta.url).pathname;
mkdirSync(artifacts, { recursive: true });

async function runStudy(page: Page, url: string, { probes = false } = {}) {
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') console.log(`[page ${m.type()}] ${m.text()}`);
  });
  await page.goto(url);
  await expect(page.getByTestId('dataset-panel')).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
  if (probes) {
    await openStudySettings(page);
    await page.getByTestId('probe-toggle').getByRole('checkbox').check();
  }
  await page.getByRole('button', { name: 'Run study' }).click();
  await expect(page.getByTestId('ranking')).toHaveAttribute('data-phase', 'finished', { timeout: 6 * 60_000 });
}

async function computeSlices(page: Page, trials: number, images: number) {
  const panel = page.getByTestId('landscape-panel');
  const picks = panel.getByTestId('landscape-trial');
  for (let i = 0; i < trials; i++) await picks.nth(i).check();
  await panel.getByTestId('slice-resolution').fill('11');
  await panel.getByTestId('slice-images').fill(String(images));
  await panel.getByRole('button', { name: /^Compute slice/ }).click();
  const heatmaps = panel.getByTestId('slice-heatmap');
  await expect(heatmaps).toHaveCount(trials);
  for (let i = 0; i < trials; i++)
    await expect(heatmaps.nth(i)).toHaveAttribute('data-rows-done', '11', { timeout: 4 * 60_000 });
  await expect(panel).toHaveAttribute('data-status', 'done');
  const speed = Number(await panel.getByTestId('slice-speed').getAttribute('data-images-per-second'));
  console.log(
    `slice 11×11 × ${images} images on ${await page.getByTestId('backend-name').textContent()}: ${speed.toFixed(1)} images/s forward`,
  );
  return { panel, heatmaps };
}

test('micro study forced onto webgpu (SwiftShader): the loss falls, and an 11×11 slice with contours on webgpu', async ({
  page,
}) => {
  test.setTimeout(12 * 60_000);
  await runStudy(page, '/?preset=micro&backend=webgpu');
  await expect(page.getByTestId('backend-name')).toHaveText('webgpu');
  const row = page.getByTestId('trial-row').first();
  await expect(row).toHaveAttribute('data-backend', 'webgpu');
  const first = Number(await row.getAttribute('data-first-loss'));
  const last = Number(await row.getAttribute('data-last-loss'));
  console.log(`webgpu micro: loss ${first.toFixed(3)} -> ${last.toFixed(3)}`);
  expect(last).toBeLessThan(first);
  // Unprobed, the panel has no probe set of the study's to follow.
  await expect(page.getByTestId('landscape-panel')).toHaveAttribute('data-probe-images', '');
  // Four images keep the 121 forward passes on a software GPU to seconds; the rows are what is checked.
  const { panel, heatmaps } = await computeSlices(page, 1, 4);
  const heatmap = heatmaps.first();
  await expect(heatmap).toHaveAttribute('data-resolution', '11');
  expect(await heatmap.getByTestId('slice-contours').locator('path').count()).toBeGreaterThan(0);
  expect(Number.isFinite(Number(await heatmap.getAttribute('data-centre-loss')))).toBe(true);
  await panel.screenshot({ path: `${artifacts}/landscape-slice.png` });
});

test("tiny study on wasm, probed: a slice centred on the trial's probe-set loss, two trials side by side on one colour scale, and a linear interpolation", async ({
  page,
}) => {
  test.setTimeout(12 * 60_000);
  await runStudy(page, '/?preset=tiny', { probes: true });
  await expect(page.getByTestId('backend-name')).toHaveText('wasm');
  await expect(page.getByTestId('rung-table').locator('th', { hasText: 'sharpness' }).first()).toBeVisible();
  // A slice on as many images as the probes used is on the same probe set, so its centre is the
  // trial's own probe loss.
  const panel = page.getByTestId('landscape-panel');
  const probeImages = Number(await panel.getAttribute('data-probe-images'));
  expect(probeImages).toBeGreaterThan(0);
  const kept = Number(
    (await panel.getByTestId('landscape-trial').first().locator('..').textContent())!.match(/trial (\d+)/)![1],
  );
  const row = page.locator(`[data-testid="trial-row"][data-trial-id="${kept}"]`);
  await expect(row).not.toHaveAttribute('data-probe-loss', '');
  const probeLoss = Number(await row.getAttribute('data-probe-loss'));
  const centred = await computeSlices(page, 1, probeImages);
  const centre = Number(await centred.heatmaps.first().getAttribute('data-centre-loss'));
  console.log(`centre loss ${centre} vs trial ${kept}'s probe loss ${probeLoss}`);
  expect(Math.abs(centre - probeLoss)).toBeLessThan(1e-3);

  const { heatmaps } = await computeSlices(page, 2, 32);
  for (let i = 0; i < 2; i++) {
    expect(await heatmaps.nth(i).getByTestId('slice-contours').locator('path').count()).toBeGreaterThan(0);
    expect(Number.isFinite(Number(await heatmaps.nth(i).getAttribute('data-centre-loss')))).toBe(true);
  }
  await panel.getByRole('button', { name: /^Init → trained/ }).click();
  await expect(panel.getByTestId('interpolation-chart')).toHaveAttribute('data-points', '25', { timeout: 120_000 });
  await panel.screenshot({ path: `${artifacts}/landscape-side-by-side.png` });
});
