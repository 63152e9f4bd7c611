// A plain-words readout of what more random-search trials could still buy: the upper band of the
// median tuning curve at k = n + m minus the best so far, and a bound on the chance of any gain
// (Lourie, Cho & He, arXiv 2311.09480; Lourie et al. 2025, arXiv 2510.02721).
import type { Rng } from '../rng';
import { cdfBands, dkwBand, ldEqualTailedBand, tuningCurveBands } from './confidenceBands';
import { cdfAt } from './empiricalCdf';

export interface ReadoutOptions {
  /** Simultaneous confidence of the CDF band, e.g. 0.8. */
  confidence: number;
  /** How many more trials, m. */
  moreTrials: number;
  /** Score bounds; default [0, 1], i.e. accuracies, reported in percentage points. */
  a?: number;
  b?: number;
  /** 'ld' (Learned-Miller–DeStefano, tighter in the tail; needs rng) or 'dkw'. Default 'ld'. */
  method?: 'ld' | 'dkw';
  rng?: Rng;
  /** Name of the metric in the text; default 'accuracy'. */
  metric?: string;
}

export interface Readout {
  /** The most the median best of n + m trials exceeds the best so far: points for scores in [0, 1]. */
  upperBound: number;
  /** Best score so far and the upper median-curve band at n + m, in score units. */
  currentBest: number;
  upperScore: number;
  unit: 'points' | 'score';
  /**
   * The band reached the ceiling b, so upperBound is only the distance to b. A CDF band cannot
   * place mass above the best score seen, so this holds once k exceeds about n ln 2 / ln(2/(1 - c))
   * (about n/10 for LD bands, fewer for DKW): in practice always at k = n + m.
   */
  atCeiling: boolean;
  /** Upper bound on P(the m new trials beat the best so far) = 1 - F_lower(best)^m. */
  beatProbability: number;
  text: string;
}

/**
 * "With 80% confidence, 10 more trials would improve the best accuracy by at most X points", when
 * the band can say so; otherwise the bound on the chance of any improvement, which it always can.
 * Both hold simultaneously with the band (confidence over the CDF, not per statement).
 */
export function improvementReadout(scores: readonly number[], options: ReadoutOptions): Readout {
  const { confidence, moreTrials, a = 0, b = 1, method = 'ld', rng, metric = 'accuracy' } = options;
  if (!Number.isInteger(moreTrials) || moreTrials < 0) {
    throw new Error(`Expected moreTrials to be a non-negative integer, but got ${moreTrials}`);
  }
  if (!Number.isFinite(b)) throw new Error(`Expected a finite upper bound b, but got ${b}`);
  const n = scores.length;
  if (n === 0) throw new Error('Expected at least one score, but got none');
  let band;
  if (method === 'dkw') band = dkwBand(n, confidence);
  else if (rng) band = ldEqualTailedBand(n, confidence, rng);
  else throw new Error("Expected an rng for method 'ld' (or pass method: 'dkw')");

  // 1. The brief's bound: upper median-curve band at n + m against the best so far.
  const { upper } = tuningCurveBands(scores, [n + moreTrials], band, { a, b });
  const currentBest = Math.max(...scores);
  const upperScore = upper[0];
  const percent = a >= 0 && b <= 1;
  const scale = percent ? 100 : 1;
  const upperBound = Math.max(0, upperScore - currentBest) * scale;
  const atCeiling = upperScore >= b;

  // 2. The m new trials beat the best iff their max exceeds it: 1 - F(best)^m <= 1 - F_lower(best)^m.
  const lowerCdf = cdfBands(scores, band, { a, b }).lower;
  const beatProbability = 1 - cdfAt(lowerCdf, currentBest) ** moreTrials;

  const conf = `${Math.round(confidence * 1000) / 10}%`;
  const trials = `${moreTrials} more trial${moreTrials === 1 ? '' : 's'}`;
  const best = percent ? `${(currentBest * 100).toFixed(2)}%` : currentBest.toPrecision(4);
  const gain = percent ? `${upperBound.toFixed(2)} points` : upperBound.toPrecision(3);
  const text = atCeiling
    ? `With ${conf} confidence, ${trials} have at most a ${Math.round(beatProbability * 100)}% chance of beating ` +
      `the best ${metric} so far (${best}); ${n} trials cannot bound by how much, short of the ceiling (${gain}).`
    : `With ${conf} confidence, ${trials} would improve the best ${metric} (now ${best}) by at most ${gain} in a median run.`;
  return { upperBound, currentBest, upperScore, unit: percent ? 'points' : 'score', atCeiling, beatProbability, text };
}
