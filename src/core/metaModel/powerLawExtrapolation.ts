// A configuration's validation accuracy extrapolated to the full budget along a power-law learning
// curve, error(r) = c * r^(-alpha) in the resource r (data fraction x epochs as a share of the full
// budget): "Deep learning scaling is predictable, empirically" (Hestness et al. 2017), fitted by
// least squares in log-log space over the configuration's own rungs. It needs no examples and no
// probes, so unlike the meta-model it can decide from the second rung of the first study.

export interface ResourceAccuracy {
  resource: number;
  /** Validation accuracy in [0, 1]; null where the trial diverged. */
  accuracy: number | null;
}

export interface ExtrapolationOptions {
  /** The budget to extrapolate to, as a share of the full budget. Default 1. */
  target?: number;
  /** Accuracy of guessing: a curve at or below chance (+ margin) is not learning, and is not extrapolated. */
  chance?: number;
  /** Largest exponent believed: error falls at most as r^-maxAlpha (Hestness et al. report 0.07-0.35 for data). */
  maxAlpha?: number;
}

const CHANCE_MARGIN = 0.02;
const ERROR_FLOOR = 1e-3;

/**
 * The predicted accuracy at `target`, or null where the curve cannot say more than its last point:
 * fewer than two distinct resources, a diverged or chance-level point, or a resource outside (0, target].
 * The exponent is clamped to [0, maxAlpha], so more budget never lowers the prediction below the last point.
 */
export function extrapolateAccuracy(
  points: readonly ResourceAccuracy[],
  options: ExtrapolationOptions = {},
): number | null {
  const { target = 1, chance = 0.1, maxAlpha = 1 } = options;
  if (points.length < 2) return null;
  if (points.some((p) => p.accuracy === null || !(p.resource > 0 && p.resource <= target))) return null;
  if (points.some((p) => p.accuracy! <= chance + CHANCE_MARGIN)) return null;
  const xs = points.map((p) => Math.log(p.resource));
  const ys = points.map((p) => Math.log(Math.max(1 - p.accuracy!, ERROR_FLOOR)));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxx += (xs[i] - mx) ** 2;
    sxy += (xs[i] - mx) * (ys[i] - my);
  }
  if (sxx < 1e-12) return null;
  const alpha = Math.min(maxAlpha, Math.max(0, -sxy / sxx));
  // Through the last (largest-resource) point, so a clamped exponent leaves that point exact.
  const last = points.reduce((a, b) => (b.resource > a.resource ? b : a));
  const lastError = Math.max(1 - last.accuracy!, ERROR_FLOOR);
  const error = lastError * (target / last.resource) ** -alpha;
  return 1 - error;
}
