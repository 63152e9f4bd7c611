// Largest-Triangle-Three-Buckets downsampling (Steinarsson 2013, "Downsampling Time Series for
// Visual Representation"): keeps the first and last points and, per bucket, the point spanning the
// largest triangle with its neighbours, so spikes (a diverging loss) survive while a chart of 500
// trials draws at most maxPoints per trial.

/** Indices of the points to keep, ascending; every index when n <= maxPoints. */
export function lttbIndices(xs: ArrayLike<number>, ys: ArrayLike<number>, maxPoints: number): number[] {
  const n = xs.length;
  if (ys.length !== n) throw new Error(`Expected xs and ys of equal length, but got ${n} and ${ys.length}`);
  if (!Number.isInteger(maxPoints) || maxPoints < 3)
    throw new Error(`Expected maxPoints to be an integer >= 3, but got ${maxPoints}`);
  if (n <= maxPoints) return Array.from({ length: n }, (_, i) => i);
  const kept = [0];
  // n - 2 inner points in maxPoints - 2 buckets.
  const every = (n - 2) / (maxPoints - 2);
  let a = 0;
  for (let b = 0; b < maxPoints - 2; b++) {
    // 1. The average of the next bucket is the triangle's third corner.
    const nextStart = Math.floor((b + 1) * every) + 1;
    const nextEnd = Math.min(n, Math.floor((b + 2) * every) + 1);
    let avgX = 0;
    let avgY = 0;
    for (let i = nextStart; i < nextEnd; i++) {
      avgX += xs[i];
      avgY += ys[i];
    }
    const count = Math.max(1, nextEnd - nextStart);
    avgX /= count;
    avgY /= count;
    // 2. In this bucket, the point making the largest triangle with the last kept point and that average.
    const start = Math.floor(b * every) + 1;
    const end = Math.floor((b + 1) * every) + 1;
    let best = start;
    let bestArea = -1;
    for (let i = start; i < end; i++) {
      const area = Math.abs((xs[a] - avgX) * (ys[i] - ys[a]) - (xs[a] - xs[i]) * (avgY - ys[a]));
      if (area > bestArea) [best, bestArea] = [i, area];
    }
    kept.push(best);
    a = best;
  }
  kept.push(n - 1);
  return kept;
}

/** The points of a curve thinned to at most maxPoints by LTTB on (x(p), y(p)). */
export function downsampleCurve<P>(
  points: readonly P[],
  maxPoints: number,
  x: (p: P) => number,
  y: (p: P) => number,
): P[] {
  if (points.length <= maxPoints) return points.slice();
  return lttbIndices(points.map(x), points.map(y), maxPoints).map((i) => points[i]);
}
