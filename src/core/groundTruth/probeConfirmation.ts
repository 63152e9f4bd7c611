// Data splitting for the probes (Cox 1975, "A note on data-splitting for the evaluation of
// significance levels", Biometrika 62(2)): with 36 probe-rung pairs, some single intervals exclude 0
// by chance. So the leads are chosen on the first configurations of the table (a space-filling
// prefix of the Halton order) and tested only on the configurations that chose nothing, with one
// Bonferroni interval per lead. A lead that keeps its sign there, its interval clear of 0, is
// evidence; one picked and confirmed on the same configurations is not.
import { fisherInterval } from '../stats/fisherInterval';
import type { TableHeader } from './learningCurveTable';
import { excludesZero, probeSignal, type ProbeName } from './probeSignal';
import type { Interval } from './studySummary';
import type { TableConfiguration } from './tableConfigurations';

export interface ProbeLead {
  probe: ProbeName;
  rung: string;
  explore: { n: number; partialSpearman: number; ci95: Interval };
  /** On the held-out configurations; the interval is at 1 − 0.05/leads, so all leads hold at once. */
  confirm: { n: number; partialSpearman: number; ci95Simultaneous: Interval } | null;
  confirmed: boolean;
}

export interface ProbeConfirmation {
  exploreConfigs: string[];
  confirmConfigs: string[];
  leads: ProbeLead[];
}

const byHaltonIndex = (a: TableConfiguration, b: TableConfiguration) =>
  a.configId.localeCompare(b.configId, 'en', { numeric: true });

/** Leads from the first `exploreShare` of the configurations (by id), tested on the rest. */
export function probeConfirmation(
  header: TableHeader,
  configs: readonly TableConfiguration[],
  exploreShare = 0.5,
): ProbeConfirmation {
  const ordered = [...configs].sort(byHaltonIndex);
  const cut = Math.round(ordered.length * exploreShare);
  const explore = ordered.slice(0, cut);
  const confirm = ordered.slice(cut);
  const picked = probeSignal(header, explore).filter((p) => Number.isFinite(p.partialSpearman) && excludesZero(p.ci95));
  const held = probeSignal(header, confirm);
  const leads = picked.map((p): ProbeLead => {
    const q = held.find((h) => h.probe === p.probe && h.rung === p.rung && Number.isFinite(h.partialSpearman));
    const confirm = q
      ? {
          n: q.n,
          partialSpearman: q.partialSpearman,
          ci95Simultaneous: fisherInterval(q.partialSpearman, q.n, 1, 1 - 0.05 / picked.length),
        }
      : null;
    return {
      probe: p.probe,
      rung: p.rung,
      explore: { n: p.n, partialSpearman: p.partialSpearman, ci95: p.ci95 },
      confirm,
      confirmed:
        confirm !== null &&
        excludesZero(confirm.ci95Simultaneous) &&
        Math.sign(confirm.partialSpearman) === Math.sign(p.partialSpearman),
    };
  });
  return { exploreConfigs: explore.map((c) => c.configId), confirmConfigs: confirm.map((c) => c.configId), leads };
}
