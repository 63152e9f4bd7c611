// What the page says about tier 1 beside the scheduler choice: each scheduler's regret against random
// search at its own compute on the ground-truth table (./equalComputeReport), with the interval over
// resampled tables, the one that decides whether the scheduler saves compute.
import type { EqualComputeReport } from './equalComputeReport';

export interface SchedulerEvidence {
  scheduler: string;
  poolSize: number;
  /** Compute as a share of training the whole pool fully. */
  computeFraction: number;
  /** Mean over studies of (scheduler - random search at the same compute) regret, in accuracy points. */
  regretDiffPts: number;
  /** 95% interval over resampled tables of configurations; null when the replay made none. */
  tableCi95: [number, number] | null;
}

export function schedulerEvidence(reports: readonly EqualComputeReport[]): SchedulerEvidence[] {
  return reports.map((r) => ({
    scheduler: r.scheduler,
    poolSize: r.poolSize,
    computeFraction: r.computeFraction,
    regretDiffPts: r.schedulerMinusRandom.meanRegretDiffPts,
    tableCi95: r.tableBootstrap ? r.tableBootstrap.meanRegretDiffPts : null,
  }));
}

const NAMES: Record<string, string> = {
  successiveHalving: 'successive halving over data fractions',
  successiveHalvingEpochs: 'successive halving over epochs',
  hyperband: 'Hyperband',
  twoStep: 'two-step',
};
const pts = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(1)}`;

/** The smallest pool's figures as a sentence per scheduler; empty where the file has none. */
export function schedulerEvidenceText(
  evidence: readonly SchedulerEvidence[],
  tableConfigurations: number,
  fullFidelity: string,
): string {
  const pool = Math.min(...evidence.map((e) => e.poolSize));
  const rows = evidence.filter((e) => e.poolSize === pool && e.tableCi95);
  if (rows.length === 0) return '';
  const line = (e: SchedulerEvidence) => {
    const [lo, hi] = e.tableCi95!;
    const verdict = hi < 0 ? 'better' : lo > 0 ? 'worse' : 'not distinguishable';
    return (
      `${NAMES[e.scheduler] ?? e.scheduler}: ${verdict}, ${pts(e.regretDiffPts)} points of regret ` +
      `[${pts(lo)}, ${pts(hi)}] at ${Math.round(100 * e.computeFraction)}% of the compute`
    );
  };
  return (
    `Against random search that spends the same compute on full runs, replayed on the ground-truth table ` +
    `(${tableConfigurations} configurations, ${pool} per study, full = ${fullFidelity}; 95% intervals over ` +
    `resampled tables): ${rows.map(line).join('; ')}.`
  );
}
