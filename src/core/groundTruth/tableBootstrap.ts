// How much the figures depend on which configurations the table happens to hold: a bootstrap over
// configurations (Efron & Tibshirani 1993), resampling the table's configurations with replacement
// and replaying studies on each resampled table. Intervals over simulated studies alone shrink with
// the number of studies; these do not, so they are the ones to read before changing a default.
// Meta-model rules are left out: each resampled table would need hundreds of model fits.
import { createRng, deriveSeed, type Rng } from '../rng';
import type { LearningCurveTable } from './learningCurveTable';
import type { ReplaySchedulerName } from './replayPlans';
import { usesMetaModel, type PromotionRuleName } from './replayPromotion';
import { simulateRule, type SimulationSettings } from './simulateStudies';
import { outcomeFigures, quantile, type FigureIntervals, type Interval, type OutcomeFigures } from './studySummary';
import type { TableConfiguration } from './tableConfigurations';

export interface TableBootstrap {
  /** Resampled tables, and studies replayed on each. */
  tables: number;
  studiesPerTable: number;
  ci95: FigureIntervals;
  /** Mean paired regret difference from accuracy promotion (same resampled tables and pools). */
  meanRegretDiffPts: Interval | null;
}

/** n configurations drawn with replacement; a repeat gets its own id, so a pool may hold a configuration twice. */
export function resampleConfigurations(configs: readonly TableConfiguration[], rng: Rng): TableConfiguration[] {
  const seen = new Map<string, number>();
  return configs.map(() => {
    const c = configs[rng.nextInt(configs.length)];
    const k = (seen.get(c.configId) ?? 0) + 1;
    seen.set(c.configId, k);
    return k === 1 ? c : { ...c, configId: `${c.configId}~${k}` };
  });
}

const mean = (xs: readonly number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
const interval = (values: number[]): Interval => {
  const finite = values.filter((v) => !Number.isNaN(v));
  return [quantile(finite, 0.025), quantile(finite, 0.975)];
};

export function tableBootstrap(
  table: LearningCurveTable,
  configs: readonly TableConfiguration[],
  scheduler: ReplaySchedulerName,
  rule: PromotionRuleName,
  poolSize: number,
  s: SimulationSettings,
  tables: number,
  studiesPerTable: number,
): TableBootstrap | null {
  if (usesMetaModel(rule) || tables < 1) return null;
  const rng = createRng(deriveSeed(s.seed, 'tableBootstrap', scheduler, rule, poolSize));
  const figures: OutcomeFigures[] = [];
  const diffs: number[] = [];
  for (let b = 0; b < tables; b++) {
    const resampled = resampleConfigurations(configs, rng);
    const settings = { ...s, seed: deriveSeed(s.seed, 'tableBootstrap', b), studies: studiesPerTable };
    const run = simulateRule(table, resampled, scheduler, rule, poolSize, settings, studiesPerTable);
    figures.push(outcomeFigures(run.outcomes));
    if (rule !== 'accuracy') {
      const base = simulateRule(table, resampled, scheduler, 'accuracy', poolSize, settings, studiesPerTable);
      diffs.push(mean(run.outcomes.map((o, k) => o.regretPts - base.outcomes[k].regretPts)));
    }
  }
  const keys: (keyof OutcomeFigures)[] = ['medianRegretPts', 'p90RegretPts', 'pBest', 'spearman', 'computeFraction'];
  return {
    tables,
    studiesPerTable,
    ci95: Object.fromEntries(keys.map((k) => [k, interval(figures.map((f) => f[k]))])) as FigureIntervals,
    meanRegretDiffPts: rule === 'accuracy' ? null : interval(diffs),
  };
}
