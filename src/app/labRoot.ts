// The page's composition root: it wires the worker pool, the training images and the running study
// to the store. The store (../store) holds facts and small actions that set them; the work starts
// here, from a button (a button calls startStudy(); nothing starts from a useEffect chain).
// createLabRoot takes the page's dependencies (./page) or a test's (Node workers, images in memory).
import { presetOf } from '../core/study/presets';
import type { ImageSet } from '../core/dataset/cifarFormat';
import { firstChunkSample } from '../core/dataset/chunkOrder';
import { studyUniverse } from '../core/dataset/studyUniverse';
import { studyProblems } from '../core/study/studyProblems';
import type { StudyDefinition } from '../core/study/studyDefinition';
import type { DatasetProgress } from '../orchestrator/loadBrowserDataset';
import type { DataSharing } from '../orchestrator/browserWorkers';
import type { StudyRun } from '../orchestrator/runStudy';
import { startStudySession } from '../orchestrator/studySession';
import { createStudyPool } from '../orchestrator/studyPool';
import { shareImages } from '../orchestrator/sharedImages';
import { keptPool } from '../orchestrator/keptPool';
import { compareBackends } from '../orchestrator/compareBackends';
import type { TrainerPool, WorkerFactory } from '../orchestrator/workerPool';
import { chooseBackend, measureBackends, measuredModel } from '../orchestrator/backendChoice';
import { backendChoiceKey, localBackendChoiceCache } from '../store/backendChoiceCache';
import type { BackendName, TrialProgress } from '../../workers/protocol';
import { labStore, type LabState } from '../store/labStore';
import { pageEstimate } from '../store/machine';
import { resumeStudy } from '../core/study/studyMachine';
import type { CheckedRecord } from '../core/study/studyRecord';
import {
  idbWeightStore,
  loadSavedStudy,
  newStudyId,
  refreshSavedStudies,
  saveCurrentStudy,
} from '../store/persistence';
import { initialLandscape } from '../store/landscapeState';
import { memoryExamples, rememberExamples } from '../store/memory';
import { recommendInWorker, workerAdvisor } from '../orchestrator/metaModelWorker';
import { examplesFromStudy } from '../core/metaModel/memory';
import { clearAudit, showSavedAudit } from './auditSession';
import { clearTrialFacts, currentTrialSignals, recordTrialFacts, showSavedRecord } from '../store/trialFacts';

/** What the root runs on: the page's Web Workers and fetched shards, or a test's. */
export interface LabDeps {
  workerFactory: WorkerFactory;
  /** Workers for a study on `forced` (null: the measured or default backend). */
  poolSize(forced: BackendName | null): number;
  /** The training images with at least the first `chunks` chunks filled (core/dataset/studyUniverse). */
  loadImages(onProgress: (p: DatasetProgress) => void, chunks: number): Promise<ImageSet>;
  /** Whether the workers can share one SharedArrayBuffer (the page is cross-origin isolated). */
  sharing(): DataSharing;
}

export interface LabRoot {
  /** The images `definition` (by default the study on screen) draws from, loaded if they are not yet. */
  loadDataset(definition?: StudyDefinition): Promise<ImageSet>;
  currentPool(): TrainerPool | null;
  ensurePool(numConfigs: number, definition?: StudyDefinition): Promise<TrainerPool>;
  startStudy(options?: { confirmed?: boolean }): Promise<void>;
  resumeSavedStudy(id: string): Promise<void>;
  openSavedStudy(id: string): Promise<void>;
  stopStudy(): void;
  checkBackends(): Promise<void>;
}

const set = (patch: Partial<LabState>) => labStore.setState(patch);
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const MEASURE_IMAGES = 512;

export function createLabRoot(deps: LabDeps): LabRoot {
  let dataset: Promise<ImageSet> | null = null;
  let datasetChunks = 0; // how many chunks `dataset` holds: a study that needs more loads the rest
  // The images shared with every pool this page starts, shared again once more chunks have arrived.
  let shared: { images: Uint8Array; labels: Uint8Array } | null = null;
  let sharedChunks = 0;
  const pools = keptPool();
  let run: StudyRun | null = null;

  /** Loads (or re-tries loading) the training images a study needs; safe to call repeatedly. */
  function loadDataset(definition = labStore.getState().definition): Promise<ImageSet> {
    const chunks = studyUniverse(definition.data).chunks;
    if (!dataset || chunks > datasetChunks) {
      datasetChunks = Math.max(chunks, datasetChunks);
      set({ datasetError: null });
      dataset = deps
        .loadImages((p) => set({ dataset: p }), datasetChunks)
        .catch((e: unknown) => {
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
    const train = await loadDataset(definition);
    // A few batches are enough to time steps; every measuring worker gets its own small copy.
    const sample = { ...firstChunkSample(train, MEASURE_IMAGES), numClasses: 10 };
    const choice = await chooseBackend(key, localBackendChoiceCache, () =>
      measureBackends(deps.workerFactory, sample, model, {}, (timings) => set({ backendTimings: timings })),
    );
    set({ backendChoice: choice, backendTimings: null });
    return choice.backend;
  }

  /** The study's worker pool, started (or restarted for a new backend or size) on demand; the audit uses it too. */
  async function ensurePool(numConfigs: number, definition?: StudyDefinition): Promise<TrainerPool> {
    const { forcedBackend } = labStore.getState();
    if (forcedBackend) set({ backendChoice: null });
    const backend = forcedBackend ?? (definition ? await measuredBackend(definition) : undefined);
    const size = Math.min(deps.poolSize(backend ?? null), numConfigs);
    const train = await loadDataset(definition);
    // Workers hold the images they were started with: more chunks loaded means a new pool.
    const key = `${backend}:${size}:${datasetChunks}`;
    return pools.ensure(key, async () => {
      const sharing = deps.sharing();
      if (!shared || sharedChunks !== datasetChunks) {
        shared = { images: shareImages(train.images, sharing), labels: train.labels };
        sharedChunks = datasetChunks;
      }
      const created = await createStudyPool(deps.workerFactory, size, shared, {
        sharing,
        forcedBackend: backend,
        onWorkerReplaced: ({ error, backend, fallback }) =>
          set({
            backend: created.backend,
            workerFaults: [
              ...labStore.getState().workerFaults,
              { code: error.code, message: error.message, backend: backend?.backend ?? null, fallback },
            ].slice(-20),
          }),
      });
      set({ backend: created.backend, poolSize: size });
      return created;
    });
  }

  /**
   * Runs the study on screen. A study this machine cannot hold or finish (../store/machine) is refused with
   * the reason; a very long one runs only when `confirmed` (the page asks first).
   */
  async function startStudy(options: { confirmed?: boolean } = {}): Promise<void> {
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
  async function resumeSavedStudy(id: string): Promise<void> {
    if (labStore.getState().busy !== 'idle') return;
    const record = await loadSavedStudy(id);
    if (!record) return;
    set({ definition: record.state.definition, presetId: presetOf(record.state.definition)?.id ?? 'custom' });
    await launch(record.state.definition, record);
  }

  /** Shows a saved study (charts, ranking) without running anything. */
  async function openSavedStudy(id: string): Promise<void> {
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
      const labels = (await loadDataset(definition)).labels;
      set({ busy: 'running' });
      // Every trial keeps its weights, for the landscape panel; the tier-2 probes run only when asked for.
      const session = startStudySession({
        definition,
        pool: trainerPool,
        trainLabels: labels,
        probes: labStore.getState().probeTrials,
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
  async function updateRecommendation(state = labStore.getState().study): Promise<void> {
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

  function stopStudy(): void {
    if (!run) return;
    set({ busy: 'stopping' });
    run.stop();
  }

  /** Same weights and batch on webgpu, webgl, wasm and cpu, each in its own worker; compared with cpu. */
  async function checkBackends(): Promise<void> {
    if (labStore.getState().backendCheck.running) return;
    set({ backendCheck: { running: true, results: [] } });
    try {
      const train = await loadDataset();
      const count = 8;
      const small = { ...firstChunkSample(train, count), numClasses: 10 };
      await compareBackends(
        deps.workerFactory,
        small,
        Int32Array.from({ length: count }, (_, i) => i),
        ['webgpu', 'webgl', 'wasm'],
        (results) => set({ backendCheck: { running: true, results } }),
      );
    } finally {
      set({ backendCheck: { ...labStore.getState().backendCheck, running: false } });
    }
  }

  return {
    loadDataset,
    currentPool: () => pools.current(),
    ensurePool,
    startStudy,
    resumeSavedStudy,
    openSavedStudy,
    stopStudy,
    checkBackends,
  };
}
