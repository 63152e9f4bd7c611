// The machine a study would run on, as far as the page knows before Run: the backend its pool
// detected (else the forced one, else wasm, the likeliest on a machine without a usable GPU), the
// pool's size, the throughput the trials on screen measured, and navigator.deviceMemory.
import {
  estimateStudy,
  measuredReferenceThroughput,
  type Machine,
  type StudyEstimate,
} from '../core/study/studyEstimate';
import type { StudyDefinition } from '../core/study/studyDefinition';
import { studyProblems } from '../core/study/studyProblems';
import { browserPoolSize } from '../orchestrator/browserWorkers';
import type { LabState } from './labStore';

type Known = Pick<LabState, 'backend' | 'forcedBackend' | 'study'>;

export function machineOf(state: Known, workers: number, deviceMemoryGiB: number | null): Machine {
  const backend = state.backend?.backend ?? state.forcedBackend ?? 'wasm';
  const study = state.study;
  const trials = (study?.trials ?? []).map((t) => ({
    imagesPerSecond: t.imagesPerSecond,
    backend: t.backend,
    channels: study?.configs[t.configId]?.channels ?? 32,
  }));
  return {
    backend,
    detected: state.backend !== null,
    workers,
    measuredImagesPerSecond: measuredReferenceThroughput(trials, backend),
    deviceMemoryGiB,
  };
}

/** The estimate the page shows and Run obeys; null while the definition has problems of its own. */
export function pageEstimate(state: Known, definition: StudyDefinition): StudyEstimate | null {
  if (studyProblems(definition).length > 0) return null;
  const hasNavigator = typeof navigator !== 'undefined';
  const poolSize = hasNavigator ? browserPoolSize(state.forcedBackend) : 2; // the pool ensurePool would start
  const deviceMemory = hasNavigator
    ? ((navigator as Navigator & { deviceMemory?: number }).deviceMemory ?? null)
    : null;
  return estimateStudy(definition, machineOf(state, Math.min(poolSize, definition.scheduler.numConfigs), deviceMemory));
}
