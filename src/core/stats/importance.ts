// Hyperparameter importance by fANOVA (Hutter, Hoos & Leyton-Brown 2014, "An Efficient Approach for
// Assessing Hyperparameter Importance"): each feature's main-effect share of the variance of a
// random forest's prediction over the box of observed values, averaged over trees, then normalised.
import type { Rng } from '../rng';
import { fitRegressionForest, type ForestOptions, type RegressionTree } from './regressionForest';

interface Leaf {
  lower: number[];
  upper: number[];
  value: number;
}

/** The leaves of a tree as boxes inside [lower, upper]. */
function leafBoxes(tree: RegressionTree, lower: readonly number[], upper: readonly number[]): Leaf[] {
  const leaves: Leaf[] = [];
  const visit = (id: number, lo: number[], hi: number[]): void => {
    const node = tree.nodes[id];
    if (node.feature < 0) {
      leaves.push({ lower: lo, upper: hi, value: node.value });
      return;
    }
    const j = node.feature;
    // Thresholds are midpoints between observed values, so both halves stay inside the box.
    const cut = Math.min(hi[j], Math.max(lo[j], node.threshold));
    visit(
      node.left,
      lo,
      hi.map((v, d) => (d === j ? cut : v)),
    );
    visit(
      node.right,
      lo.map((v, d) => (d === j ? cut : v)),
      hi,
    );
  };
  visit(0, [...lower], [...upper]);
  return leaves;
}

/**
 * One tree's total variance over the box (uniform measure) and each feature's main-effect
 * variance: the variance of the tree's prediction averaged over all other features.
 */
export function treeVarianceDecomposition(
  tree: RegressionTree,
  lower: readonly number[],
  upper: readonly number[],
): { total: number; mainEffects: number[] } {
  const d = lower.length;
  const width = lower.map((lo, j) => upper[j] - lo);
  // A constant feature has no extent: it contributes factor 1 to every volume and no main effect.
  const fraction = (leaf: Leaf, j: number): number => (width[j] > 0 ? (leaf.upper[j] - leaf.lower[j]) / width[j] : 1);
  const leaves = leafBoxes(tree, lower, upper);
  const volumes = leaves.map((leaf) => lower.reduce((v, _, j) => v * fraction(leaf, j), 1));
  const mean = leaves.reduce((s, leaf, i) => s + volumes[i] * leaf.value, 0);
  const total = leaves.reduce((s, leaf, i) => s + volumes[i] * (leaf.value - mean) ** 2, 0);

  const mainEffects = Array.from({ length: d }, (_, j) => {
    if (!(width[j] > 0)) return 0;
    // Cells between consecutive leaf edges along j; on each, the marginal is the volume-weighted
    // sum over the leaves spanning it, weighted by their extent in the other features.
    const edges = [...new Set(leaves.flatMap((leaf) => [leaf.lower[j], leaf.upper[j]]))].sort((p, q) => p - q);
    const otherVolume = leaves.map((leaf, i) => {
      const own = fraction(leaf, j);
      return own > 0 ? volumes[i] / own : 0;
    });
    let variance = 0;
    for (let c = 0; c + 1 < edges.length; c++) {
      const mid = 0.5 * (edges[c] + edges[c + 1]);
      let marginal = 0;
      leaves.forEach((leaf, i) => {
        if (leaf.lower[j] <= mid && mid < leaf.upper[j]) marginal += otherVolume[i] * leaf.value;
      });
      variance += ((edges[c + 1] - edges[c]) / width[j]) * (marginal - mean) ** 2;
    }
    return variance;
  });
  return { total, mainEffects };
}

export type ImportanceOptions = ForestOptions;

/**
 * Normalised fANOVA importance per feature (sums to 1; all zeros when the forest is constant).
 * Rows are numeric features: the caller one-hot or label-encodes categoricals and log-scales
 * log-uniform hyperparameters, since the box is integrated with uniform measure.
 */
export function fanovaImportance(
  rows: readonly (readonly number[])[],
  targets: readonly number[],
  rng: Rng,
  options: ImportanceOptions = {},
): number[] {
  const forest = fitRegressionForest(rows, targets, rng, options);
  const d = forest.lower.length;
  const shares = new Array<number>(d).fill(0);
  let counted = 0;
  for (const tree of forest.trees) {
    const { total, mainEffects } = treeVarianceDecomposition(tree, forest.lower, forest.upper);
    if (!(total > 0)) continue;
    mainEffects.forEach((v, j) => (shares[j] += v / total));
    counted++;
  }
  const sum = shares.reduce((s, v) => s + v, 0);
  return counted > 0 && sum > 0 ? shares.map((v) => v / sum) : shares.map(() => 0);
}
