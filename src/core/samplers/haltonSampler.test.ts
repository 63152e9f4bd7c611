// Tests for haltonSampler.ts: radical inverses against hand-computed values, the stratification
// every scrambled Halton prefix must keep, and uniformity against random search (chi-square and
// exact 2D star discrepancy).
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { SEED001_SPACE, sampleRandomConfigs, type SearchSpace } from '../searchSpace/searchSpace';
import { createScrambledHalton, radicalInverse, sampleHaltonConfigs } from './haltonSampler';
import { sampleConfigs } from './index';

const UNIT_2D: SearchSpace = [
  { kind: 'float', name: 'dropout', low: 0, high: 1, log: false },
  { kind: 'float', name: 'momentum', low: 0, high: 1, log: false },
];

function chiSquare(cells: number[], expected: number): number {
  return cells.reduce((acc, c) => acc + (c - expected) ** 2 / expected, 0);
}

function bucketChiSquare(points: number[][], buckets: number): { oneD: number; twoD: number } {
  const one = new Array<number>(buckets).fill(0);
  const two = new Array<number>(buckets * buckets).fill(0);
  for (const [x, y] of points) {
    one[Math.floor(x * buckets)]++;
    two[Math.floor(x * buckets) * buckets + Math.floor(y * buckets)]++;
  }
  return { oneD: chiSquare(one, points.length / buckets), twoD: chiSquare(two, points.length / buckets ** 2) };
}

/** Exact star discrepancy in 2D: the worst anchored box [0,a)x[0,b) over corners at the points. */
function starDiscrepancy(points: number[][]): number {
  const n = points.length;
  const xs = [...points.map((p) => p[0]), 1];
  const ys = [...points.map((p) => p[1]), 1];
  let worst = 0;
  for (const a of xs) {
    for (const b of ys) {
      let open = 0;
      let closed = 0;
      for (const [x, y] of points) {
        if (x < a && y < b) open++;
        if (x <= a && y <= b) closed++;
      }
      worst = Math.max(worst, Math.abs(open / n - a * b), Math.abs(closed / n - a * b));
    }
  }
  return worst;
}

describe('radicalInverse and the Halton sequence', () => {
  it('gives the van der Corput values', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((i) => radicalInverse(i, 2))).toEqual([
      0, 0.5, 0.25, 0.75, 0.125, 0.625, 0.375, 0.875,
    ]);
    const base3 = [0, 3, 6, 1, 4, 7, 2, 5, 8].map((k) => k / 9);
    [0, 1, 2, 3, 4, 5, 6, 7, 8].forEach((i) => expect(radicalInverse(i, 3)).toBeCloseTo(base3[i], 15));
  });

  it('is the plain Halton sequence without an rng', () => {
    const plain = createScrambledHalton(4, null);
    for (let i = 0; i < 500; i++) {
      plain.point(i).forEach((u, d) => expect(u).toBeCloseTo(radicalInverse(i, [2, 3, 5, 7][d]), 14));
    }
  });

  it('keeps one point per b^-k interval in every scrambled prefix of length b^k', () => {
    const bases = [2, 3, 5, 7, 11, 13, 17, 19];
    for (const seed of [1, 2, 3]) {
      const halton = createScrambledHalton(8, createRng(seed));
      const points = Array.from({ length: 1024 }, (_, i) => halton.point(i));
      bases.forEach((b, d) => {
        for (let cells = b; cells <= 1024; cells *= b) {
          const hits = new Set(points.slice(0, cells).map((p) => Math.floor(p[d] * cells)));
          expect(hits.size).toBe(cells);
        }
      });
      for (const p of points) for (const u of p) expect(u >= 0 && u < 1).toBe(true);
    }
  });

  it('rejects bad arguments with precise messages', () => {
    expect(() => createScrambledHalton(17, null)).toThrow('dimension to be an integer in 0..16, but got 17');
    expect(() => createScrambledHalton(2, null).point(-1)).toThrow('non-negative integer, but got -1');
    expect(() => sampleHaltonConfigs(SEED001_SPACE, 1.5, createRng(1))).toThrow(
      'n to be a non-negative integer, but got 1.5',
    );
    expect(() =>
      sampleHaltonConfigs([{ kind: 'float', name: 'dropout', low: 1, high: 0, log: false }], 1, createRng(1)),
    ).toThrow('needs low < high');
  });
});

describe('sampleHaltonConfigs', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = sampleHaltonConfigs(SEED001_SPACE, 20, createRng(7), { epochs: 2 });
    expect(sampleHaltonConfigs(SEED001_SPACE, 20, createRng(7), { epochs: 2 })).toEqual(a);
    expect(sampleHaltonConfigs(SEED001_SPACE, 20, createRng(8), { epochs: 2 })).not.toEqual(a);
    expect(sampleConfigs('halton', SEED001_SPACE, 20, createRng(7), { epochs: 2 })).toEqual(a);
  });

  it('stays in range, on the int grid, and keeps fixed values for inactive parameters', () => {
    const configs = sampleHaltonConfigs(SEED001_SPACE, 300, createRng(3), { momentum: 0.42, batchSize: 16 });
    for (const c of configs) {
      expect([32, 48, 64]).toContain(c.channels);
      expect(c.dropout >= 0.1 && c.dropout < 0.3).toBe(true);
      expect(c.learningRate >= 5e-4 && c.learningRate <= 1e-2).toBe(true);
      expect(c.weightDecay >= 1e-4 && c.weightDecay <= 1e-3).toBe(true);
      expect(c.batchSize).toBe(16);
      if (c.optimizer === 'adam') expect(c.momentum).toBe(0.42);
      else expect(c.momentum >= 0 && c.momentum < 0.9).toBe(true);
    }
    // The categorical and the int grid are balanced, not just covered.
    expect(configs.filter((c) => c.optimizer === 'sgd').length).toBe(150);
    for (const ch of [32, 48, 64])
      expect(Math.abs(configs.filter((c) => c.channels === ch).length - 100)).toBeLessThanOrEqual(1);
  });

  it('is more uniform than random search (chi-square over buckets, 2D star discrepancy)', () => {
    const seeds = [1, 2, 3, 4, 5, 6];
    const toPoints = (cs: { dropout: number; momentum: number }[]) => cs.map((c) => [c.dropout, c.momentum]);
    let haltonChi = { oneD: 0, twoD: 0 };
    let randomChi = { oneD: 0, twoD: 0 };
    let haltonStar = 0;
    let randomStar = 0;
    for (const seed of seeds) {
      const h = toPoints(sampleHaltonConfigs(UNIT_2D, 256, createRng(seed)));
      const r = toPoints(sampleRandomConfigs(UNIT_2D, 256, createRng(seed)));
      const hc = bucketChiSquare(h, 8);
      const rc = bucketChiSquare(r, 8);
      haltonChi = { oneD: haltonChi.oneD + hc.oneD, twoD: haltonChi.twoD + hc.twoD };
      randomChi = { oneD: randomChi.oneD + rc.oneD, twoD: randomChi.twoD + rc.twoD };
      haltonStar += starDiscrepancy(h.slice(0, 100));
      randomStar += starDiscrepancy(r.slice(0, 100));
    }
    // Random points give chi-square about (cells - 1) per seed: 7 in 1D, 63 in 2D.
    expect(randomChi.oneD / seeds.length).toBeGreaterThan(2);
    expect(haltonChi.oneD / seeds.length).toBeLessThan(0.5); // 256 = 2^8 points: exactly 32 per bucket in base 2
    expect(haltonChi.twoD).toBeLessThan(randomChi.twoD / 4);
    expect(haltonStar).toBeLessThan(randomStar / 2);
  });
});
