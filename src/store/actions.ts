// Module-level actions: a button calls startStudy(); nothing starts from a useEffect chain.
// Workers, the dataset and the running study live here, outside the store, which holds facts only.
import { findPreset, presetOf, PRESETS } from '../core/study/presets';
import { parseLaunchParams } from '../core/link/launchParams';
import { parseClassroomParams, type ClassroomParams } from '../core/link/classroomParams';
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
import { labStore, type LabState } from './labStore';
import { pageEstimate } from './machine';
import { resumeStudy } from '../core/study/studyMachine';
import { recordCurve, type CheckedRecord } from '../core/study/studyRecord';
import { completeStudy, decodeStudy, studyHash } from '../core/link/urlState';
import { idbWeightStore, loadSavedStudy, newStudyId, refreshSavedStudies, saveCurrentStudy } from './persistence';
import { initialLandscape } from './landscapeState';
import { clearKeptWeights, recordTrialResult } from './trialWeights';
import type { TrialProgress, TrialResult } from '../training/trainTrial';
import { memoryExamples, rememberExamples } from './memory';
import { recommendInWorker, workerAdvisor } from '../orchestrator/metaModelWorker';
import { examplesFromStudy, type TrialSignals } from '../core/metaModel/memory';
import { trialSignalsOf } from '../orchestrator/audit';
import { clearAudit, showSavedAudit } from './auditSession';

let dataset: Promise<ImageSet> | null = null;
let shared: { images: Uint8Array; labels: Uint8Array } | null = null;
const pools = keptPool();
let run: StudyRun | null = null;
// Full results of the current study's trials (weights dropped), for the meta-model and the audit.
const results = new Map<number, TrialResult>();

/**
 * Trial results of the study on screen, by trial id. Curves, probes and initial gradient norms come
 * from the store for every trial, trained here or reopened: the saved record holds exactly these
 * facts (persistence.recordOfStudy), so the meta-model reads the same before and after a reload.
 */
export function currentTrialResults(): Map<number, TrialResult> {
  const { study, curves, probes, initGradientNorms } = labStore.getState();
  const out = new Map<number, TrialResult>();
  for (const t of study?.trials ?? []) {
    if (t.state !== 'completed' && t.state !== 'diverged') continue;
    const live = results.get(t.trialId);
    out.set(t.trialId, {
      ...(live ?? {
        trialId: t.trialId,
        status: t.state,
        valAccuracy: t.valAccuracy,
        valLoss: t.valLoss,
        steps: 0,
        imagesTrained: 0,
        durationMs: t.durationMs ?? 0,
        imagesPerSecond: t.imagesPerSecond ?? 0,
        backend: t.backend ?? '',
      }),
      lossCurve: (curves[t.trialId] ?? []).map((p) => ({
        step: p.step,
        epoch: p.epoch,
        loss: p.loss,
        accuracy: p.accuracy,
      })),
      probes: probes[t.trialId],
      initGradientNorm: initGradientNorms[t.trialId],
    });
  }
  return out;
}

/**
 * A finished trial's facts into the store: its full curve through the record's downsampler (it
 * replaces the progress points), probes and initial gradient norm; its weights kept if worth it.
 */
export function recordTrialFacts(trialId: number, result: TrialResult): void {
  results.set(trialId, { ...result, weights: undefined });
  labStore.setState({ curves: { ...labStore.getState().curves, [trialId]: recordCurve(result.lossCurve) } });
  recordTrialResult(trialId, result);
}

/** A saved record on screen: its state, curves, probes and initial gradient norms, as they were saved. */
export function showSavedRecord(record: CheckedRecord): void {
  clearKeptWeights();
  results.clear();
  set({
    studyId: record.id,
    study: record.state,
    definition: record.state.definition,
    presetId: presetOf(record.state.definition)?.id ?? 'custom',
    curves: record.curves,
    live: {},
    probes: record.probes,
    initGradientNorms: record.initGradientNorms,
    landscape: initialLandscape,
    studyError: null,
  });
}

/** The same results as the meta-model reads them. */
export function currentTrialSignals(): Map<number, TrialSignals> {
  return trialSignalsOf(currentTrialResults());
}

const set = (patch: Partial<LabState>) => labStore.setState(patch);

/** The study's worker pool, for jobs between or after studies (landscape slices); null before the first study. */
export function currentPool(): TrainerPool | null {
  return pools.current();
}
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function selectPreset(presetId: string): void {
  if (labStore.getState().classroom.lock) return; // a lesson link locked the study
  const preset = findPreset(presetId);
  if (preset) set({ presetId, definition: preset.study });
}

/** Edits the successive-halving settings, seed or data budget of the next study. */
export function editStudy(patch: {
  scheduler?: Partial<StudyDefinition['scheduler']>;
  data?: Partial<StudyDefinition['data']>;
  fixed?: Partial<StudyDefinition['fixed']>;
  seed?: number;
  sampler?: StudyDefinition['sampler'];
}): void {
  if (labStore.getState().classroom.lock) return;
  const d = labStore.getState().definition;
  set({
    definition: {
      ...d,
      seed: patch.seed ?? d.seed,
      sampler: patch.sampler ?? d.sampler,
      scheduler: { ...d.scheduler, ...patch.scheduler },
      data: { ...d.data, ...patch.data },
      fixed: { ...d.fixed, ...patch.fixed },
    },
  });
}

/** Lesson options from the link: the opening view, hidden controls, locked settings. */
export function applyClassroom(classroom: LabState['classroom']): void {
  set({
    classroom: { view: classroom.view, hide: [...classroom.hide], lock: classroom.lock, replay: classroom.replay },
  });
}

/** The presentation toggle: one chart at a time in large type, or the whole lab. */
export function setView(view: LabState['classroom']['view']): void {
  set({ classroom: { ...labStore.getState().classroom, view } });
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

/** The study's worker pool, started (or restarted for a new backend or size) on demand; the audit uses it too. */
export async function ensurePool(numConfigs: number): Promise<TrainerPool> {
  const { forcedBackend } = labStore.getState();
  const size = Math.min(browserPoolSize(forcedBackend), numConfigs);
  const key = `${forcedBackend}:${size}`;
  return pools.ensure(key, async () => {
    const train = await loadDataset();
    shared ??= { images: shareImages(train.images), labels: train.labels };
    const created = await createPool(
      browserWorkerFactory,
      size,
      { dataset: { ...shared, numClasses: 10 }, forcedBackend: forcedBackend ?? undefined },
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
  clearKeptWeights();
  results.clear();
  // A resumed study keeps the facts of its finished trials; a new one starts empty.
  set({
    probes: record?.probes ?? {},
    initGradientNorms: record?.initGradientNorms ?? {},
    landscape: initialLandscape,
  });
  clearAudit(); // the audit belonged to the previous study, and the new one needs the workers
  try {
    const trainerPool = await ensurePool(definition.scheduler.numConfigs);
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

/** Puts a link that reproduces the current study definition on the clipboard. */
export async function copyShareLink(): Promise<void> {
  const url = `${location.origin}${location.pathname}${studyHash(labStore.getState().definition)}`;
  try {
    await navigator.clipboard.writeText(url);
    set({ shareNote: 'Share link copied to the clipboard.' });
  } catch {
    set({ shareNote: `Copy this link: ${url}` });
  }
  history.replaceState(null, '', url);
}

/**
 * Applies a share link from the URL hash: the study it names, or defaults for whatever was wrong.
 * Returns its notices. Any fragment but '' and '#' is read, so #S=… gets a notice, not silence.
 */
export function applyShareLink(hash: string): string[] {
  if (hash === '' || hash === '#') return [];
  const result = decodeStudy(hash);
  if (result.ok) {
    set({ definition: result.study, presetId: presetOf(result.study)?.id ?? 'custom' });
    return result.notes;
  }
  const fallback = findPreset(labStore.getState().presetId)?.study ?? labStore.getState().definition;
  const definition = result.partial ? completeStudy(result.partial, fallback) : fallback;
  const kept = result.partial ? Object.keys(result.partial).filter((k) => k !== 'v') : [];
  set({ definition, presetId: presetOf(definition)?.id ?? 'custom' });
  return [
    `${result.error} ${kept.length ? `The valid parts (${kept.join(', ')}) were kept; the rest uses the defaults.` : 'The default study is shown instead.'} Nothing was run.`,
  ];
}

/**
 * What the page was opened with: ?preset= and ?backend=, a whole study in #s=…, and the lesson
 * options (?view=present&hide=…&lock=1), which apply last so that a lock keeps the study. Every
 * notice is shown once, after `earlier` ones (a repaired query). Returns the lesson options (debug included).
 */
export function openLaunchLink(search: string, hash: string, earlier: readonly string[] = []): ClassroomParams {
  const launch = parseLaunchParams(
    search,
    PRESETS.map((p) => p.id),
  );
  if (launch.presetId) selectPreset(launch.presetId);
  if (launch.backend) forceBackend(launch.backend);
  const shareNotes = applyShareLink(hash);
  const classroom = parseClassroomParams(search);
  applyClassroom(classroom);
  set({ linkProblems: [...new Set([...earlier, ...launch.problems, ...shareNotes, ...classroom.problems])] });
  return classroom;
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
