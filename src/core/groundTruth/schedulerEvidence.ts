// What the page says about tier 1 beside the scheduler choice: each scheduler's regret against random
// search at its own compute on the ground-truth table (./equalComputeReport), with the interval over
// resampled tables, the one that decides whether the scheduler saves compute; and how often it picks
// the pool's best (./poolBest), with the table's values and under seed noise (./seedNoise).
import type { EqualComputeReport } from './equalComputeReport';
import { P_BEST_DEFINITION } from './poolBest';
import { COMPUTE_UNIT_BRIEF } from './replayCost';
import type { RuleReport } from './ruleReport';

/** A scheduler keeps its P(best) under seed noise when it reaches this share of the table-best ceiling. */
export const KEEPS_SHARE = 0.9;

export interface SchedulerEvidence {
  scheduler: string;
  poolSize: number;
  /** Studies replayed. */
  studies?: number;
  /** Compute as a share of training the whole pool fully, in `computeUnit`. */
  computeFraction: number;
  computeUnit?: string;
  /** Mean over studies of (scheduler - random search at the same compute) regret, in accuracy points. */
  regretDiffPts: number;
  /** 95% interval over resampled tables of configurations; null when the replay made none. */
  tableCi95: [number, number] | null;
  /** Share of studies picking the pool's best (pBestDefinition), with its 95% interval over studies. */
  pBest?: number;
  pBestCi95?: [number, number];
  pBestDefinition?: string;
  /** P(best) under seed noise, the ceiling a pick read off the table can reach, and the SD used. */
  underSeedNoise?: { pBest: number; tableBestPBest: number; seedSdPts: number; keeps: boolean } | null;
}

export function schedulerEvidence(
  reports: readonly EqualComputeReport[],
  rules: readonly RuleReport[] = [],
): SchedulerEvidence[] {
  return reports.map((r) => {
    const own = rules.find((x) => x.rule === 'accuracy' && x.scheduler === r.scheduler && x.poolSize === r.poolSize);
    const noisy = own?.underSeedNoise;
    return {
      scheduler: r.scheduler,
      poolSize: r.poolSize,
      studies: r.studies,
      computeFraction: own?.computeFraction ?? r.computeFraction,
      computeUnit: r.computeUnit,
      regretDiffPts: r.schedulerMinusRandom.meanRegretDiffPts,
      tableCi95: r.tableBootstrap ? r.tableBootstrap.meanRegretDiffPts : null,
      ...(own ? { pBest: own.pBest, pBestCi95: own.ci95.pBest, pBestDefinition: own.pBestDefinition } : {}),
      underSeedNoise: noisy
        ? {
            pBest: noisy.pBest,
            tableBestPBest: noisy.tableBestPBest,
            seedSdPts: noisy.seedSdPts,
            keeps: noisy.keptShare >= KEEPS_SHARE,
          }
        : null,
    };
  });
}

export type SchedulerVerdict = 'better' | 'worse' | 'not distinguishable';

/**
 * The rows the page judges schedulers by: the smallest pool's, those with an interval over
 * resampled tables. One row per scheduler, so every panel gives a scheduler the same verdict.
 */
export function judgedEvidence(evidence: readonly SchedulerEvidence[]): SchedulerEvidence[] {
  if (evidence.length === 0) return [];
  const pool = Math.min(...evidence.map((e) => e.poolSize));
  return evidence.filter((e) => e.poolSize === pool && e.tableCi95);
}

/** A scheduler against random search at its compute: decided by the 95% interval over resampled tables. */
export function verdictOf(e: SchedulerEvidence): SchedulerVerdict | null {
  if (!e.tableCi95) return null;
  const [lo, hi] = e.tableCi95;
  return hi < 0 ? 'better' : lo > 0 ? 'worse' : 'not distinguishable';
}

/** Each judged scheduler's verdict, with the pool and interval it rests on: what every panel shows for it. */
export function schedulerVerdicts(
  evidence: readonly SchedulerEvidence[],
): Map<string, { verdict: SchedulerVerdict; poolSize: number; tableCi95: [number, number] }> {
  return new Map(
    judgedEvidence(evidence).map((e) => [
      e.scheduler,
      { verdict: verdictOf(e)!, poolSize: e.poolSize, tableCi95: e.tableCi95! },
    ]),
  );
}

/** What "95% interval over resampled tables" means, in one sentence, for every panel that shows a verdict. */
export const TABLE_INTERVAL_MEANING =
  'The 95% interval is over resampled tables: the table of configurations is drawn again with replacement, so it shows how far the verdict could move on another set of configurations; a scheduler is better (or worse) only when the whole interval lies below (or above) 0.';

const NAMES: Record<string, string> = {
  successiveHalving: 'successive halving over data fractions',
  successiveHalvingEpochs: 'successive halving over epochs',
  hyperband: 'Hyperband',
  twoStep: 'two-step',
};
const pts = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(1)}`;
const pct = (x: number) => `${Math.round(100 * x)}%`;

/** The smallest pool's figures as a sentence per scheduler; empty where the file has none. */
export function schedulerEvidenceText(
  evidence: readonly SchedulerEvidence[],
  tableConfigurations: number,
  fullFidelity: string,
): string {
  const rows = judgedEvidence(evidence);
  if (rows.length === 0) return '';
  const pool = rows[0].poolSize;
  const line = (e: SchedulerEvidence) => {
    const [lo, hi] = e.tableCi95!;
    const verdict = verdictOf(e);
    const noisy = e.underSeedNoise;
    return (
      `${NAMES[e.scheduler] ?? e.scheduler}: ${verdict}, ${pts(e.regretDiffPts)} points of regret ` +
      `[${pts(lo)}, ${pts(hi)}] at ${pct(e.computeFraction)} of the compute` +
      (e.pBest !== undefined ? `, P(best) ${pct(e.pBest)}` : '') +
      (noisy ? `, ${pct(noisy.pBest)} under seed noise (at most ${pct(noisy.tableBestPBest)})` : '')
    );
  };
  const studies = rows[0].studies;
  const noisy = rows.filter((e) => e.underSeedNoise);
  const keep = noisy.filter((e) => e.underSeedNoise!.keeps).map((e) => NAMES[e.scheduler] ?? e.scheduler);
  const definitions = [
    rows.some((e) => e.pBest !== undefined) ? `P(best) is the ${rows[0].pBestDefinition ?? P_BEST_DEFINITION}.` : '',
    noisy.length > 0
      ? `Under seed noise each pool's best is a distribution (per-run SD ${noisy[0].underSeedNoise!.seedSdPts.toFixed(2)} points, measured on the table's repeats); ` +
        `"at most" is what picking the table's own best of the pool would score. ` +
        (keep.length > 0
          ? `Keeping ${pct(KEEPS_SHARE)} of that under noise: ${keep.join(', ')}.`
          : `None keeps ${pct(KEEPS_SHARE)} of that under noise.`)
      : '',
    rows[0].computeUnit ? `Compute is counted in ${COMPUTE_UNIT_BRIEF}, the same for random search.` : '',
  ];
  return [
    `Against random search that spends the same compute on full runs, replayed on the ground-truth table ` +
      `(${tableConfigurations} configurations, ${pool} per study${studies ? `, ${studies.toLocaleString('en-US')} studies` : ''}, ` +
      `full = ${fullFidelity}; 95% intervals over resampled tables): ${rows.map(line).join('; ')}.`,
    ...definitions,
  ]
    .filter(Boolean)
    .join(' ');
}
