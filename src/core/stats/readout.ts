// A plain-words readout of what m more random-search trials could still buy, from the CDF
// confidence bands (Lourie, Cho & He, arXiv 2311.09480) and the fitted quadratic law near the
// optimum (Lourie, He & Cho 2025, arXiv 2510.02721).
import type { Rng } from '../rng';
import { cdfBands, dkwBand, ldEqualTailedBand, tuningCurveBands, type CdfBand } from './confidenceBands';
import { cdfAt } from './empiricalCdf';
import { fitQuadraticLaw, quadraticExpectedGain, type QuadraticLaw } from './quadraticLaw';

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
  /** A band for n scores computed already (e.g. the one a chart draws); then method and rng are not used. */
  band?: CdfBand;
}

export interface Readout {
  /**
   * Upper median-curve band at k = n + m minus the best so far (points for scores in [0, 1]). A
   * band puts F(max ys) at most 1 - ε (DKW) or ((1 - c)/2)^(1/n) (LD), both below 0.5^(1/k) for
   * every k >= n, so this is always the distance to the ceiling b: a band cannot see past the best.
   */
  upperBound: number;
  currentBest: number;
  unit: 'points' | 'score';
  /** Upper bound, at the band's confidence, on P(the m new trials beat the best so far). */
  beatProbability: number;
  /** Expected gain of the m trials under the fitted quadratic law (same unit); undefined for n < 8. */
  expectedGain: number | undefined;
  /** The fitted law's best achievable score; undefined for n < 8. */
  bestAchievable: number | undefined;
  text: string;
}

/**
 * "With 80% confidence, 10 more trials have at most a 77% chance of beating the best accuracy so
 * far (94.56%); the fitted law expects them to add 0.31 points (best achievable about 95.20%)."
 */
export function improvementReadout(scores: readonly number[], options: ReadoutOptions): Readout {
  const { confidence, moreTrials, a = 0, b = 1, method = 'ld', rng, metric = 'accuracy' } = options;
  if (!Number.isInteger(moreTrials) || moreTrials < 0) {
    throw new Error(`Expected moreTrials to be a non-negative integer, but got ${moreTrials}`);
  }
  if (!Number.isFinite(b)) throw new Error(`Expected a finite upper bound b, but got ${b}`);
  const n = scores.length;
  if (n === 0) throw new Error('Expected at least one score, but got none');
  let band = options.band;
  if (band) {
    if (band.lower.length !== n + 1)
      throw new Error(`Expected a band for n=${n} (${n + 1} entries), but got ${band.lower.length}`);
  } else if (method === 'dkw') band = dkwBand(n, confidence);
  else if (rng) band = ldEqualTailedBand(n, confidence, rng);
  else throw new Error("Expected an rng for method 'ld' (or pass method: 'dkw')");

  const currentBest = Math.max(...scores);
  const percent = a >= 0 && b <= 1;
  const scale = percent ? 100 : 1;

  // 1. Upper median-curve band at n + m against the best so far.
  const [upperScore] = tuningCurveBands(scores, [n + moreTrials], band, { a, b }).upper;
  const upperBound = Math.max(0, upperScore - currentBest) * scale;

  // 2. The m new trials beat the best iff their max exceeds it: 1 - F(best)^m <= 1 - F_lower(best)^m.
  const beatProbability = 1 - cdfAt(cdfBands(scores, band, { a, b }).lower, currentBest) ** moreTrials;

  // 3. How much, which no band can say: the quadratic law fitted to the top half of the scores.
  let law: QuadraticLaw | undefined;
  try {
    if (n >= 8) law = fitQuadraticLaw(scores, { bMax: b });
  } catch {
    law = undefined; // too many ties at the top to fit a tail
  }
  const expectedGain = law ? quadraticExpectedGain(law, currentBest, moreTrials) * scale : undefined;

  const format = (score: number): string => (percent ? `${(score * 100).toFixed(2)}%` : score.toPrecision(4));
  const formatGain = (gain: number): string => (percent ? `${gain.toFixed(2)} points` : gain.toPrecision(3));
  const conf = `${Math.round(confidence * 1000) / 10}%`;
  const trials = `${moreTrials} more trial${moreTrials === 1 ? '' : 's'}`;
  const chance =
    `With ${conf} confidence, ${trials} ${moreTrials === 1 ? 'has' : 'have'} at most a ` +
    `${Math.round(beatProbability * 100)}% chance of beating the best ${metric} so far (${format(currentBest)})`;
  const size = law
    ? `; the fitted law expects them to add ${formatGain(expectedGain ?? 0)} (best achievable about ${format(law.b)}).`
    : `; ${n} trials are too few to estimate by how much.`;
  return {
    upperBound,
    currentBest,
    unit: percent ? 'points' : 'score',
    beatProbability,
    expectedGain,
    bestAchievable: law?.b,
    text: chance + size,
  };
}
