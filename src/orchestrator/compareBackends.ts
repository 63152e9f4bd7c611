// Cross-backend agreement: the same SimpleCNN weights and batch on every backend, each in a fresh
// worker that is forced onto it, compared with the cpu backend (the reference implementation).
import { compareToReference, type Agreement } from '../core/stats/agreement';
import type { BackendName, DatasetTransfer, LossAndGradients } from '../../workers/protocol';
import { initialWeights, type SimpleCnnSpec } from '../training/simpleCnnSpec';
import type { WorkerFactory } from './workerPool';

export interface BackendComparison {
  backend: BackendName;
  status: 'ok' | 'unavailable' | 'error';
  message?: string;
  loss?: number;
  ms?: number;
  agreement?: Agreement;
}

export const CHECK_SPEC: SimpleCnnSpec = { channels: 8, numClasses: 10, dropout: 0, imageSize: 32 };

/** Runs cpu first (the reference), then the others; `dataset` needs only the images in `indices`. */
export async function compareBackends(
  factory: WorkerFactory,
  dataset: DatasetTransfer,
  indices: Int32Array,
  backends: BackendName[],
  onResult: (r: BackendComparison[]) => void,
): Promise<BackendComparison[]> {
  const weights = initialWeights(CHECK_SPEC, 1234);
  const order: BackendName[] = ['cpu', ...backends.filter((b) => b !== 'cpu')];
  const results: BackendComparison[] = [];
  let reference: LossAndGradients | null = null;
  for (const backend of order) {
    const handle = factory();
    const t0 = performance.now();
    try {
      const init = await handle.api.init({ dataset, forcedBackend: backend });
      if (!init.ok) {
        results.push({ backend, status: 'unavailable', message: init.error.message });
        continue;
      }
      const out = await handle.api.lossAndGradients({ spec: CHECK_SPEC, weights, indices });
      if (!out.ok) {
        results.push({ backend, status: 'error', message: `${out.error.code}: ${out.error.message}` });
        continue;
      }
      reference ??= out.value;
      results.push({
        backend,
        status: 'ok',
        loss: out.value.loss,
        ms: performance.now() - t0,
        agreement: compareToReference(out.value.loss, out.value.gradients, reference.loss, reference.gradients),
      });
    } catch (e) {
      results.push({ backend, status: 'error', message: e instanceof Error ? e.message : String(e) });
    } finally {
      handle.terminate();
      onResult([...results]);
    }
  }
  return results;
}
