// Module-level actions: a button calls startStudy(); nothing starts from a useEffect chain.
// Workers, the dataset and the running study live here, outside the store, which holds facts only.
import { findPreset } from '../core/presets';
import type { ImageSet } from '../core/cifarFormat';
import { studyProblems } from '../core/studyProblems';
import type { StudyDefinition } from '../core/studyDefinition';
import { loadBrowserDataset } from '../orchestrator/loadBrowserDataset';
import { browserWorkerFactory, browserPoolSize, shareImages } from '../orchestrator/browserWorkers';
import { runStudy, type StudyRun } from '../orchestrator/runStudy';
import { compareBackends } from '../orchestrator/compareBackends';
import { createPool, type TrainerPool } from '../orchestrator/workerPool';
import { labStore, type LabState } from './labStore';

let dataset: Promise<ImageSet> | null = null;
let shared: { images: Uint8Array; labels: Uint8Array } | null = null;
let pool: { key: string; pool: TrainerPool } | null = null;
let run: StudyRun | null = null;

const set = (patch: Partial<LabState>) => labStore.setState(patch);
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function selectPreset(presetId: string): void {
  const preset = findPreset(presetId);
  if (preset) set({ presetId, definition: preset.study });
}

/** Edits the successive-halving settings, seed or data budget of the next study. */
export function editStudy(patch: { scheduler?: Partial<StudyDefinition['scheduler']>; data?: Partial<StudyDefinition['data']>; fixed?: Partial<StudyDefinition['fixed']>; seed?: number }): void {
  const d = labStore.getState().definition;
  set({ definition: { ...d, seed: patch.seed ?? d.seed, scheduler: { ...d.scheduler, ...patch.scheduler }, data: { ...d.data, ...patch.data }, fixed: { ...d.fixed, ...patch.fixed } } });
}

export function forceBackend(backend: LabState['forcedBackend']): void {
  set({ forcedBackend: backend });
}

/** Loads (or re-tries loading) the training images; safe to call repeatedly. */
export function loadDataset(): Promise<ImageSet> {
  if (!dataset) {
    set({ datasetError: null });
    dataset = loadBrowserDataset((p) => set({ dataset: p })).catch((e: unknown) => {
      dataset = null;
      set({ datasetError: message(e), dataset: { ...labStore.getState().dataset, phase: 'error' } });
      throw e;
    });
  }
  return dataset;
}

async function ensurePool(numConfigs: number): Promise<TrainerPool> {
  const { forcedBackend } = labStore.getState();
  const size = Math.min(browserPoolSize(forcedBackend), numConfigs);
  const key = `${forcedBackend}:${size}`;
  if (pool?.key === key) return pool.pool;
  pool?.pool.dispose();
  pool = null;
  const train = await loadDataset();
  shared ??= { images: shareImages(train.images), labels: train.labels };
  const created = await createPool(browserWorkerFactory, size, { dataset: { ...shared, numClasses: 10 }, forcedBackend: forcedBackend ?? undefined });
  pool = { key, pool: created };
  set({ backend: created.backend, poolSize: size });
  return created;
}

export async function startStudy(): Promise<void> {
  const state = labStore.getState();
  if (state.busy !== 'idle') return;
  const definition = state.definition;
  const problems = studyProblems(definition);
  if (problems.length > 0) return set({ studyError: problems.join(' ') });
  set({ busy: 'starting', studyError: null, study: null, curves: {}, live: {}, startedAt: Date.now(), finishedAt: null });
  try {
    const trainerPool = await ensurePool(definition.scheduler.numConfigs);
    const labels = (await loadDataset()).labels;
    set({ busy: 'running' });
    run = runStudy(definition, trainerPool, labels, {
      onState: (study) => set({ study }),
      onProgress: (p) => {
        const { curves, live } = labStore.getState();
        set({
          curves: { ...curves, [p.trialId]: [...(curves[p.trialId] ?? []), ...p.points] },
          live: { ...live, [p.trialId]: { stepsDone: p.stepsDone, stepsTotal: p.stepsTotal, imagesPerSecond: p.imagesPerSecond } },
        });
      },
    });
    await run.done;
  } catch (e) {
    set({ studyError: message(e) });
  } finally {
    run = null;
    set({ busy: 'idle', finishedAt: Date.now() });
  }
}

export function stopStudy(): void {
  if (!run) return;
  set({ busy: 'stopping' });
  run.stop();
}

/** Same weights and batch on webgpu, webgl, wasm and cpu, each in its own worker; compared with cpu. */
export async function checkBackends(): Promise<void> {
  if (labStore.getState().backendCheck.running) return;
  set({ backendCheck: { running: true, results: [] } });
  try {
    const train = await loadDataset();
    const count = 8;
    const small = { images: train.images.slice(0, count * 3072), labels: train.labels.slice(0, count), numClasses: 10 };
    await compareBackends(browserWorkerFactory, small, Int32Array.from({ length: count }, (_, i) => i), ['webgpu', 'webgl', 'wasm'],
      (results) => set({ backendCheck: { running: true, results } }));
  } finally {
    set({ backendCheck: { ...labStore.getState().backendCheck, running: false } });
  }
}
