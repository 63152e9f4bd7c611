// The tuning curve of random search at the table's full fidelity (Lourie et al. 2025, arXiv
// 2510.02721): the table's full-fidelity validation accuracies as the scores, an LD band seeded
// from the table's seed, and the plain-words readout. Validation only: the test field is not read.
import { confidenceBand, tuningCurveSeries } from '../charts/tuningCurveSeries';
import { createRng, deriveSeed } from '../rng';
import { improvementReadout } from '../stats/readout';
import type { TableHeader } from './learningCurveTable';
import type { TableConfiguration } from './tableConfigurations';

export const TABLE_CURVE_CONFIDENCE = 0.8;

export function tableTuningCurve(header: TableHeader, configs: readonly TableConfiguration[]) {
  const scores = configs.map((c) => c.fullAccuracy);
  const band = confidenceBand(
    scores.length,
    TABLE_CURVE_CONFIDENCE,
    'ld',
    createRng(deriveSeed(header.tableSeed, 'tableTuningCurve', scores.length)),
  );
  return {
    scores,
    series: tuningCurveSeries(scores, band),
    readout: improvementReadout(scores, { confidence: TABLE_CURVE_CONFIDENCE, moreTrials: scores.length, band }),
  };
}
