// Global setup: a browser state in which this device has already measured its backend for every
// preset's model, as on a returning visit. Specs about other things start from it and skip the
// ~20 s measurement (SwiftShader's GPU backends run out their budgets); backend-choice.spec.ts
// starts from an empty state and measures for real.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium, type FullConfig } from '@playwright/test';
import { PRESETS } from '../src/core/study/presets';
import { measuredModel, type BackendChoice } from '../src/orchestrator/backendChoice';
import { backendChoiceKey } from '../src/store/backendChoiceCache';

export const SEEDED_STATE = new URL('./artifacts/seeded-state.json', import.meta.url).pathname;

export default async function seedBackendChoice(config: FullConfig): Promise<void> {
  const use = config.projects[0].use;
  const browser = await chromium.launch(use.launchOptions);
  const page = await browser.newPage();
  const browserSide = await page.evaluate(() => ({
    userAgent: navigator.userAgent,
    cores: navigator.hardwareConcurrency,
  }));
  await browser.close();
  const tfjsPackage = new URL('../node_modules/@tensorflow/tfjs/package.json', import.meta.url);
  const device = {
    ...browserSide,
    tfjs: (JSON.parse(readFileSync(tfjsPackage, 'utf8')) as { version: string }).version,
  };
  const localStorage = PRESETS.map((p) => {
    const model = measuredModel(p.study);
    const choice: BackendChoice = { backend: 'wasm', timings: [], ...model, measuredAt: new Date().toISOString() };
    return { name: backendChoiceKey(model, device), value: JSON.stringify(choice) };
  });
  mkdirSync(new URL('./artifacts/', import.meta.url).pathname, { recursive: true });
  const origin = new URL(use.baseURL!).origin;
  writeFileSync(SEEDED_STATE, JSON.stringify({ cookies: [], origins: [{ origin, localStorage }] }));
}
