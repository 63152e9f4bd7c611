// Seeded stratified validation split and nested stratified subsets of the training pool.
// Nested subsets make a successive-halving rung's data a superset of the rung below it
// (prefixes of one per-class permutation), so a larger dataFraction only ever adds examples.
import { createRng, deriveSeed, shuffleInPlace } from '../rng';

function checkLabels(labels: Uint8Array, numClasses: number): void {
  if (!Number.isInteger(numClasses) || numClasses < 1) {
    throw new Error(`Expected numClasses to be a positive integer, but got ${numClasses}`);
  }
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] >= numClasses)
      throw new Error(`Label ${labels[i]} at index ${i} is not below numClasses ${numClasses}`);
  }
}

/** Members of each class, in the order they appear in `indices`. */
function groupByClass(indices: ArrayLike<number>, labels: Uint8Array, numClasses: number): number[][] {
  const groups: number[][] = Array.from({ length: numClasses }, () => []);
  for (let i = 0; i < indices.length; i++) {
    const index = indices[i];
    if (!Number.isInteger(index) || index < 0 || index >= labels.length) {
      throw new Error(`Index ${index} is outside the ${labels.length} labels`);
    }
    groups[labels[index]].push(index);
  }
  return groups;
}

const sortedInt32 = (xs: number[]): Int32Array => Int32Array.from(xs).sort();

/**
 * Validation set of validationSize indices, validationSize/numClasses per class (the remainder
 * goes one each to the lowest class ids); the rest is train. Both sorted ascending. Drawn from
 * `universe` (ascending indices into labels) when given, else from every index.
 */
export function stratifiedSplit(
  labels: Uint8Array,
  numClasses: number,
  validationSize: number,
  seed: number,
  universe: Int32Array = Int32Array.from(labels.keys()),
): { train: Int32Array; validation: Int32Array } {
  checkLabels(labels, numClasses);
  if (!Number.isInteger(validationSize) || validationSize < 0 || validationSize > universe.length) {
    throw new Error(`Expected validationSize to be an integer in 0..${universe.length}, but got ${validationSize}`);
  }
  const groups = groupByClass(universe, labels, numClasses);
  const base = Math.floor(validationSize / numClasses);
  const remainder = validationSize % numClasses;
  const train: number[] = [];
  const validation: number[] = [];
  groups.forEach((members, c) => {
    const quota = base + (c < remainder ? 1 : 0);
    if (quota > members.length) {
      throw new Error(`Class ${c} has ${members.length} examples, fewer than its validation quota ${quota}`);
    }
    // One stream per class: a class's split does not depend on the sizes of the others.
    shuffleInPlace(members, createRng(deriveSeed(seed, 'stratifiedSplit', c)));
    for (let i = 0; i < members.length; i++) (i < quota ? validation : train).push(members[i]);
  });
  return { train: sortedInt32(train), validation: sortedInt32(validation) };
}

/**
 * Stratified subset of `pool` with round(fraction * count_c) members of each class c (at least
 * 1 when the class is present), sorted ascending. For a fixed (pool, seed) the subsets are
 * nested: fraction r1 <= r2 implies subset(r1) ⊆ subset(r2). The per-class permutation depends
 * only on the set of pool members, not on their order or on the fraction.
 */
export function nestedSubset(
  pool: Int32Array,
  labels: Uint8Array,
  numClasses: number,
  fraction: number,
  seed: number,
): Int32Array {
  if (!(fraction > 0 && fraction <= 1)) throw new Error(`Expected fraction in (0, 1], but got ${fraction}`);
  checkLabels(labels, numClasses);
  const groups = groupByClass(pool, labels, numClasses);
  const chosen: number[] = [];
  groups.forEach((members, c) => {
    if (members.length === 0) return;
    members.sort((a, b) => a - b); // canonical order before the seeded permutation
    shuffleInPlace(members, createRng(deriveSeed(seed, 'nestedSubset', c)));
    // round() and max() are monotone in fraction, so prefixes stay nested.
    const take = Math.max(1, Math.round(fraction * members.length));
    for (let i = 0; i < take; i++) chosen.push(members[i]);
  });
  return sortedInt32(chosen);
}
