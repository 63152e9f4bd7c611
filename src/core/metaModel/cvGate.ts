// The guard on meta-model promotion: where the model may overrule a rung's own accuracy. The CV
// gate lets it decide only where, out of fold on earlier studies at the rung's resource, it ranked
// configurations better than their own accuracy did, confirmed by a paired bootstrap (Efron &
// Tibshirani 1993).
import { createRng } from '../rng';
import { spearman } from '../stats/rankCorrelation';
import type { MetaExample } from './memory';
import type { OutOfFoldRow, PromotionModel } from './promotionModel';

/**
 * When the model may overrule a rung's own accuracy (scheduler.promotionGuard; bench/promotionReplay.ts
 * compares them on saved runs):
 * - 'none': every rung, once it has minExamples examples;
 * - 'count': only where at least minExamples examples were seen at the rung's own resource;
 * - 'cvGate' (default): as 'count', and only if, out of fold on those examples, the model's
 *   predictions rank them by full-fidelity accuracy better (Spearman) than their own accuracy at
 *   that resource does. A model that cannot beat the rung's own measurement on earlier studies
 *   does not overrule it.
 * The default is SCHEDULER_DEFAULTS.promotionGuard (../study/schedulerDefaults).
 */

const sameResource = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, b);

export interface Gate {
  rows: number;
  /** Out-of-fold Spearman of the model's predictions, and of the rows' own accuracy, with full-fidelity accuracy. */
  model: number;
  accuracy: number;
  /** Share of paired bootstrap resamples of the rows in which the model's Spearman beat accuracy's. */
  confidence: number;
}

/** Paired bootstrap resamples behind Gate.confidence, and the share the model must win to decide. */
export const GATE_RESAMPLES = 400;
export const GATE_CONFIDENCE = 0.8;

/**
 * The CV gate's evidence at one resource: out-of-fold rank correlations of the model and of raw
 * accuracy, and how often the model wins over paired bootstrap resamples of those rows (Efron &
 * Tibshirani 1993): a lead that a handful of configurations produced by luck does not count.
 * Null with fewer than 3 rows.
 */
export function gateAtResource(model: PromotionModel, resource: number, seed: number): Gate | null {
  const rows = model.outOfFold.filter((r) => sameResource(r.resource, resource));
  if (rows.length < 3) return null;
  const rhos = (sample: readonly OutOfFoldRow[]) => {
    const target = sample.map((r) => r.target);
    return {
      model: spearman(
        sample.map((r) => r.predicted),
        target,
      ),
      accuracy: spearman(
        sample.map((r) => r.accuracy),
        target,
      ),
    };
  };
  const rng = createRng(seed);
  let wins = 0;
  for (let b = 0; b < GATE_RESAMPLES; b++) {
    const r = rhos(Array.from({ length: rows.length }, () => rows[rng.nextInt(rows.length)]));
    // A resample with a constant column has an undefined correlation: the other side wins it.
    if ((Number.isNaN(r.accuracy) && !Number.isNaN(r.model)) || r.model > r.accuracy) wins++;
  }
  return { rows: rows.length, ...rhos(rows), confidence: wins / GATE_RESAMPLES };
}

/** How many examples were observed at `resource` (within rounding). */
export function examplesAtResource(examples: readonly MetaExample[], resource: number): number {
  return examples.filter((e) => e.observations.some((o) => sameResource(o.resource, resource))).length;
}
