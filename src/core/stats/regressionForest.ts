// A small random forest of CART regression trees (Breiman 2001): bootstrap rows, optional random
// feature subsets, splits that most reduce squared error. Serves fANOVA importance (importance.ts).
import type { Rng } from '../rng';

/** A node: a leaf when feature is -1; otherwise rows with x[feature] <= threshold go left. */
export interface TreeNode {
  feature: number;
  threshold: number;
  left: number;
  right: number;
  /** Mean target of the training rows that reached the node. */
  value: number;
}

export interface RegressionTree {
  nodes: TreeNode[]; // nodes[0] is the root
}

export interface RegressionForest {
  trees: RegressionTree[];
  /** Per-feature min and max over the training rows: the box fANOVA integrates over. */
  lower: number[];
  upper: number[];
}

export interface ForestOptions {
  /** Default 32. */
  numTrees?: number;
  /** Default 32. */
  maxDepth?: number;
  /** Smallest number of rows in a leaf; default 1 (fully grown trees, as Optuna's fANOVA). */
  minSamplesLeaf?: number;
  /** Features tried per split; default all (randomness then comes from the bootstrap). */
  maxFeatures?: number;
}

function checkRows(rows: readonly (readonly number[])[], targets: readonly number[]): number {
  if (rows.length === 0) throw new Error('Expected at least one row, but got none');
  if (rows.length !== targets.length)
    throw new Error(`Expected one target per row (${rows.length}), but got ${targets.length}`);
  const d = rows[0].length;
  for (const row of rows) {
    if (row.length !== d) throw new Error(`Expected every row to have ${d} features, but got ${row.length}`);
    if (row.some((v) => !Number.isFinite(v))) throw new Error('Expected finite features');
  }
  if (targets.some((t) => !Number.isFinite(t))) throw new Error('Expected finite targets');
  return d;
}

/** Grows one tree on the rows at `sample` (indices, repeats allowed). */
export function fitRegressionTree(
  rows: readonly (readonly number[])[],
  targets: readonly number[],
  sample: readonly number[],
  rng: Rng,
  options: ForestOptions = {},
): RegressionTree {
  const d = checkRows(rows, targets);
  const { maxDepth = 32, minSamplesLeaf = 1, maxFeatures = d } = options;
  const nodes: TreeNode[] = [];
  const features = Array.from({ length: d }, (_, j) => j);

  const grow = (indices: number[], depth: number): number => {
    const id = nodes.length;
    let sum = 0;
    for (const i of indices) sum += targets[i];
    const value = sum / indices.length;
    nodes.push({ feature: -1, threshold: 0, left: -1, right: -1, value });
    if (depth >= maxDepth || indices.length < 2 * minSamplesLeaf) return id;
    if (indices.every((i) => targets[i] === targets[indices[0]])) return id;

    // Partial Fisher-Yates: the first maxFeatures entries become a random subset.
    for (let k = 0; k < Math.min(maxFeatures, d); k++) {
      const r = k + rng.nextInt(d - k);
      [features[k], features[r]] = [features[r], features[k]];
    }
    // Best split maximises sumL²/nL + sumR²/nR, i.e. minimises the children's squared error.
    const parentGain = (sum * sum) / indices.length;
    let best = { gain: parentGain + 1e-12 * parentGain, feature: -1, threshold: 0 };
    for (let k = 0; k < Math.min(maxFeatures, d); k++) {
      const j = features[k];
      const sorted = [...indices].sort((p, q) => rows[p][j] - rows[q][j]);
      let leftSum = 0;
      for (let s = 1; s < sorted.length; s++) {
        leftSum += targets[sorted[s - 1]];
        const here = rows[sorted[s - 1]][j];
        const next = rows[sorted[s]][j];
        if (here === next || s < minSamplesLeaf || sorted.length - s < minSamplesLeaf) continue;
        const gain = (leftSum * leftSum) / s + ((sum - leftSum) * (sum - leftSum)) / (sorted.length - s);
        if (gain > best.gain) best = { gain, feature: j, threshold: 0.5 * (here + next) };
      }
    }
    if (best.feature < 0) return id;
    const leftRows = indices.filter((i) => rows[i][best.feature] <= best.threshold);
    const rightRows = indices.filter((i) => rows[i][best.feature] > best.threshold);
    const left = grow(leftRows, depth + 1);
    const right = grow(rightRows, depth + 1);
    nodes[id] = { feature: best.feature, threshold: best.threshold, left, right, value };
    return id;
  };

  grow([...sample], 0);
  return { nodes };
}

export function predictTree(tree: RegressionTree, row: readonly number[]): number {
  let node = tree.nodes[0];
  while (node.feature >= 0) node = tree.nodes[row[node.feature] <= node.threshold ? node.left : node.right];
  return node.value;
}

/** Fits numTrees trees, each on a bootstrap resample of the rows. */
export function fitRegressionForest(
  rows: readonly (readonly number[])[],
  targets: readonly number[],
  rng: Rng,
  options: ForestOptions = {},
): RegressionForest {
  const d = checkRows(rows, targets);
  const { numTrees = 32 } = options;
  if (!Number.isInteger(numTrees) || numTrees < 1)
    throw new Error(`Expected numTrees to be a positive integer, but got ${numTrees}`);
  const n = rows.length;
  const trees = Array.from({ length: numTrees }, () => {
    const sample = Array.from({ length: n }, () => rng.nextInt(n));
    return fitRegressionTree(rows, targets, sample, rng, options);
  });
  const lower = Array.from({ length: d }, (_, j) => Math.min(...rows.map((row) => row[j])));
  const upper = Array.from({ length: d }, (_, j) => Math.max(...rows.map((row) => row[j])));
  return { trees, lower, upper };
}

export function predictForest(forest: RegressionForest, row: readonly number[]): number {
  return forest.trees.reduce((s, tree) => s + predictTree(tree, row), 0) / forest.trees.length;
}
