// Tests for dataSplit.ts: partition and stratification counts, determinism, and a property test
// of nestedness over random fractions, pools and seeds.
import { describe, expect, it } from 'vitest';
import { createRng, shuffleInPlace } from '../rng';
import { nestedSubset, stratifiedSplit } from './dataSplit';

function randomLabels(n: number, numClasses: number, seed: number): Uint8Array {
  const rng = createRng(seed);
  return Uint8Array.from({ length: n }, () => rng.nextInt(numClasses));
}
function countPerClass(indices: Int32Array, labels: Uint8Array, numClasses: number): number[] {
  const counts = new Array<number>(numClasses).fill(0);
  for (const i of indices) counts[labels[i]]++;
  return counts;
}
const isSortedUnique = (xs: Int32Array) => xs.every((x, i) => i === 0 || xs[i - 1] < x);

describe('stratifiedSplit', () => {
  const labels = randomLabels(3000, 10, 1);

  it('partitions all indices into sorted, disjoint train and validation', () => {
    const { train, validation } = stratifiedSplit(labels, 10, 500, 42);
    expect(validation.length).toBe(500);
    expect(train.length).toBe(2500);
    expect(isSortedUnique(train) && isSortedUnique(validation)).toBe(true);
    const all = new Set([...train, ...validation]);
    expect(all.size).toBe(3000);
    expect(Math.min(...all)).toBe(0);
    expect(Math.max(...all)).toBe(2999);
  });

  it('takes validationSize/numClasses per class, remainder to the lowest class ids', () => {
    expect(countPerClass(stratifiedSplit(labels, 10, 500, 42).validation, labels, 10)).toEqual(new Array(10).fill(50));
    expect(countPerClass(stratifiedSplit(labels, 10, 503, 42).validation, labels, 10)).toEqual([
      51, 51, 51, 50, 50, 50, 50, 50, 50, 50,
    ]);
    expect(stratifiedSplit(labels, 10, 0, 42).train.length).toBe(3000);
  });

  it('is deterministic per seed and differs across seeds', () => {
    const a = stratifiedSplit(labels, 10, 500, 42);
    expect(stratifiedSplit(labels, 10, 500, 42)).toEqual(a);
    expect(stratifiedSplit(labels, 10, 500, 43).validation).not.toEqual(a.validation);
  });

  it('rejects impossible requests with precise messages', () => {
    const tiny = Uint8Array.from([0, 0, 0, 1]);
    expect(() => stratifiedSplit(tiny, 2, 4, 1)).toThrow('Class 1 has 1 examples, fewer than its validation quota 2');
    expect(() => stratifiedSplit(tiny, 2, 5, 1)).toThrow('integer in 0..4, but got 5');
    expect(() => stratifiedSplit(Uint8Array.from([0, 3]), 2, 1, 1)).toThrow('Label 3 at index 1');
  });
});

describe('nestedSubset', () => {
  const labels = randomLabels(4000, 10, 2);
  const { train: pool } = stratifiedSplit(labels, 10, 1000, 7);

  it('takes round(fraction * count_c) per class, at least one, sorted and inside the pool', () => {
    const poolCounts = countPerClass(pool, labels, 10);
    const poolSet = new Set(pool);
    for (const fraction of [0.01, 1 / 9, 1 / 3, 0.5, 0.77]) {
      const subset = nestedSubset(pool, labels, 10, fraction, 5);
      expect(isSortedUnique(subset)).toBe(true);
      expect(subset.every((i) => poolSet.has(i))).toBe(true);
      expect(countPerClass(subset, labels, 10)).toEqual(poolCounts.map((n) => Math.max(1, Math.round(fraction * n))));
    }
    expect(nestedSubset(pool, labels, 10, 1e-9, 5).length).toBe(10); // one per class
    expect(nestedSubset(pool, labels, 10, 1, 5)).toEqual(pool);
  });

  it('is nested across random fractions, pools and seeds (property test)', () => {
    const rng = createRng(123);
    for (let round = 0; round < 60; round++) {
      const poolSize = 50 + rng.nextInt(400);
      const randomPool = shuffleInPlace(Int32Array.from(labels.keys()), rng).slice(0, poolSize);
      const seed = rng.nextInt(2 ** 31);
      const fractions = Array.from({ length: 6 }, () => 1 - rng.next()).sort((a, b) => a - b);
      let previous = new Set<number>();
      for (const f of fractions) {
        const subset = nestedSubset(randomPool, labels, 10, f, seed);
        for (const i of previous) expect(subset.includes(i)).toBe(true);
        previous = new Set(subset);
      }
    }
  });

  it('depends on the pool as a set, is deterministic, and differs across seeds', () => {
    const shuffled = shuffleInPlace(Int32Array.from(pool), createRng(9));
    const a = nestedSubset(pool, labels, 10, 0.3, 5);
    expect(nestedSubset(shuffled, labels, 10, 0.3, 5)).toEqual(a);
    expect(nestedSubset(pool, labels, 10, 0.3, 5)).toEqual(a);
    expect(nestedSubset(pool, labels, 10, 0.3, 6)).not.toEqual(a);
  });

  it('rejects a fraction outside (0, 1] and indices outside labels', () => {
    expect(() => nestedSubset(pool, labels, 10, 0, 1)).toThrow('fraction in (0, 1], but got 0');
    expect(() => nestedSubset(pool, labels, 10, 1.5, 1)).toThrow('but got 1.5');
    expect(() => nestedSubset(Int32Array.from([4000]), labels, 10, 0.5, 1)).toThrow(
      'Index 4000 is outside the 4000 labels',
    );
  });
});
