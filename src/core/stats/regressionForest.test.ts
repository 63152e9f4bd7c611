// Tests for regressionForest.ts: a tree reproduces a step function exactly with the split at the
// midpoint, respects minSamplesLeaf and maxDepth; a forest tracks a smooth function out of sample
// and replays exactly for a fixed seed.
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { fitRegressionForest, fitRegressionTree, predictForest, predictTree } from './regressionForest';

const identity = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('fitRegressionTree', () => {
  it('fits a step function exactly with one split at the midpoint', () => {
    const rows = [[0], [1], [2], [3], [4], [5]];
    const targets = [1, 1, 1, 5, 5, 5];
    const tree = fitRegressionTree(rows, targets, identity(6), createRng(1));
    expect(tree.nodes).toHaveLength(3);
    expect(tree.nodes[0]).toMatchObject({ feature: 0, threshold: 2.5, value: 3 });
    expect([-10, 2.4, 2.6, 99].map((x) => predictTree(tree, [x]))).toEqual([1, 1, 5, 5]);
  });

  it('picks the informative feature and respects minSamplesLeaf and maxDepth', () => {
    const rng = createRng(2);
    const rows = Array.from({ length: 50 }, () => [rng.next(), rng.next()]);
    const targets = rows.map(([, x1]) => (x1 > 0.5 ? 1 : 0));
    const tree = fitRegressionTree(rows, targets, identity(50), createRng(3));
    expect(tree.nodes[0].feature).toBe(1);
    const stump = fitRegressionTree(
      rows,
      rows.map(([x0]) => x0),
      identity(50),
      createRng(3),
      { maxDepth: 1 },
    );
    expect(stump.nodes).toHaveLength(3);
    const coarse = fitRegressionTree(
      rows,
      rows.map(([x0]) => x0),
      identity(50),
      createRng(3),
      { minSamplesLeaf: 10 },
    );
    const leafCounts = new Map<number, number>();
    for (const row of rows) {
      let id = 0;
      while (coarse.nodes[id].feature >= 0)
        id =
          row[coarse.nodes[id].feature] <= coarse.nodes[id].threshold ? coarse.nodes[id].left : coarse.nodes[id].right;
      leafCounts.set(id, (leafCounts.get(id) ?? 0) + 1);
    }
    expect(Math.min(...leafCounts.values())).toBeGreaterThanOrEqual(10);
  });
});

describe('fitRegressionForest', () => {
  const rng = createRng(4);
  const rows = Array.from({ length: 300 }, () => [rng.next() * 2 - 1, rng.next() * 2 - 1]);
  const f = ([x0, x1]: number[]): number => Math.sin(3 * x0) + 0.5 * x1;

  it('tracks a smooth function out of sample', () => {
    const forest = fitRegressionForest(rows, rows.map(f), createRng(5), { numTrees: 16 });
    const test = createRng(6);
    let sq = 0;
    for (let i = 0; i < 200; i++) {
      const x = [test.next() * 1.8 - 0.9, test.next() * 1.8 - 0.9];
      sq += (predictForest(forest, x) - f(x)) ** 2;
    }
    expect(Math.sqrt(sq / 200)).toBeLessThan(0.1); // the target's spread is about 0.8
    expect(forest.lower[0]).toBeGreaterThanOrEqual(-1);
    expect(forest.upper[1]).toBeLessThanOrEqual(1);
  });

  it('replays exactly for a fixed seed', () => {
    const a = fitRegressionForest(rows, rows.map(f), createRng(7), { numTrees: 4 });
    const b = fitRegressionForest(rows, rows.map(f), createRng(7), { numTrees: 4 });
    expect(b).toEqual(a);
  });

  it('rejects bad input', () => {
    expect(() => fitRegressionForest([], [], createRng(1))).toThrow(/at least one row/);
    expect(() => fitRegressionForest([[1], [2]], [1], createRng(1))).toThrow(/one target per row/);
    expect(() => fitRegressionForest([[1], [2, 3]], [1, 2], createRng(1))).toThrow(/1 features/);
    expect(() => fitRegressionForest([[1]], [1], createRng(1), { numTrees: 0 })).toThrow(/numTrees/);
  });
});
