// Tests for readout.ts: on the opda reference scores the DKW upper curve is known (notes/anchors.md),
// so the readout's bound is the reference value minus the best score; the chance of beating the
// best is checked by hand (1 - (1 - ε)^m) and by simulation; text and units by hand.
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { dkwEpsilon } from './confidenceBands';
import { OPDA_DKW_UPPER, OPDA_SCORES } from './opdaReference.fixture';
import { improvementReadout } from './readout';

describe('improvementReadout', () => {
  it('reads the upper band at n + m, which the reference data already puts at the ceiling', () => {
    const readout = improvementReadout(OPDA_SCORES, { confidence: 0.8, moreTrials: 10, method: 'dkw' });
    expect(OPDA_DKW_UPPER[3]).toBe(1); // at k = 4 the DKW band reaches b = 1 already
    expect(readout.upperScore).toBe(1);
    expect(readout.currentBest).toBe(0.9456);
    expect(readout.upperBound).toBeCloseTo(5.44, 10);
    expect(readout.atCeiling).toBe(true);
    // F_lower(best) = 1 - ε for DKW.
    expect(readout.beatProbability).toBeCloseTo(1 - (1 - dkwEpsilon(32, 0.8)) ** 10, 12);
    expect(readout.text).toBe(
      'With 80% confidence, 10 more trials have at most a 88% chance of beating the best accuracy so far (94.56%); ' +
        '32 trials cannot bound by how much, short of the ceiling (5.44 points).',
    );
  });

  it('gives the plain bound when the band stays below the ceiling', () => {
    // With b far above the scores the band still ends at b, so use m = 0 and many ties at the top:
    // F_lower at the best is then high enough for k = n.
    const scores = [...Array.from({ length: 40 }, (_, i) => 0.5 + i / 1000), ...Array(360).fill(0.9)];
    const readout = improvementReadout(scores, { confidence: 0.8, moreTrials: 0, method: 'dkw' });
    expect(readout.atCeiling).toBe(false);
    expect(readout.upperScore).toBe(0.9);
    expect(readout.upperBound).toBe(0);
    expect(readout.beatProbability).toBe(0);
    expect(readout.text).toBe(
      'With 80% confidence, 0 more trials would improve the best accuracy (now 90.00%) by at most 0.00 points in a median run.',
    );
  });

  it('bounds the chance of beating the best: it covers the true chance at least as often as the confidence', () => {
    // Uniform scores: the true chance that m more trials beat the best of n is 1 - best^m.
    const rng = createRng(4);
    const bandRng = createRng(5);
    let covered = 0;
    const runs = 200;
    for (let run = 0; run < runs; run++) {
      const scores = Array.from({ length: 30 }, () => rng.next());
      const readout = improvementReadout(scores, { confidence: 0.8, moreTrials: 5, method: 'dkw', rng: bandRng });
      if (1 - readout.currentBest ** 5 <= readout.beatProbability) covered++;
    }
    expect(covered / runs).toBeGreaterThan(0.8 - 3 * Math.sqrt(0.16 / runs));
  });

  it('reports score units outside [0, 1] and never a negative gain', () => {
    const losses = [-2.5, -2.1, -1.9, -1.8, -1.2];
    const readout = improvementReadout(losses, { confidence: 0.5, moreTrials: 1, a: -3, b: -1, method: 'dkw', metric: 'negative loss' });
    expect(readout.unit).toBe('score');
    expect(readout.upperBound).toBeCloseTo(0.2, 12);
    expect(readout.text).toContain('the best negative loss so far (-1.200)');
  });

  it('uses the Learned-Miller–DeStefano band by default, deterministically', () => {
    const first = improvementReadout(OPDA_SCORES, { confidence: 0.8, moreTrials: 10, rng: createRng(1) });
    const again = improvementReadout(OPDA_SCORES, { confidence: 0.8, moreTrials: 10, rng: createRng(1) });
    expect(first).toEqual(again);
    const dkw = improvementReadout(OPDA_SCORES, { confidence: 0.8, moreTrials: 10, method: 'dkw' });
    expect(first.beatProbability).toBeLessThan(dkw.beatProbability); // tighter in the tail
  });

  it('rejects bad options', () => {
    expect(() => improvementReadout(OPDA_SCORES, { confidence: 0.8, moreTrials: 10 })).toThrow(/rng/);
    expect(() => improvementReadout(OPDA_SCORES, { confidence: 0.8, moreTrials: -1, method: 'dkw' })).toThrow(/non-negative/);
    expect(() => improvementReadout([], { confidence: 0.8, moreTrials: 1, method: 'dkw' })).toThrow(/at least one/);
  });
});
