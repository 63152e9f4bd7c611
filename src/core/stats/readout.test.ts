// Tests for readout.ts: on the opda reference scores the DKW band is known (notes/anchors.md), so the
// chance of beating the best is 1 - (1 - ε)^m by hand; that bound's coverage by simulation; the
// law-based gain against samples of a known law; text and units by hand.
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { dkwEpsilon } from './confidenceBands';
import { OPDA_DKW_UPPER, OPDA_SCORES } from './opdaReference.fixture';
import { fitQuadraticLaw, quadraticExpectedGain, quadraticPpf } from './quadraticLaw';
import { improvementReadout } from './readout';

describe('improvementReadout', () => {
  it('reads the opda reference scores', () => {
    const readout = improvementReadout(OPDA_SCORES, { confidence: 0.8, moreTrials: 10, method: 'dkw' });
    expect(readout.currentBest).toBe(0.9456);
    // The upper median-curve band at k = 42 sits on the ceiling, as it already does at k = 4.
    expect(OPDA_DKW_UPPER[3]).toBe(1);
    expect(readout.upperBound).toBeCloseTo(5.44, 10);
    // F_lower(best) = 1 - ε for DKW.
    expect(readout.beatProbability).toBeCloseTo(1 - (1 - dkwEpsilon(32, 0.8)) ** 10, 12);
    const law = fitQuadraticLaw(OPDA_SCORES, { bMax: 1 });
    expect(readout.bestAchievable).toBe(law.b);
    expect(readout.expectedGain).toBeCloseTo(quadraticExpectedGain(law, 0.9456, 10) * 100, 10);
    expect(readout.text).toBe(
      `With 80% confidence, 10 more trials have at most a 88% chance of beating the best accuracy so far (94.56%); ` +
        `the fitted law expects them to add ${readout.expectedGain?.toFixed(2)} points ` +
        `(best achievable about ${(law.b * 100).toFixed(2)}%).`,
    );
  });

  it('keeps the band bound at the ceiling for every n, as its doc comment proves', () => {
    for (const n of [5, 50, 400]) {
      const rng = createRng(n);
      const scores = Array.from({ length: n }, () => 0.5 + 0.3 * rng.next());
      const readout = improvementReadout(scores, { confidence: 0.8, moreTrials: 1, method: 'dkw' });
      expect(readout.upperBound).toBeCloseTo((1 - readout.currentBest) * 100, 10);
    }
  });

  it('bounds the chance of beating the best at least as often as the confidence', () => {
    // Uniform scores: the true chance that m more trials beat the best of n is 1 - best^m. Seven
    // scores keep the law fit (n >= 8) out of this loop.
    const rng = createRng(4);
    let covered = 0;
    const runs = 300;
    for (let run = 0; run < runs; run++) {
      const scores = Array.from({ length: 7 }, () => rng.next());
      const readout = improvementReadout(scores, { confidence: 0.8, moreTrials: 5, method: 'dkw' });
      if (1 - readout.currentBest ** 5 <= readout.beatProbability) covered++;
    }
    expect(covered / runs).toBeGreaterThan(0.8 - 3 * Math.sqrt(0.16 / runs));
  });

  it('estimates the gain close to the truth when the scores follow the law', () => {
    const law = { a: 0.6, b: 0.93, c: 3 };
    const rng = createRng(12);
    const scores = Array.from({ length: 300 }, () => quadraticPpf(law, rng.next()));
    const readout = improvementReadout(scores, { confidence: 0.8, moreTrials: 100, method: 'dkw' });
    const truth = quadraticExpectedGain(law, readout.currentBest, 100) * 100;
    expect(Math.abs((readout.expectedGain ?? NaN) - truth)).toBeLessThan(0.3); // points
    expect(Math.abs((readout.bestAchievable ?? NaN) - law.b)).toBeLessThan(0.02);
  });

  it('reports score units outside [0, 1], and says so when too few trials to fit', () => {
    const losses = [-2.5, -2.1, -1.9, -1.8, -1.2];
    const readout = improvementReadout(losses, {
      confidence: 0.5,
      moreTrials: 1,
      a: -3,
      b: -1,
      method: 'dkw',
      metric: 'negative loss',
    });
    expect(readout.unit).toBe('score');
    expect(readout.upperBound).toBeCloseTo(0.2, 12);
    expect(readout.expectedGain).toBeUndefined();
    expect(readout.text).toBe(
      'With 50% confidence, 1 more trial has at most a 37% chance of beating the best negative loss so far (-1.200); ' +
        '5 trials are too few to estimate by how much.',
    );
  });

  it('uses the Learned-Miller–DeStefano band by default, deterministically and tighter in the tail', () => {
    const first = improvementReadout(OPDA_SCORES, { confidence: 0.8, moreTrials: 10, rng: createRng(1) });
    expect(improvementReadout(OPDA_SCORES, { confidence: 0.8, moreTrials: 10, rng: createRng(1) })).toEqual(first);
    const dkw = improvementReadout(OPDA_SCORES, { confidence: 0.8, moreTrials: 10, method: 'dkw' });
    expect(first.beatProbability).toBeLessThan(dkw.beatProbability);
  });

  it('rejects bad options', () => {
    expect(() => improvementReadout(OPDA_SCORES, { confidence: 0.8, moreTrials: 10 })).toThrow(/rng/);
    expect(() => improvementReadout(OPDA_SCORES, { confidence: 0.8, moreTrials: -1, method: 'dkw' })).toThrow(
      /non-negative/,
    );
    expect(() => improvementReadout([], { confidence: 0.8, moreTrials: 1, method: 'dkw' })).toThrow(/at least one/);
  });
});
