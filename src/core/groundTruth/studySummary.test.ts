// The counted bootstrap against the plain one: a quantile of counts equals the quantile of the
// multiset written out, and the intervals hold the figure they bracket.
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { bootstrapInterval, bootstrapMeanInterval, countedQuantile, sortedQuantile } from './studySummary';

describe('countedQuantile', () => {
  it('equals sortedQuantile of the expanded multiset, zeros and all', () => {
    const rng = createRng(5);
    for (let t = 0; t < 200; t++) {
      const n = 1 + rng.nextInt(12);
      const sorted = Float64Array.from({ length: n }, () => rng.nextInt(5) / 2).sort();
      const counts = Uint32Array.from({ length: n }, () => rng.nextInt(3));
      if (counts.every((c) => c === 0)) counts[0] = 1;
      const expanded = [...sorted].flatMap((v, i) => new Array<number>(counts[i]).fill(v));
      for (const q of [0, 0.1, 0.5, 0.9, 1])
        expect(countedQuantile(counts, sorted, q)).toBe(sortedQuantile(expanded, q));
    }
  });
});

describe('bootstrapMeanInterval', () => {
  it('matches the generic bootstrap of the mean on the same draws, skipping NaN', () => {
    const values = [0.1, NaN, 0.4, 0.8, 0.3, 0.9, NaN, 0.2];
    const mean = (xs: readonly number[]) => {
      const ok = xs.filter((x) => !Number.isNaN(x));
      return ok.length ? ok.reduce((s, x) => s + x, 0) / ok.length : NaN;
    };
    expect(bootstrapMeanInterval(values, createRng(9), 500)).toEqual(
      bootstrapInterval(values, mean, createRng(9), 500),
    );
  });
});
