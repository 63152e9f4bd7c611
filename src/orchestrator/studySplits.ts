// The index sets a study trains and scores on, all derived from its seed: a stratified validation
// split held out of the study's universe (all 50,000 training images, or for a small study the
// chunks it downloads: core/dataset/studyUniverse), a fixed evaluation subset of it, and nested
// stratified training subsets per data fraction. The test set is never touched here.
import { nestedSubset, stratifiedSplit } from '../core/dataset/dataSplit';
import { studyUniverse } from '../core/dataset/studyUniverse';
import { deriveSeed } from '../core/rng';
import type { StudyDefinition } from '../core/study/studyDefinition';

export interface StudySplits {
  trainPool: Int32Array;
  evalIndices: Int32Array;
  trainIndicesAt(dataFraction: number): Int32Array;
}

export function studySplits(def: StudyDefinition, labels: Uint8Array, numClasses = 10): StudySplits {
  const { data, seed } = def;
  const universe = studyUniverse(data);
  const split = stratifiedSplit(
    labels,
    numClasses,
    universe.heldOut,
    deriveSeed(seed, 'validation'),
    universe.indices ?? undefined,
  );
  const evalIndices = nestedSubset(
    split.validation,
    labels,
    numClasses,
    data.evalImages / split.validation.length,
    deriveSeed(seed, 'eval'),
  );
  const full = data.maxTrainImages / split.train.length;
  const cache = new Map<number, Int32Array>();
  return {
    trainPool: split.train,
    evalIndices,
    trainIndicesAt(dataFraction) {
      if (!cache.has(dataFraction))
        cache.set(
          dataFraction,
          nestedSubset(split.train, labels, numClasses, Math.min(1, dataFraction * full), deriveSeed(seed, 'subset')),
        );
      return cache.get(dataFraction)!;
    },
  };
}
