// The seed-noise model against closed forms: the pooled SD of hand-made repeats, and for a pool of
// two the normal CDF of the gap (P(best)) and E[max(0, D)] of a normal gap (regret).
import { describe, expect, it } from 'vitest';
import type { TrialConfig } from '../searchSpace/searchSpace';
import type { LearningCurveTable, TableRow } from './learningCurveTable';
import { noisyJudgement, seedNoise, type SeedNoise } from './seedNoise';
import type { TableConfiguration } from './tableConfigurations';
import { DEFAULT_TABLE_SETTINGS, tableHeader } from './tablePlan';

const header = tableHeader(DEFAULT_TABLE_SETTINGS);

const fullRow = (configId: string, replicate: number, valAccuracy: number, dataFraction = 1): TableRow => ({
  kind: 'trial',
  configId,
  config: {} as TrialConfig,
  replicate,
  seed: replicate,
  dataFraction,
  images: 1,
  status: 'completed',
  curve: [1, 2, 3, 4].map((epoch) => ({ epoch, trainLoss: 1, valLoss: 1, valAccuracy })),
  initGradientNorm: 1,
  durationMs: 1,
  imagesPerSecond: 1,
  backend: 'hand',
  report: null,
});

const config = (configId: string, fullAccuracy: number): TableConfiguration => ({
  configId,
  config: {} as TrialConfig,
  rows: [],
  fullAccuracy,
});

/** Abramowitz & Stegun 7.1.26 erf, good to 1.5e-7: enough for a Monte Carlo comparison. */
function phi(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
const density = (x: number) => Math.exp(-(x * x) / 2) / Math.sqrt(2 * Math.PI);

describe('seedNoise', () => {
  it('pools the within-configuration variance over every configuration with repeats', () => {
    const table: LearningCurveTable = {
      header,
      rows: [
        fullRow('a', 0, 0.7),
        fullRow('a', 1, 0.72),
        fullRow('b', 0, 0.5),
        fullRow('b', 1, 0.52),
        fullRow('b', 2, 0.54),
        fullRow('c', 0, 0.3),
        fullRow('c', 1, 0.9, 1 / 3), // not full fidelity: not a repeat
      ],
    };
    const noise = seedNoise(table);
    // (2 x 0.01^2 + 2 x 0.02^2) / (1 + 2) in accuracy^2, to points.
    expect(noise.sdPts).toBeCloseTo(100 * Math.sqrt((2e-4 + 8e-4) / 3), 9);
    expect(noise.degreesOfFreedom).toBe(3);
    expect(noise.repeated).toEqual(['a', 'b']);
    expect(noise.runs.get('b')).toEqual({ meanAccuracy: expect.closeTo(0.52, 12), runs: 3 });
    expect(seedNoise({ header, rows: [fullRow('a', 0, 0.7)] }).sdPts).toBeNaN();
  });
});

describe('noisyJudgement', () => {
  // Two configurations: means 0.705 (3 runs) and 0.700 (1 run), per-run SD 0.6 points.
  const noise: SeedNoise = {
    sdPts: 0.6,
    degreesOfFreedom: 4,
    repeated: ['x'],
    runs: new Map([
      ['x', { meanAccuracy: 0.705, runs: 3 }],
      ['y', { meanAccuracy: 0.7, runs: 1 }],
    ]),
  };
  const pool = [config('x', 0.71), config('y', 0.7)];
  const s = 0.006 * Math.sqrt(1 / 3 + 1);
  const draws = 200000;

  it('P(best) of each pick is the normal CDF of the mean gap; regret is E[max(0, gap)]', () => {
    const x = noisyJudgement(pool, 'x', noise, 1, 0, draws);
    const y = noisyJudgement(pool, 'y', noise, 1, 0, draws);
    const mu = 0.005;
    expect(Math.abs(x.pBest - phi(mu / s))).toBeLessThan(0.005);
    // The same draws for every pick of a study: exactly one configuration is the top in each.
    expect(x.pBest + y.pBest).toBeCloseTo(1, 12);
    const regretY = 100 * (mu * phi(mu / s) + s * density(mu / s));
    expect(Math.abs(y.regretPts - regretY)).toBeLessThan(0.01);
    expect(Math.abs(x.regretPts - 100 * (-mu * phi(-mu / s) + s * density(mu / s)))).toBeLessThan(0.01);
    // The table's best (x, 0.71 in the table) is judged on the same draws.
    expect(y.tableBestPBest).toBe(x.pBest);
  });

  it('judges a bootstrap copy as the configuration it copies, and refuses a pick outside the pool', () => {
    const copies = [config('x', 0.71), config('x~1', 0.71)];
    expect(noisyJudgement(copies, 'x~1', noise, 1, 0, 100).pBest).toBe(1);
    expect(() => noisyJudgement(pool, 'z', noise, 1, 0)).toThrow(/pick z/);
  });
});
