// Module-level actions: a button calls startStudy(); nothing starts from a useEffect chain.
// Workers, the dataset and the running study live here, outside the store, which holds facts only.
import { presetOf } from '../core/study/presets';
import type { ImageSet } from '../core/dataset/cifarFormat';
import { studyProblems } from '../core/study/studyProblems';
import type { StudyDefinition } from '../core/study/studyDefinition';
import { loadBrowserDataset } from '../orchestrator/loadBrowserDataset';
import { browserWorkerFactory, browserPoolSize, shareImages } from '../orchestrator/browserWorkers';
import type { StudyRun } from '../orchestrator/runStudy';
import { startStudySession } from '../orchestrator/studySession';
import { keptPool } from '../orchestrator/keptPool';
import { compareBackends } from '../orchestrator/compareBackends';
import { createPool, type TrainerPool } from '../orchestrator/workerPool';
import { chooseBackend, measureBackends, measuredModel } from '../orchestrator/backendChoice';
import { backendChoiceKey, localBackendChoiceCache } from './backendChoiceCache';
import type { BackendName } from '../../workers/protocol';
import { labStore, type LabState } from './labStore';
import { pageEstimate } from './machine';
import { resumeStudy } from '../core/study/studyMachine';
import type { CheckedRecord } from '../core/study/studyRecord';
import { idbWeightStore, loadSavedStudy, newStudyId, refreshSavedStudies, saveCurrentStudy } from './persistence';
import { initialLandscape } from './landscapeState';
import type { TrialProgress } from '../training/trainTrial';
import { memoryExamples, rememberExamples } from './memory';
import { recommendInWorker, workerAdvisor } from '../orchestrator/metaModelWorker';
import { examplesFromStudy } from '../core/metaModel/memory';
import { clearAudit, showSavedAudit } from './auditSession';
import { clearTrialFacts, currentTrialSignals, recordTrialFacts, showSavedRecord } from './trialFacts';

let dataset: Promise<ImageSet> | null = null;
let shared: { images: Uint8Array; labels: Uint8Array } | null = null;
const pools = keptPool();
let run: StudyRun | null = null;
const set = (patch: Partial<LabState>) => labStore.setState(patch);

/** The study's worker pool, for jobs between or after studies (landscape slices); null before the first study. */
export function currentPool(): TrainerPool | null {
  return pools.current();
}
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

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

/** The fastest backend for this model on this device: measured once, then from the cache. */
async function measuredBackend(definition: StudyDefinition): Promise<BackendName> {
  const model = measuredModel(definition);
  const key = backendChoiceKey(model);
  set({ backendTimings: [] });
  const train = await loadDataset();
  // A few batches are enough to time steps; every measuring worker gets its own small copy.
  const images = MEASURE_IMAGES * 3072;
  const sample = {
    images: train.images.slice(0, images),
    labels: train.labels.slice(0, MEASURE_IMAGES),
    numClasses: 10,
  };
  const choice = await chooseBackend(key, localBackendChoiceCache, () =>
    measureBackends(browserWorkerFactory, sample, model, {}, (timings) => set({ backendTimings: timings })),
  );
  set({ backendChoice: choice, backendTimings: null });
  return choice.backend;
}
const MEASURE_IMAGES = 512;

/** The study's worker pool, started (or restarted for a new backend or size) on demand; the audit uses it too. */
export async function ensurePool(numConfigs: number, definition?: StudyDefinition): Promise<TrainerPool> {
  const { forcedBackend } = labStore.getState();
  if (forcedBackend) set({ backendChoice: null });
  const backend = forcedBackend ?? (definition ? await measuredBackend(definition) : undefined);
  const size = Math.min(browserPoolSize(backend ?? null), numConfigs);
  const key = `${backend}:${size}`;
  return pools.ensure(key, async () => {
    const train = await loadDataset();
    shared ??= { images: shareImages(train.images), labels: train.labels };
    const created = await createPool(
      browserWorkerFactory,
      size,
      { dataset: { ...shared, numClasses: 10 }, forcedBackend: backend },
      {
        onWorkerReplaced: ({ error, backend, fallback }) =>
          set({
            backend: created.backend,
            workerFaults: [
              ...labStore.getState().workerFaults,
              { code: error.code, message: error.message, backend: backend?.backend ?? null, fallback },
            ].slice(-20),
          }),
      },
    );
    set({ backend: created.backend, poolSize: size });
    return created;
  });
}

/**
 * Runs the study on screen. A study this machine cannot hold or finish (./machine) is refused with
 * the reason; a very long one runs only when `confirmed` (the page asks first).
 */
export async function startStudy(options: { confirmed?: boolean } = {}): Promise<void> {
  const state = labStore.getState();
  if (state.busy !== 'idle') return;
  const problems = studyProblems(state.definition);
  if (problems.length > 0) return set({ studyError: problems.join(' ') });
  const estimate = pageEstimate(state, state.definition);
  if (estimate?.verdict === 'refuse') return set({ studyError: estimate.reason });
  if (estimate?.verdict === 'confirm' && !options.confirmed)
    return set({ studyError: `${estimate.reason} Confirm to run it.` });
  await launch(state.definition, null);
}

/** Continues a saved study that a reload or a closed tab interrupted; completed trials are kept. */
export async function resumeSavedStudy(id: string): Promise<void> {
  if (labStore.getState().busy !== 'idle') return;
  const record = await loadSavedStudy(id);
  if (!record) return;
  set({ definition: record.state.definition, presetId: presetOf(record.state.definition)?.id ?? 'custom' });
  await launch(record.state.definition, record);
}

/** Shows a saved study (charts, ranking) without running anything. */
export async function openSavedStudy(id: string): Promise<void> {
  if (labStore.getState().busy !== 'idle') return;
  const record = await loadSavedStudy(id);
  if (!record) return;
  // Weights and slices belong to the study they came from; its saved facts come back with it.
  showSavedRecord(record);
  clearAudit();
  void showSavedAudit(record.id);
  void updateRecommendation(record.state);
}

async function launch(definition: StudyDefinition, record: CheckedRecord | null): Promise<void> {
  const studyId = record?.id ?? newStudyId(definition.seed);
  set({ recommendation: null });
  set({
    busy: 'starting',
    studyError: null,
    study: record?.state ?? null,
    curves: (record?.curves ?? {}) as LabState['curves'],
    live: {},
    startedAt: Date.now(),
    finishedAt: null,
    studyId,
    resumable: labStore.getState().resumable.filter((r) => r.id !== studyId),
  });
  clearTrialFacts();
  // A resumed study keeps the facts of its finished trials; a new one starts empty.
  set({
    probes: record?.probes ?? {},
    initGradientNorms: record?.initGradientNorms ?? {},
    landscape: initialLandscape,
  });
  clearAudit(); // the audit belonged to the previous study, and the new one needs the workers
  try {
    const trainerPool = await ensurePool(definition.scheduler.numConfigs, definition);
    const labels = (await loadDataset()).labels;
    set({ busy: 'running' });
    // Every trial probes the same images and keeps its weights, for the landscape panel.
    const session = startStudySession({
      definition,
      pool: trainerPool,
      trainLabels: labels,
      probes: true,
      returnWeights: true,
      listener: { onState: (study) => set({ study }), onProgress: showProgress, onTrialResult: recordTrialFacts },
      resumeFrom: record ? resumeStudy(record.state) : undefined,
      weights: idbWeightStore(studyId),
      memory: memoryExamples,
      advisor: workerAdvisor,
      save: (study) => saveCurrentStudy(studyId, study),
      // The pick and its forecast come from the memory as it was before this study's own examples.
      recommend: (final) => updateRecommendation(final),
      // Its configurations trained at full fidelity teach the next study's meta-model.
      remember: (final) => rememberExamples(examplesFromStudy(final, currentTrialSignals(), Date.now()), studyId),
    });
    run = session.run;
    await session.done;
  } catch (e) {
    set({ studyError: message(e) });
  } finally {
    run = null;
    set({ busy: 'idle', finishedAt: Date.now() });
    void refreshSavedStudies();
  }
}

/** A running trial's new curve points and speed into the store. */
function showProgress(p: TrialProgress): void {
  const { curves, live } = labStore.getState();
  set({
    curves: { ...curves, [p.trialId]: [...(curves[p.trialId] ?? []), ...p.points] },
    live: {
      ...live,
      [p.trialId]: { stepsDone: p.stepsDone, stepsTotal: p.stepsTotal, imagesPerSecond: p.imagesPerSecond },
    },
  });
}

/** The final recommendation with the meta-model's forecast (computed in the meta-model worker). */
export async function updateRecommendation(state = labStore.getState().study): Promise<void> {
  if (!state) return set({ recommendation: null });
  set({ recommendation: { status: 'computing', value: null, error: null } });
  try {
    const value = await recommendInWorker({
      state,
      signals: currentTrialSignals(),
      examples: await memoryExamples(),
      now: Date.now(),
    });
    set({ recommendation: { status: 'ready', value, error: null } });
  } catch (e) {
    set({
      recommendation: { status: 'error', value: null, error: `No forecast for the recommendation: ${message(e)}` },
    });
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
    await compareBackends(
      browserWorkerFactory,
      small,
      Int32Array.from({ length: count }, (_, i) => i),
      ['webgpu', 'webgl', 'wasm'],
      (results) => set({ backendCheck: { running: true, results } }),
    );
  } finally {
    set({ backendCheck: { ...labStore.getState().backendCheck, running: false } });
  }
}
