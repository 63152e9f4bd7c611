// Loss-landscape plots after Li et al. 2018: a 2D slice L(w + α·d1 + β·d2) over two filter-
// normalised directions on an N×N grid, computed row by row with one readback per row, and the 1D
// linear interpolation between two weight sets. The weights are restored bit for bit at the end.
import * as tf from '@tensorflow/tfjs';
import { makeDirection, type DirectionNormalization } from './filterNormalization';
import { lossAndAccuracy, type ProbeTarget } from './probeTarget';
import { assignOffset, shapesOf, toTensors, withWeightsRestored, type WeightVector } from './weightSpace';

export interface SliceRow {
  /** Row index j: all points of the row share β = coordinates[j]. */
  row: number;
  beta: number;
  /** Loss at α = coordinates[0..N-1]. */
  losses: Float32Array;
  accuracies: Float32Array | null;
}

export interface SliceOptions {
  /** Two raw N(0, 1) directions from drawGaussianDirections. */
  directions: [Float32Array[], Float32Array[]];
  /** Grid points per axis (N); odd puts the origin on the grid. Li et al. use 51. */
  resolution: number;
  /** The grid spans [-range, range] along each direction (Li et al.: 1 with filter normalisation). */
  range: number;
  normalization?: DirectionNormalization;
  onRow?(row: SliceRow): void;
  shouldStop?(): boolean;
  /** Awaited after each row, e.g. a macrotask so a worker can receive a cancel (wasm readbacks never yield). */
  yieldAfterRow?(): Promise<void>;
}

export interface LandscapeSlice {
  resolution: number;
  range: number;
  /** Shared by both axes: range·(2i - (N-1))/(N-1), exactly 0 at the centre of an odd grid. */
  coordinates: number[];
  /** Row-major N×N: losses[j·N + i] = L(w + coordinates[i]·d1 + coordinates[j]·d2). */
  losses: Float32Array;
  accuracies: Float32Array | null;
  durationMs: number;
}

export class ProbeCancelled extends Error {
  readonly code = 'CANCELLED';
  constructor() {
    super('probe was cancelled');
  }
}

export function gridCoordinates(resolution: number, range: number): number[] {
  if (!Number.isInteger(resolution) || resolution < 2 || resolution > 101)
    throw new Error(`Expected resolution to be an integer in 2..101, but got ${resolution}`);
  if (!(range > 0)) throw new Error(`Expected range to be positive, but got ${range}`);
  return Array.from({ length: resolution }, (_, i) => (range * (2 * i - (resolution - 1))) / (resolution - 1));
}

/** Evaluates the target at each offset, stacking [loss, accuracy] pairs on the device for one readback. */
async function evaluateAlong(
  target: ProbeTarget,
  offsets: (() => void)[],
): Promise<{ losses: Float32Array; accuracies: Float32Array | null }> {
  const pairs: tf.Tensor[] = [];
  let hasAccuracy = false;
  for (const moveTo of offsets) {
    moveTo();
    const { loss, accuracy } = lossAndAccuracy(target);
    hasAccuracy = accuracy !== null;
    pairs.push(tf.tidy(() => tf.stack([loss, accuracy ?? tf.scalar(NaN)])));
    tf.dispose(accuracy ? [loss, accuracy] : [loss]);
  }
  const stacked = tf.stack(pairs);
  const values = await stacked.data();
  tf.dispose([stacked, ...pairs]);
  const losses = new Float32Array(offsets.length);
  const accuracies = hasAccuracy ? new Float32Array(offsets.length) : null;
  for (let i = 0; i < offsets.length; i++) {
    losses[i] = values[2 * i];
    if (accuracies) accuracies[i] = values[2 * i + 1];
  }
  return { losses, accuracies };
}

export async function landscapeSlice(target: ProbeTarget, options: SliceOptions): Promise<LandscapeSlice> {
  const { resolution: n, range, normalization = 'filter', onRow, shouldStop } = options;
  const coordinates = gridCoordinates(n, range);
  const started = performance.now();
  return withWeightsRestored(target.weights, async (base) => {
    const d1 = makeDirection(options.directions[0], base, normalization);
    const d2 = makeDirection(options.directions[1], base, normalization);
    try {
      const losses = new Float32Array(n * n);
      let accuracies: Float32Array | null = null;
      for (let j = 0; j < n; j++) {
        if (shouldStop?.()) throw new ProbeCancelled();
        const beta = coordinates[j];
        const row = await evaluateAlong(
          target,
          coordinates.map(
            (alpha) => () =>
              assignOffset(target.weights, base, [
                [alpha, d1],
                [beta, d2],
              ]),
          ),
        );
        losses.set(row.losses, j * n);
        if (row.accuracies) (accuracies ??= new Float32Array(n * n)).set(row.accuracies, j * n);
        onRow?.({ row: j, beta, ...row });
        await options.yieldAfterRow?.();
      }
      return { resolution: n, range, coordinates, losses, accuracies, durationMs: performance.now() - started };
    } finally {
      tf.dispose([...d1, ...d2]);
    }
  });
}

export interface Interpolation {
  alphas: number[];
  losses: Float32Array;
  accuracies: Float32Array | null;
}

/**
 * Loss along the straight line (1 - α)·from + α·to between two weight sets (e.g. initial and
 * trained weights, or two trials' weights), one readback in all. α = 0 gives `from` exactly.
 */
export async function interpolate1d(
  target: ProbeTarget,
  from: Float32Array[],
  to: Float32Array[],
  alphas: number[],
): Promise<Interpolation> {
  if (from.length !== target.weights.length || to.length !== target.weights.length) {
    throw new Error(
      `Expected ${target.weights.length} weight arrays at each end, but got ${from.length} and ${to.length}`,
    );
  }
  return withWeightsRestored(target.weights, async () => {
    const shapes = shapesOf(target.weights);
    const start = toTensors(from, shapes);
    const end = toTensors(to, shapes);
    const delta: WeightVector = tf.tidy(() => end.map((t, i) => tf.sub(t, start[i])));
    try {
      const { losses, accuracies } = await evaluateAlong(
        target,
        alphas.map((alpha) => () => assignOffset(target.weights, start, [[alpha, delta]])),
      );
      return { alphas: alphas.slice(), losses, accuracies };
    } finally {
      tf.dispose([...start, ...end, ...delta]);
    }
  });
}
