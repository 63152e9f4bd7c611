// The lab's state: serialisable facts only (no tensors, workers or promises). One vanilla store,
// so the orchestration actions in ./actions can update it from outside React.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { findPreset } from '../core/presets';
import type { StudyDefinition } from '../core/studyDefinition';
import type { StudyState } from '../core/studyMachine';
import type { BackendReport } from '../training/backend';
import type { LossPoint } from '../training/trainTrial';
import type { DatasetProgress } from '../orchestrator/loadBrowserDataset';
import type { BackendComparison } from '../orchestrator/compareBackends';

export interface TrialLive { stepsDone: number; stepsTotal: number; imagesPerSecond: number }

export interface LabState {
  presetId: string;
  /** The study the next Run will start: a preset, possibly edited. */
  definition: StudyDefinition;
  forcedBackend: 'webgpu' | 'webgl' | 'wasm' | 'cpu' | null;
  dataset: DatasetProgress;
  datasetError: string | null;
  backend: BackendReport | null;
  poolSize: number;
  study: StudyState | null;
  curves: Record<number, LossPoint[]>;
  live: Record<number, TrialLive>;
  studyError: string | null;
  busy: 'idle' | 'starting' | 'running' | 'stopping';
  startedAt: number | null;
  finishedAt: number | null;
  backendCheck: { running: boolean; results: BackendComparison[] };
}

export const initialDataset: DatasetProgress = { phase: 'idle', shard: null, bytesLoaded: 0, bytesTotal: 0, shardsFromCache: 0, shardsTotal: 0, notices: [] };

export const labStore = createStore<LabState>(() => ({
  presetId: 'tiny',
  definition: findPreset('tiny')!.study,
  forcedBackend: null,
  dataset: initialDataset,
  datasetError: null,
  backend: null,
  poolSize: 0,
  study: null,
  curves: {},
  live: {},
  studyError: null,
  busy: 'idle',
  startedAt: null,
  finishedAt: null,
  backendCheck: { running: false, results: [] },
}));

export function useLab<T>(selector: (s: LabState) => T): T {
  return useStore(labStore, selector);
}
