// A WebGPU device lost mid-study, on SwiftShader in headless Chromium. The test's hooks live here,
// not in the app: it destroys the training worker's GPUDevice (tfjs keeps its engine on the worker's
// global) and serves every later trainer worker a prelude whose requestAdapter() finds no GPU, as a
// device that cannot be had again would. The pool must replace the worker, retry the trial once on
// wasm, and say so; the study must finish.
import { expect, test, type Worker } from '@playwright/test';

// Worker scripts must come from the network, where the route below sees them, not from the offline cache.
test.use({ serviceWorkers: 'block' });

const NO_ADAPTER_PRELUDE =
  'GPU.prototype.requestAdapter = async () => null; // e2e/device-loss.spec.ts: the GPU is gone\n';

test('a lost webgpu device: the worker is replaced, the trial retried on wasm, and the page says why', async ({
  page,
  context,
}) => {
  test.setTimeout(8 * 60_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') console.log(`[page error] ${m.text()}`);
  });

  // The first trainer worker loads unchanged; every later one finds no WebGPU adapter.
  let trainerScripts = 0;
  await context.route(/\/assets\/trainer\.worker[^/]*\.js(\?.*)?$/, async (route) => {
    trainerScripts++;
    const response = await route.fetch();
    const body = await response.text();
    await route.fulfill({ response, body: trainerScripts === 1 ? body : NO_ADAPTER_PRELUDE + body });
  });

  await page.goto('/?preset=micro&backend=webgpu');
  await expect(page.getByTestId('dataset-panel')).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Run study' }).click();

  // 1. The trial trains on webgpu (its curve grows) when the device goes.
  await expect(page.getByTestId('backend-name')).toHaveText('webgpu', { timeout: 120_000 });
  const row = page.getByTestId('trial-row').first();
  await expect(row).toHaveAttribute('data-state', 'running');
  const chart = page.getByTestId('loss-chart');
  await expect
    .poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 180_000 })
    .toBeGreaterThan(0);
  const trainer = page.workers().find((w: Worker) => /trainer\.worker/.test(w.url()));
  expect(trainer, 'the trainer worker is running').toBeDefined();
  const destroyed = await trainer!.evaluate(() => {
    const engine = (
      globalThis as unknown as {
        _tfengine?: { backendName?: string; backendInstance?: { device?: { destroy(): void } } };
      }
    )._tfengine;
    if (engine?.backendName !== 'webgpu' || !engine.backendInstance?.device)
      return `no webgpu device (backend ${engine?.backendName})`;
    engine.backendInstance.device.destroy();
    return 'destroyed';
  });
  expect(destroyed).toBe('destroyed');

  // 2. The study finishes: the trial was retried once, on wasm.
  await expect(page.getByTestId('ranking')).toHaveAttribute('data-phase', 'finished', { timeout: 5 * 60_000 });
  await expect(row).toHaveAttribute('data-state', 'completed');
  await expect(row).toHaveAttribute('data-attempts', '2');
  await expect(row).toHaveAttribute('data-backend', 'wasm');
  await expect(row).toContainText('attempt 2');

  // 3. The page says what happened, with the code, and shows the backend it fell back to.
  const fault = page.getByTestId('worker-fault');
  await expect(fault).toHaveCount(1);
  await expect(fault).toHaveAttribute('data-code', 'DEVICE_LOST');
  await expect(fault).toHaveAttribute('data-fallback-from', 'webgpu');
  await expect(fault).toContainText(
    'A trainer worker lost its GPU device (DEVICE_LOST: the GPU device was lost (destroyed',
  );
  await expect(fault).toContainText('webgpu could not be started again');
  await expect(fault).toContainText('requestAdapter() returned no adapter');
  await expect(fault).toContainText('so training goes on on wasm');
  await expect(page.getByTestId('backend-name')).toHaveText('wasm');
  await expect(page.getByTestId('backend-panel')).toContainText('(the link asked for webgpu)');
  expect(trainerScripts).toBe(3); // the first worker, the webgpu replacement that found no GPU, the wasm one
  expect(pageErrors).toEqual([]);
});
