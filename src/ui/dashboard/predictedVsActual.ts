// The points of the predicted-versus-actual chart: each audited configuration's full-fidelity
// accuracy against the meta-model's nested leave-one-out prediction and interval (../../orchestrator/audit).
// A diverged full run scores chance, as in the audit's metrics; a failed one has no point.
import { paddedDomain } from '../../core/charts/chartScale';
import type { AuditConfigRow } from '../../orchestrator/audit';

export interface PredictedPoint {
  configId: number;
  actual: number;
  predicted: number;
  lower: number;
  upper: number;
  inside: boolean;
  diverged: boolean;
  model: string;
}

export function predictedVsActualPoints(rows: readonly AuditConfigRow[], numClasses = 10): PredictedPoint[] {
  const out: PredictedPoint[] = [];
  for (const r of rows) {
    if (!r.metaModel || r.fullStatus === 'failed') continue;
    const actual = r.fullStatus === 'diverged' ? 1 / numClasses : r.fullFidelityAccuracy;
    if (actual === null) continue;
    const { mean, lower, upper, model } = r.metaModel;
    out.push({
      configId: r.configId,
      actual,
      predicted: mean,
      lower,
      upper,
      inside: actual >= lower && actual <= upper,
      diverged: r.fullStatus === 'diverged',
      model,
    });
  }
  return out;
}

/** One domain for both axes, so y = x is the diagonal: every value and whisker inside, within [0, 1]. */
export function sharedDomain(points: readonly PredictedPoint[]): [number, number] {
  const [lo, hi] = paddedDomain(
    points.flatMap((p) => [p.actual, p.predicted, p.lower, p.upper]),
    { pad: 0.06 },
  );
  return [Math.max(0, lo), Math.min(1, hi)];
}
