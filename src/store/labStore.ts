// The lab's state: serialisable facts only (no tensors, workers or promises). One vanilla store,
// so the page's composition root (../app/labRoot) and the actions here can update it from outside React.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { DEFAULT_PRESET_ID, findPreset } from '../core/study/presets';
import type { StudyDefinition } from '../core/study/studyDefinition';
import type { StudyState } from '../core/study/studyMachine';
import type { BackendChoice, BackendTiming } from '../orchestrator/backendChoice';
import type { LossPoint } from '../core/lossPoint';
import type { BackendReport, TrialResult } from '../../workers/protocol';
import { initialLandscape, type LandscapeState } from './landscapeState';
import type { ClassroomParams } from '../core/link/classroomParams';
import type { Recommendation } from '../core/metaModel/recommendation';
import type { DatasetProgress } from '../orchestrator/loadBrowserDataset';
import type { BackendComparison } from '../orchestrator/compareBackends';
import type { AuditReport } from '../orchestrator/audit';
import type { FullFidelityRun } from '../orchestrator/auditExamples';

/** A trainer worker that failed (crashed, lost its GPU device) and what the pool did about it. */
export interface WorkerFault {
  code: string;
  message: string;
  /** The replacement's backend; null when none could start. */
  backend: string | null;
  /** The backend that could not start again, and why (the replacement then runs on wasm). */
  fallback: { from: string; reason: string } | null;
}

export interface TrialLive {
  stepsDone: number;
  stepsTotal: number;
  imagesPerSecond: number;
}

/** One line of the saved-studies list. */
export interface SavedStudySummary {
  id: string;
  name: string;
  phase: StudyState['phase'];
  trials: number;
  completed: number;
  best: number | null;
  updatedAt: number;
}

/** The meta-model's memory across studies, as the page shows it. */
export interface MemorySummary {
  loaded: boolean;
  count: number;
  /** Examples per full fidelity, e.g. { 'cifar10:4500x1': 12 }: only the matching ones help a study. */
  byFidelity: Record<string, number>;
  /** Examples per (fidelity, study name, seed): a study does not learn from its own earlier run. */
  bySource: Record<string, number>;
  studies: number;
  /** Stored records that failed their schema check and were ignored. */
  damaged: number;
}

/** Audit mode (../orchestrator/audit): every configuration of a finished study trained at full fidelity. */
export interface AuditState {
  running: boolean;
  done: number;
  total: number;
  report: AuditReport | null;
  error: string | null;
  /** The study the report, results and error belong to. */
  studyId: string | null;
  /** Full-fidelity results as they arrive, so a stopped audit loses none. */
  finished: FullFidelityRun[];
}

export const initialAudit: AuditState = {
  running: false,
  done: 0,
  total: 0,
  report: null,
  error: null,
  studyId: null,
  finished: [],
};

/** The study's final pick with the meta-model's forecast; computed after the study, off the main thread. */
export interface RecommendationState {
  status: 'computing' | 'ready' | 'error';
  value: Recommendation | null;
  error: string | null;
}

export interface LabState {
  presetId: string;
  /** The study the next Run will start: a preset, possibly edited. */
  definition: StudyDefinition;
  forcedBackend: 'webgpu' | 'webgl' | 'wasm' | 'cpu' | null;
  dataset: DatasetProgress;
  datasetError: string | null;
  backend: BackendReport | null;
  /** How the pool's backend was chosen: each candidate's measured speed (null when forced). */
  backendChoice: (BackendChoice & { cached: boolean }) | null;
  /** The measurement in progress, candidate by candidate. */
  backendTimings: BackendTiming[] | null;
  poolSize: number;
  /** Worker failures of this page's pools, oldest first: shown beside the backend. */
  workerFaults: WorkerFault[];
  study: StudyState | null;
  curves: Record<number, LossPoint[]>;
  live: Record<number, TrialLive>;
  studyError: string | null;
  busy: 'idle' | 'starting' | 'running' | 'stopping';
  startedAt: number | null;
  finishedAt: number | null;
  backendCheck: { running: boolean; results: BackendComparison[] };
  /** The saved record the current study is written to. */
  studyId: string | null;
  savedStudies: SavedStudySummary[];
  /** Saved studies that were interrupted (tab closed mid-run) and can be resumed. */
  resumable: SavedStudySummary[];
  /** Storage problems (full quota, damaged records): shown, never fatal. */
  storageNotices: string[];
  /** What was wrong with the link the page was opened with, if anything. */
  linkProblems: string[];
  shareNote: string | null;
  /** Whether the next study runs the tier-2 probes after every trial (off: they did not help the search). */
  probeTrials: boolean;
  /** Tier-2 probe values per finished trial, and the zero-cost gradient norm at its init. */
  probes: Record<number, TrialResult['probes']>;
  initGradientNorms: Record<number, number | undefined>;
  landscape: LandscapeState;
  /** Lesson options from the link (?view=present&hide=…&lock=1) and the presentation toggle. */
  classroom: Pick<ClassroomParams, 'view' | 'hide' | 'lock' | 'replay'>;
  memory: MemorySummary;
  recommendation: RecommendationState | null;
  audit: AuditState;
}

export const initialDataset: DatasetProgress = {
  phase: 'idle',
  shard: null,
  bytesLoaded: 0,
  bytesTotal: 0,
  shardsFromCache: 0,
  shardsTotal: 0,
  notices: [],
};

export const labStore = createStore<LabState>(() => ({
  presetId: DEFAULT_PRESET_ID,
  definition: findPreset(DEFAULT_PRESET_ID)!.study,
  forcedBackend: null,
  dataset: initialDataset,
  datasetError: null,
  backend: null,
  backendChoice: null,
  backendTimings: null,
  poolSize: 0,
  workerFaults: [],
  study: null,
  curves: {},
  live: {},
  studyError: null,
  busy: 'idle',
  startedAt: null,
  finishedAt: null,
  backendCheck: { running: false, results: [] },
  studyId: null,
  savedStudies: [],
  resumable: [],
  storageNotices: [],
  linkProblems: [],
  shareNote: null,
  probeTrials: false,
  probes: {},
  initGradientNorms: {},
  landscape: initialLandscape,
  classroom: { view: 'lab', hide: [], lock: false, replay: null },
  memory: { loaded: false, count: 0, byFidelity: {}, bySource: {}, studies: 0, damaged: 0 },
  recommendation: null,
  audit: initialAudit,
}));

export function useLab<T>(selector: (s: LabState) => T): T {
  return useStore(labStore, selector);
}
