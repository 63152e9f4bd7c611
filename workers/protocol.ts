// The one typed protocol between the orchestrator and the trainer workers (browser Web Workers
// and Node worker_threads alike). Only structured-cloneable data crosses; tensors never do.
// Results are returned as tagged unions instead of thrown, because comlink drops custom error fields.
import type { BackendName, BackendReport } from '../src/training/backend';
import type { LossAndGradients } from '../src/training/lossAndGradients';
import type { SimpleCnnSpec } from '../src/training/simpleCnnSpec';
import type { ThroughputRequest, ThroughputResult } from '../src/training/throughput';
import type { TrainTrialInput, TrialProgress, TrialResult } from '../src/training/trainTrial';
import type { TrialProbeRequest } from '../src/training/probes/trialProbes';
import type { ProbeValues } from '../src/core/probeValues';
import type { TrainCheckpoint } from '../src/training/trainCheckpoint';
import type { KernelShare } from '../src/training/fmaKernels/kernelShare';
import type {
  InterpolationRequest,
  InterpolationResult,
  SliceRequest,
  SliceResult,
  SliceRowUpdate,
} from '../src/training/probes/weightSetLandscape';
import type { MetaModelInputs } from '../src/core/metaModel/metaModelInputs';
import type { PendingPromotion } from '../src/core/metaModel/promotionScoring';
import type { Recommendation } from '../src/core/metaModel/recommendation';
import type { PromotionRecord } from '../src/core/study/studyMachine';
import type { AuditReport, AuditScoreInputs } from '../src/core/metaModel/auditScore';

export type {
  BackendName,
  BackendReport,
  LossAndGradients,
  SimpleCnnSpec,
  ThroughputRequest,
  ThroughputResult,
  TrainTrialInput,
  TrialProgress,
  TrialResult,
};
export type {
  InterpolationRequest,
  InterpolationResult,
  SliceRequest,
  SliceResult,
  SliceRowUpdate,
  TrialProbeRequest,
  ProbeValues,
  TrainCheckpoint,
};

/** Fixed weights and one batch: for gradient checks and cross-backend agreement. */
export interface GradientRequest {
  spec: SimpleCnnSpec;
  weights: Float32Array[];
  indices: Int32Array;
}

/** Sent once per worker. Backed by a SharedArrayBuffer when the page is cross-origin isolated. */
export interface DatasetTransfer {
  images: Uint8Array;
  labels: Uint8Array;
  numClasses: number;
}

export interface InitRequest {
  dataset: DatasetTransfer;
  /** Forces one backend (e.g. a test that must run on webgpu); otherwise the fastest is chosen. */
  forcedBackend?: BackendName;
  /** Multi-threaded wasm (needs cross-origin isolation); off by default: it gave no speed-up here. */
  wasmThreads?: boolean;
  /** The pool's cores and its running-trial count, for our kernels' helper threads (createPool sets it). */
  kernelShare?: KernelShare;
}

export type WorkerErrorCode =
  | 'CANCELLED' // the orchestrator asked the trial to stop
  | 'NOT_INITIALISED' // runTrial before init
  | 'BACKEND_FAILED' // the backend could not start
  | 'DEVICE_LOST' // the GPU device was lost mid-work (driver reset, GPU removed, destroy())
  | 'OUT_OF_MEMORY'
  | 'WORKER_CRASHED' // the worker died (set by the pool, not by the worker)
  | 'TRAINING_ERROR'; // any other exception inside a trial

export interface WorkerError {
  code: WorkerErrorCode;
  message: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: WorkerError };

export interface MemoryReport {
  numTensors: number;
  numBytes: number;
  numBytesInGPUAllocated?: number;
}

export interface TrainerApi {
  init(request: InitRequest): Promise<Outcome<BackendReport>>;
  /** `onCheckpoint` receives the run's state after every epoch; the next epoch waits until it returns. */
  runTrial(
    input: TrainTrialInput,
    onProgress: (p: TrialProgress) => void,
    onCheckpoint?: (checkpoint: TrainCheckpoint) => Promise<void>,
  ): Promise<Outcome<TrialResult>>;
  cancel(trialId: number): void;
  lossAndGradients(request: GradientRequest): Promise<Outcome<LossAndGradients>>;
  /** Steady-state training images per second (benchmarks). */
  measureThroughput(request: ThroughputRequest): Promise<Outcome<ThroughputResult>>;
  /** A 2D loss-landscape slice around the given weights, one proxied callback per grid row. */
  computeSlice(request: SliceRequest, onRow: (row: SliceRowUpdate) => void): Promise<Outcome<SliceResult>>;
  /** Loss along the straight line between two weight sets. */
  interpolate(request: InterpolationRequest): Promise<Outcome<InterpolationResult>>;
  /** Stops a running computeSlice at its next row (it then returns CANCELLED). */
  cancelProbe(): void;
  memory(): MemoryReport;
}

/**
 * The meta-model worker (pure core work off the page's main thread). Its inputs are plain data:
 * the study state, the kept trial signals (a Map clones) and the examples in memory.
 */
export interface MetaModelApi {
  /** Resolves once the worker's code has loaded (the offline warm-up uses it to cache that code). */
  ping(): Promise<true>;
  scorePromotion(inputs: MetaModelInputs, pending: PendingPromotion): Promise<PromotionRecord>;
  recommend(inputs: MetaModelInputs): Promise<Recommendation | null>;
  /** An audit's rules, once its full-fidelity runs are done (the nested leave-one-out is the slow part). */
  scoreAudit(inputs: AuditScoreInputs): Promise<Omit<AuditReport, 'auditMs'>>;
}
