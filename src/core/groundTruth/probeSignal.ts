// Does a tier-2 probe (sharpness, SAM sharpness, gradient norm, Hessian eigenvalue and trace,
// gradient norm at init) rank configurations by full-fidelity accuracy beyond what the rung's own
// accuracy already says? The partial rank correlation given rung accuracy over the table's
// configurations, with its 95% Fisher-z interval (../stats/fisherInterval.ts).
import { fisherInterval } from '../stats/fisherInterval';
import { spearman } from '../stats/rankCorrelation';
import type { TableHeader } from './learningCurveTable';
import { partialSpearman } from './partialRankCorrelation';
import { probeSignals, readRung } from './rungObservation';
import type { Interval } from './studySummary';
import type { TableConfiguration } from './tableConfigurations';

export const PROBES = [
  'sharpnessMean',
  'sharpnessMax',
  'samSharpness',
  'gradientNorm',
  'topEigenvalue',
  'hessianTrace',
  'initGradientNorm',
] as const;
export type ProbeName = (typeof PROBES)[number];

export interface ProbeSignal {
  probe: ProbeName;
  /** Where the probe and the rung accuracy were read, e.g. "1/27 data x 4 epochs". */
  rung: string;
  dataFraction: number;
  epochs: number;
  /** Configurations with the probe and the rung accuracy (diverged runs have neither). */
  n: number;
  partialSpearman: number;
  ci95: Interval;
  /**
   * The interval that holds for all `tests` probe-rung pairs of the report at once (Bonferroni:
   * each at 1 − 0.05/tests), so that one excluding 0 is not merely the best of many draws.
   */
  ci95Simultaneous: Interval;
  tests: number;
  /** The plain Spearman of the probe and of the rung accuracy with full-fidelity accuracy, for context. */
  spearmanProbe: number;
  spearmanRungAccuracy: number;
}

/** Whether an interval lies wholly on one side of 0. */
export const excludesZero = (ci: Interval) => ci[0] > 0 || ci[1] < 0;

/** Probe-rung pairs with a partial correlation, and those whose single and simultaneous intervals exclude 0. */
export interface ProbeCounts {
  tests: number;
  excludingSingle: number;
  excludingSimultaneous: number;
}

export function probeCounts(signals: readonly ProbeSignal[]): ProbeCounts {
  const tested = signals.filter((p) => Number.isFinite(p.partialSpearman));
  return {
    tests: tested.length,
    excludingSingle: tested.filter((p) => excludesZero(p.ci95)).length,
    excludingSimultaneous: tested.filter((p) => excludesZero(p.ci95Simultaneous)).length,
  };
}

export const rungLabel = (dataFraction: number, epochs: number) =>
  `${dataFraction === 1 ? 'all' : `1/${Math.round(1 / dataFraction)}`} data x ${epochs} epoch${epochs === 1 ? '' : 's'}`;

/** Every low-fidelity rung of the table: each fraction below 1 after all epochs, and fraction 1 after fewer. */
export function probeRungs(header: TableHeader): { dataFraction: number; epochs: number }[] {
  return [
    ...header.fractions.filter((f) => f < 1).map((dataFraction) => ({ dataFraction, epochs: header.epochs })),
    ...Array.from({ length: header.epochs - 1 }, (_, e) => ({ dataFraction: 1, epochs: e + 1 })),
  ];
}

export function probeSignal(header: TableHeader, configs: readonly TableConfiguration[]): ProbeSignal[] {
  const out: Omit<ProbeSignal, 'ci95Simultaneous' | 'tests'>[] = [];
  for (const at of probeRungs(header)) {
    const readings = configs.map((c) => ({ c, r: readRung(header, c, at) }));
    for (const probe of PROBES) {
      const points = readings.flatMap(({ c, r }) => {
        const value = probeSignals(r)?.[probe];
        return r.epoch && typeof value === 'number' && Number.isFinite(value)
          ? [{ x: value, z: r.epoch.valAccuracy, y: c.fullAccuracy }]
          : [];
      });
      if (points.length < 4) continue; // Hessian probes exist at a run's last epoch only
      const partial = partialSpearman(
        points.map((q) => q.x),
        points.map((q) => q.y),
        points.map((q) => q.z),
      );
      out.push({
        probe,
        rung: rungLabel(at.dataFraction, at.epochs),
        ...at,
        n: points.length,
        partialSpearman: partial,
        ci95: fisherInterval(partial, points.length, 1),
        spearmanProbe: spearman(
          points.map((q) => q.x),
          points.map((q) => q.y),
        ),
        spearmanRungAccuracy: spearman(
          points.map((q) => q.z),
          points.map((q) => q.y),
        ),
      });
    }
  }
  const tests = out.filter((p) => Number.isFinite(p.partialSpearman)).length;
  return out.map((p) => ({
    ...p,
    ci95Simultaneous: fisherInterval(p.partialSpearman, p.n, 1, 1 - 0.05 / Math.max(1, tests)),
    tests,
  }));
}
