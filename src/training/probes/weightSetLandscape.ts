// Loss-landscape plots of weights that arrive as plain arrays (a finished trial's returned
// weights): Li et al. 2018's filter-normalised 2D slice, and the 1D linear path between two weight
// sets (Goodfellow et al. 2015). What the worker runs for the landscape panel; all tensors are disposed.
import * as tf from '@tensorflow/tfjs';
import type { LabelledImages } from '../batches';
import { createSimpleCnn, type SimpleCnn } from '../simpleCnn';
import { type SimpleCnnSpec } from '../simpleCnnSpec';
import { buildProbeSet, simpleCnnProbeTarget } from './cnnProbeTarget';
import { drawGaussianDirections } from './filterNormalization';
import { interpolate1d, landscapeSlice } from './landscapeSlice';
import { shapesOf } from './weightSpace';

export interface SliceRequest {
  spec: SimpleCnnSpec;
  /** Trainable weights, then (with batch norm) the running statistics, as trainTrial returns them. */
  weights: Float32Array[];
  /** The probe set the loss is measured on. */
  indices: Int32Array;
  /** Grid points per axis, 11..51 (odd: the trained weights sit on the centre point). */
  resolution: number;
  /** The grid spans [-range, range] along each direction, in units of the filter norms. */
  range: number;
  /** Seeds the two directions: the same seed gives every trial of a study the same directions. */
  seed: number;
  normalization: 'filter';
}

export interface SliceRowUpdate {
  rowIndex: number;
  losses: number[];
  accuracies: number[];
}

export interface SliceResult {
  /** losses[j][i] = L(w + α_i·d1 + β_j·d2), α and β both in coordinates order (-range..range). */
  losses: number[][];
  accuracies: number[][];
  ms: number;
  /** Forward images per second over the whole grid. */
  imagesPerSecond: number;
}

export interface InterpolationRequest {
  spec: SimpleCnnSpec;
  /** Trainable weights at α = 0 (buffers, if any, are ignored: the path keeps `to`'s batch-norm statistics). */
  from: Float32Array[];
  /** Weights at α = 1, with batch-norm running statistics after the trainable ones. */
  to: Float32Array[];
  alphas: number[];
  indices: Int32Array;
}

export interface InterpolationResult {
  alphas: number[];
  losses: number[];
  accuracies: number[];
}

/** A model holding the given weights, batch-norm running statistics included. */
export function modelFromWeights(spec: SimpleCnnSpec, weights: Float32Array[]): SimpleCnn {
  const model = createSimpleCnn(spec, weights);
  const n = model.weights.length;
  if (weights.length !== n && weights.length !== n + model.buffers.length) {
    model.dispose();
    throw new Error(
      `Expected ${n} or ${n + model.buffers.length} weight arrays for this network, but got ${weights.length}`,
    );
  }
  if (weights.length > n) tf.tidy(() => model.buffers.forEach((b, i) => b.assign(tf.tensor(weights[n + i], b.shape))));
  return model;
}

async function withProbeModel<T>(
  data: LabelledImages,
  spec: SimpleCnnSpec,
  weights: Float32Array[],
  indices: Int32Array,
  body: (model: SimpleCnn, target: ReturnType<typeof simpleCnnProbeTarget>, count: number) => Promise<T>,
): Promise<T> {
  const model = modelFromWeights(spec, weights);
  const probeSet = buildProbeSet(data, indices, spec.numClasses);
  try {
    return await body(model, simpleCnnProbeTarget(model, probeSet), probeSet.count);
  } finally {
    probeSet.dispose();
    model.dispose();
  }
}

const yieldAfterRow = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function computeSlice(
  data: LabelledImages,
  request: SliceRequest,
  onRow: (row: SliceRowUpdate) => void,
  shouldStop?: () => boolean,
): Promise<SliceResult> {
  const { resolution, range } = request;
  if (!Number.isInteger(resolution) || resolution < 11 || resolution > 51)
    throw new Error(`Expected resolution to be an integer in 11..51, but got ${resolution}`);
  if (!(range > 0 && range <= 10)) throw new Error(`Expected range in (0, 10], but got ${range}`);
  return withProbeModel(data, request.spec, request.weights, request.indices, async (model, target, count) => {
    const directions = drawGaussianDirections(shapesOf(model.weights), 2, request.seed);
    const slice = await landscapeSlice(target, {
      directions: [directions[0], directions[1]],
      resolution,
      range,
      normalization: request.normalization,
      shouldStop,
      yieldAfterRow,
      onRow: (row) =>
        onRow({
          rowIndex: row.row,
          losses: Array.from(row.losses),
          accuracies: row.accuracies ? Array.from(row.accuracies) : [],
        }),
    });
    const rows = (values: Float32Array | null) =>
      Array.from({ length: resolution }, (_, j) =>
        values ? Array.from(values.subarray(j * resolution, (j + 1) * resolution)) : [],
      );
    return {
      losses: rows(slice.losses),
      accuracies: rows(slice.accuracies),
      ms: slice.durationMs,
      imagesPerSecond: (resolution * resolution * count) / (slice.durationMs / 1000 || 1e-9),
    };
  });
}

export async function interpolateWeights(
  data: LabelledImages,
  request: InterpolationRequest,
): Promise<InterpolationResult> {
  return withProbeModel(data, request.spec, request.to, request.indices, async (model, target) => {
    const n = model.weights.length;
    const path = await interpolate1d(target, request.from.slice(0, n), request.to.slice(0, n), request.alphas);
    return {
      alphas: path.alphas,
      losses: Array.from(path.losses),
      accuracies: path.accuracies ? Array.from(path.accuracies) : [],
    };
  });
}
