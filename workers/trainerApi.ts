// The trainer a worker exposes: holds the dataset sent once at init and trains trials on request.
// Shared by the browser and Node worker entries, which differ only in how they pick a backend.
import * as tf from '@tensorflow/tfjs';
import type { BackendName, BackendReport } from '../src/training/backend';
import { TrialCancelled, trainTrial } from '../src/training/trainTrial';
import type { LabelledImages } from '../src/training/batches';
import { lossAndGradients } from '../src/training/lossAndGradients';
import { measureTrainingThroughput } from '../src/training/throughput';
import { ProbeCancelled } from '../src/training/probes/landscapeSlice';
import { computeSlice, interpolateWeights } from '../src/training/probes/weightSetLandscape';
import { DeviceLost, gpuDeviceLost, lostWithin, unlessDeviceLost } from '../src/training/deviceLoss';
import type { MemoryReport, Outcome, TrainerApi, WorkerError } from './protocol';
import { whileRunning, type KernelShare } from '../src/training/fmaKernels/kernelShare';

function classify(e: unknown): WorkerError {
  if (e instanceof TrialCancelled || e instanceof ProbeCancelled) return { code: 'CANCELLED', message: e.message };
  const message = e instanceof Error ? e.message : String(e);
  // A lost device can surface as a failed read before device.lost settles: same code either way.
  if (e instanceof DeviceLost || /device (is |was |has been )?(lost|destroyed)/i.test(message))
    return { code: 'DEVICE_LOST', message };
  if (/out of memory|allocation failed|OOM/i.test(message)) return { code: 'OUT_OF_MEMORY', message };
  if (/GPUDevice/i.test(message)) return { code: 'BACKEND_FAILED', message };
  return { code: 'TRAINING_ERROR', message };
}

// How long a failure on webgpu waits to learn whether the device went (Chromium's destroy() fails
// pending mapAsync reads a moment before device.lost settles).
const LOSS_GRACE_MS = 500;

export type BackendInit = (
  forced?: BackendName,
  options?: { wasmThreads?: boolean; kernelShare?: KernelShare },
) => Promise<BackendReport>;

export function createTrainerApi(initBackend: BackendInit): TrainerApi {
  let data: LabelledImages | null = null;
  let numClasses = 10;
  let kernelShare: KernelShare | undefined;
  const cancelled = new Set<number>();
  let probeCancelled = false;
  // Set at init on webgpu; every request races it, so a lost device is answered at once.
  let deviceLost: Promise<string> | null = null;
  const failure = async (e: unknown): Promise<WorkerError> => {
    if (e instanceof TrialCancelled || e instanceof ProbeCancelled) return classify(e);
    const lost = await lostWithin(deviceLost, LOSS_GRACE_MS);
    return lost ? { code: 'DEVICE_LOST', message: lost } : classify(e);
  };

  // Every request but init and runTrial: needs the dataset, and returns errors as coded outcomes.
  const withPool = async <T>(name: string, work: (p: LabelledImages) => Promise<T>): Promise<Outcome<T>> => {
    if (!data) return { ok: false, error: { code: 'NOT_INITIALISED', message: `${name} called before init` } };
    try {
      return { ok: true, value: await unlessDeviceLost(work(data), deviceLost) };
    } catch (e) {
      return { ok: false, error: await failure(e) };
    }
  };

  return {
    async init(request) {
      try {
        kernelShare = request.kernelShare;
        const report = await initBackend(request.forcedBackend, {
          wasmThreads: request.wasmThreads,
          kernelShare: request.kernelShare,
        });
        deviceLost = gpuDeviceLost();
        data = { images: request.dataset.images, labels: request.dataset.labels };
        numClasses = request.dataset.numClasses;
        return { ok: true, value: report };
      } catch (e) {
        return { ok: false, error: { code: 'BACKEND_FAILED', message: e instanceof Error ? e.message : String(e) } };
      }
    },
    async runTrial(input, onProgress, onCheckpoint) {
      if (!data) return { ok: false, error: { code: 'NOT_INITIALISED', message: 'runTrial called before init' } };
      const baseline = tf.memory().numTensors;
      try {
        const images = data;
        // Counted as running, so a trial left alone in the pool gets the idle cores' helper threads.
        const result = await unlessDeviceLost(
          whileRunning(kernelShare, () =>
            trainTrial(
              images,
              { ...input, numClasses },
              {
                onProgress: (p) => void onProgress(p),
                ...(onCheckpoint ? { onCheckpoint: (cp) => onCheckpoint(cp) } : {}),
                shouldStop: () => cancelled.has(input.trialId),
              },
            ),
          ),
          deviceLost,
        );
        const leaked = tf.memory().numTensors - baseline;
        if (leaked !== 0) console.warn(`trial ${input.trialId} left ${leaked} tensors behind`);
        return { ok: true, value: result } satisfies Outcome<typeof result>;
      } catch (e) {
        return { ok: false, error: await failure(e) };
      } finally {
        cancelled.delete(input.trialId);
      }
    },
    cancel(trialId) {
      cancelled.add(trialId);
    },
    lossAndGradients: (request) =>
      withPool('lossAndGradients', (p) => lossAndGradients(request.spec, request.weights, p, request.indices)),
    measureThroughput: (request) => withPool('measureThroughput', (p) => measureTrainingThroughput(p, request)),
    computeSlice(request, onRow) {
      probeCancelled = false;
      return withPool('computeSlice', (p) =>
        computeSlice(
          p,
          request,
          (row) => void onRow(row),
          () => probeCancelled,
        ),
      );
    },
    interpolate: (request) => withPool('interpolate', (p) => interpolateWeights(p, request)),
    cancelProbe() {
      probeCancelled = true;
    },
    memory(): MemoryReport {
      const m = tf.memory() as tf.MemoryInfo & { numBytesInGPUAllocated?: number };
      return { numTensors: m.numTensors, numBytes: m.numBytes, numBytesInGPUAllocated: m.numBytesInGPUAllocated };
    },
  };
}
