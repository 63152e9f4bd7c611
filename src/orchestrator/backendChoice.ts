// The backend a pool trains on, chosen by measurement: a few warm training steps of the study's
// own model and batch on each candidate, each in a fresh worker forced onto it, and the fastest
// wins. wasm goes first; a GPU backend gets three times wasm's step time before it counts as
// slower (a software GPU such as SwiftShader takes tens of seconds a step). Cached per key
// (device, tfjs version, model), so only the first study on a device pays for the measurement.
import type { StudyDefinition } from '../core/study/studyDefinition';
import { DEFAULT_FIXED, type ParamSpec } from '../core/searchSpace/searchSpace';
import type { BackendName, DatasetTransfer } from '../../workers/protocol';
import type { WorkerFactory } from './workerPool';

export interface BackendTiming {
  backend: BackendName;
  status: 'measured' | 'slower' | 'unavailable' | 'error';
  imagesPerSecond?: number;
  /** The backend as its worker describes it (adapter, kernel build). */
  detail?: string;
  message?: string;
}

export interface BackendChoice {
  backend: BackendName;
  timings: BackendTiming[];
  /** What the measurement ran: the model and batch it timed. */
  channels: number;
  batchSize: number;
  measuredAt: string;
}

export interface BackendChoiceCache {
  get(key: string): BackendChoice | null;
  set(key: string, choice: BackendChoice): void;
}

export interface MeasureOptions {
  candidates: BackendName[];
  warmupSteps: number;
  steps: number;
  /** A GPU candidate's steps may take this many times wasm's before it counts as slower. */
  slowerFactor: number;
  /** A floor on that budget, and the limit on starting a backend (shader compiles are one-off). */
  minBudgetMs: number;
  initLimitMs: number;
}

export const MEASURE_DEFAULTS: MeasureOptions = {
  candidates: ['wasm', 'webgpu', 'webgl'],
  warmupSteps: 1,
  steps: 2,
  slowerFactor: 3,
  minBudgetMs: 2000,
  initLimitMs: 8000,
};

const timeout = (ms: number) => new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms));

async function timeOne(
  factory: WorkerFactory,
  dataset: DatasetTransfer,
  backend: BackendName,
  model: { channels: number; batchSize: number },
  budgetMs: number,
  o: MeasureOptions,
): Promise<BackendTiming & { ms?: number }> {
  const handle = factory();
  try {
    const init = await Promise.race([handle.api.init({ dataset, forcedBackend: backend }), timeout(o.initLimitMs)]);
    // Slow to start is slower for this study, whatever it might do later.
    if (init === 'timeout')
      return { backend, status: 'slower', message: `did not start within ${o.initLimitMs / 1000} s` };
    if (!init.ok) return { backend, status: 'unavailable', message: init.error.message };
    const detail = init.value.detail;
    const started = performance.now();
    const run = handle.api.measureThroughput({ ...model, warmupSteps: o.warmupSteps, steps: o.steps });
    const out = await Promise.race([run, timeout(budgetMs)]);
    if (out === 'timeout') {
      const message = `${o.warmupSteps + o.steps} steps took over ${(budgetMs / 1000).toFixed(1)} s`;
      return { backend, status: 'slower', detail, message };
    }
    if (!out.ok) return { backend, status: 'error', detail, message: `${out.error.code}: ${out.error.message}` };
    return {
      backend,
      status: 'measured',
      detail,
      imagesPerSecond: out.value.imagesPerSecond,
      ms: performance.now() - started,
    };
  } catch (e) {
    return { backend, status: 'error', message: e instanceof Error ? e.message : String(e) };
  } finally {
    handle.terminate();
  }
}

/** Times every candidate and returns the fastest; wasm if nothing else measured faster. */
export async function measureBackends(
  factory: WorkerFactory,
  dataset: DatasetTransfer,
  model: { channels: number; batchSize: number },
  options: Partial<MeasureOptions> = {},
  onTiming?: (timings: BackendTiming[]) => void,
): Promise<BackendChoice> {
  const o = { ...MEASURE_DEFAULTS, ...options };
  const order = ['wasm' as const, ...o.candidates.filter((b) => b !== 'wasm')].filter((b) => o.candidates.includes(b));
  const timings: BackendTiming[] = [];
  let budgetMs = o.minBudgetMs * 10;
  for (const backend of order) {
    const { ms, ...timing } = await timeOne(factory, dataset, backend, model, budgetMs, o);
    if (backend === 'wasm' && ms != null) budgetMs = Math.max(o.minBudgetMs, o.slowerFactor * ms);
    timings.push(timing);
    onTiming?.([...timings]);
  }
  const fastest = timings
    .filter((t) => t.status === 'measured')
    .sort((a, b) => (b.imagesPerSecond ?? 0) - (a.imagesPerSecond ?? 0))[0];
  return {
    backend: fastest?.backend ?? 'wasm',
    timings,
    ...model,
    measuredAt: new Date().toISOString(),
  };
}

/** The cached choice for this key, or a new measurement (then cached). */
export async function chooseBackend(
  key: string,
  cache: BackendChoiceCache,
  measure: () => Promise<BackendChoice>,
): Promise<BackendChoice & { cached: boolean }> {
  const hit = cache.get(key);
  if (hit) return { ...hit, cached: true };
  const choice = await measure();
  cache.set(key, choice);
  return { ...choice, cached: false };
}

function largest(spec: ParamSpec | undefined): number | null {
  if (!spec) return null;
  if (spec.kind === 'categorical') {
    const numbers = spec.choices.filter((c): c is number => typeof c === 'number');
    return numbers.length > 0 ? Math.max(...numbers) : null;
  }
  return spec.high;
}

/** The model and batch a study's measurement times: its widest network, at its batch size. */
export function measuredModel(definition: StudyDefinition): { channels: number; batchSize: number } {
  const spec = (name: string) => definition.space.find((p) => p.name === name);
  return {
    channels: largest(spec('channels')) ?? definition.fixed.channels ?? DEFAULT_FIXED.channels,
    batchSize: largest(spec('batchSize')) ?? definition.fixed.batchSize ?? DEFAULT_FIXED.batchSize,
  };
}
