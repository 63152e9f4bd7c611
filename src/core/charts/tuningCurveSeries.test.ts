import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { dkwBand } from '../stats/confidenceBands';
import {
  OPDA_CONFIDENCE,
  OPDA_DKW_LOWER,
  OPDA_DKW_UPPER,
  OPDA_MEDIAN_CURVE,
  OPDA_SCORES,
} from '../stats/opdaReference.fixture';
import { improvementReadout } from '../stats/readout';
import { chartTrialCounts, confidenceBand, tuningCurveSeries } from './tuningCurveSeries';

describe('tuningCurveSeries', () => {
  it('matches the opda reference curve and DKW band at k = 1..5', () => {
    const series = tuningCurveSeries(OPDA_SCORES, confidenceBand(32, OPDA_CONFIDENCE, 'dkw', createRng(1)));
    expect(series.ks).toHaveLength(64);
    expect(series.median.point.slice(0, 5)).toEqual(OPDA_MEDIAN_CURVE);
    expect(series.median.lower.slice(0, 5)).toEqual(OPDA_DKW_LOWER);
    expect(series.median.upper.slice(0, 5)).toEqual(OPDA_DKW_UPPER);
  });

  it('orders the bands and fits the law with enough trials', () => {
    const series = tuningCurveSeries(OPDA_SCORES, confidenceBand(32, 0.8, 'ld', createRng(2)));
    series.ks.forEach((_, i) => {
      expect(series.average.lower[i]).toBeLessThanOrEqual(series.average.point[i] + 1e-12);
      expect(series.average.point[i]).toBeLessThanOrEqual(series.average.upper[i] + 1e-12);
    });
    // The average curve at k = 1 is the sample mean.
    expect(series.average.point[0]).toBeCloseTo(OPDA_SCORES.reduce((s, y) => s + y, 0) / 32, 12);
    expect(series.law!.b).toBeGreaterThan(0.9456);
    expect(series.lawAverage).toHaveLength(64);
    expect(tuningCurveSeries(OPDA_SCORES.slice(0, 5), dkwBand(5, 0.8)).law).toBeNull();
  });

  it('feeds the readout the same band the chart draws', () => {
    const band = dkwBand(32, 0.8);
    const withBand = improvementReadout(OPDA_SCORES, { confidence: 0.8, moreTrials: 32, band });
    expect(withBand).toEqual(improvementReadout(OPDA_SCORES, { confidence: 0.8, moreTrials: 32, method: 'dkw' }));
    expect(() => improvementReadout(OPDA_SCORES.slice(1), { confidence: 0.8, moreTrials: 1, band })).toThrow('n=31');
  });

  it('thins the trial counts of a large study, keeping 1, n and 2n', () => {
    expect(chartTrialCounts(64, 200)).toHaveLength(64);
    const ks = chartTrialCounts(670, 200, 335);
    expect(ks.length).toBeLessThanOrEqual(201);
    expect([ks[0], ks[ks.length - 1]]).toEqual([1, 670]);
    expect(ks).toContain(335);
    for (let i = 1; i < ks.length; i++) expect(ks[i]).toBeGreaterThan(ks[i - 1]);
    expect(() => chartTrialCounts(0, 200)).toThrow('maxK');
  });
});
