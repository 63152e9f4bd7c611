// Tests for importance.ts: the variance decomposition of hand-built trees against closed forms
// (a step, an additive pair of steps, XOR's pure interaction), and fANOVA on a synthetic function
// whose important variable is known.
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { fanovaImportance, treeVarianceDecomposition } from './importance';
import type { RegressionTree, TreeNode } from './regressionForest';

const leaf = (value: number): TreeNode => ({ feature: -1, threshold: 0, left: -1, right: -1, value });
const split = (feature: number, threshold: number, left: number, right: number): TreeNode => ({
  feature,
  threshold,
  left,
  right,
  value: 0,
});

describe('treeVarianceDecomposition', () => {
  it('gives a single step all of the variance', () => {
    const tree: RegressionTree = { nodes: [split(0, 0.25, 1, 2), leaf(0), leaf(1)] };
    const { total, mainEffects } = treeVarianceDecomposition(tree, [0, 0], [1, 1]);
    expect(total).toBeCloseTo(0.1875, 14); // Bernoulli(3/4): p(1 - p)
    expect(mainEffects[0]).toBeCloseTo(0.1875, 14);
    expect(mainEffects[1]).toBe(0);
  });

  it('splits an additive function into its parts, which sum to the total', () => {
    // f = 1[x0 > 0.5] + 2·1[x1 > 0.5]: variances 1/4 and 4/4.
    const tree: RegressionTree = {
      nodes: [split(0, 0.5, 1, 2), split(1, 0.5, 3, 4), split(1, 0.5, 5, 6), leaf(0), leaf(2), leaf(1), leaf(3)],
    };
    const { total, mainEffects } = treeVarianceDecomposition(tree, [0, 0], [1, 1]);
    expect(mainEffects[0]).toBeCloseTo(0.25, 14);
    expect(mainEffects[1]).toBeCloseTo(1, 14);
    expect(total).toBeCloseTo(1.25, 14);
  });

  it('gives XOR no main effects: all its variance is interaction', () => {
    const tree: RegressionTree = {
      nodes: [split(0, 0.5, 1, 2), split(1, 0.5, 3, 4), split(1, 0.5, 5, 6), leaf(0), leaf(1), leaf(1), leaf(0)],
    };
    const { total, mainEffects } = treeVarianceDecomposition(tree, [0, 0], [1, 1]);
    expect(total).toBeCloseTo(0.25, 14);
    expect(mainEffects[0]).toBeCloseTo(0, 14);
    expect(mainEffects[1]).toBeCloseTo(0, 14);
  });
});

describe('fanovaImportance', () => {
  const rng = createRng(42);
  const rows = Array.from({ length: 250 }, () => [rng.next() * 2 - 1, rng.next() * 2 - 1, rng.next() * 2 - 1]);
  const targets = rows.map(([x0, x1]) => Math.sin(3 * x0) + 0.1 * x1 + 0.05 * rng.normal());

  it('ranks the known important variable first and the irrelevant one last', () => {
    const importance = fanovaImportance(rows, targets, createRng(1), { numTrees: 16 });
    expect(importance.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    expect(importance[0]).toBeGreaterThan(0.9);
    expect(importance[1]).toBeGreaterThan(importance[2]);
  });

  it('is deterministic for a fixed seed', () => {
    const a = fanovaImportance(rows, targets, createRng(9), { numTrees: 8 });
    expect(fanovaImportance(rows, targets, createRng(9), { numTrees: 8 })).toEqual(a);
  });

  it('gives zeros for a constant target and ignores a constant feature', () => {
    expect(fanovaImportance([[0], [1], [2]], [5, 5, 5], createRng(1))).toEqual([0]);
    const withConstant = rows.map(([x0]) => [x0, 3]);
    expect(fanovaImportance(withConstant, targets, createRng(1), { numTrees: 4 })).toEqual([1, 0]);
  });
});
