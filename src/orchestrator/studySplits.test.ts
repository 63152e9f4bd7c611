// studySplits over the real CIFAR-10 labels against oracles: a study that needs every image splits
// exactly as the lab did before chunked data (stratifiedSplit over all 50,000 indices), and a small
// study's images all lie in the chunks it downloads.
import { describe, expect, it } from 'vitest';
import { loadCifar10 } from '../cli/nodeDataset';
import { chunkMembers } from '../core/dataset/chunkOrder';
import { nestedSubset, stratifiedSplit } from '../core/dataset/dataSplit';
import { studyUniverse } from '../core/dataset/studyUniverse';
import { findPreset } from '../core/study/presets';
import type { StudyDefinition } from '../core/study/studyDefinition';
import { deriveSeed } from '../core/rng';
import { studySplits } from './studySplits';

const labels = loadCifar10('train').labels;
const preset = (id: string): StudyDefinition => findPreset(id)!.study;
const fractions = [1 / 27, 1 / 9, 1 / 3, 1];

/** The splits as studySplits computed them when every study drew from all 50,000 images. */
function officialSplits(def: StudyDefinition) {
  const { data, seed } = def;
  const split = stratifiedSplit(labels, 10, data.validationSize, deriveSeed(seed, 'validation'));
  const evalIndices = nestedSubset(
    split.validation,
    labels,
    10,
    data.evalImages / split.validation.length,
    deriveSeed(seed, 'eval'),
  );
  const full = data.maxTrainImages / split.train.length;
  const at = (f: number) => nestedSubset(split.train, labels, 10, Math.min(1, f * full), deriveSeed(seed, 'subset'));
  return { evalIndices, at };
}

describe('studySplits', () => {
  it.each(['real', 'full'])('%s needs every image: its splits are the official-order ones, unchanged', (id) => {
    const def = preset(id);
    expect(studyUniverse(def.data).indices).toBeNull();
    const lab = studySplits(def, labels);
    const before = officialSplits(def);
    expect(lab.evalIndices).toEqual(before.evalIndices);
    for (const f of fractions) expect(lab.trainIndicesAt(f)).toEqual(before.at(f));
  });

  it.each(['tiny', 'smoke', 'demo2', 'micro'])(
    '%s draws only from its chunk prefix; evaluation and training are disjoint and sized as the study asks',
    (id) => {
      const def = preset(id);
      const universe = studyUniverse(def.data);
      const { data } = def;
      expect(universe.chunks).toBe(Math.ceil((data.evalImages + data.maxTrainImages) / 1000));
      const prefix = new Set<number>();
      for (let k = 0; k < universe.chunks; k++) chunkMembers(k).forEach((i) => prefix.add(i));
      const lab = studySplits(def, labels);
      const train = lab.trainIndicesAt(1);
      expect([...lab.evalIndices, ...train].every((i) => prefix.has(i))).toBe(true);
      expect(train.some((i) => lab.evalIndices.includes(i))).toBe(false);
      expect(Math.abs(lab.evalIndices.length - data.evalImages)).toBeLessThanOrEqual(5);
      expect(Math.abs(train.length - data.maxTrainImages)).toBeLessThanOrEqual(5);
      // Nested rungs, and the evaluation subset stratified: within one image per class of its share.
      for (let r = 1; r < fractions.length; r++) {
        const wider = new Set(lab.trainIndicesAt(fractions[r]));
        expect(lab.trainIndicesAt(fractions[r - 1]).every((i) => wider.has(i))).toBe(true);
      }
      const perClass = new Array<number>(10).fill(0);
      lab.evalIndices.forEach((i) => perClass[labels[i]]++);
      for (const n of perClass) expect(Math.abs(n - data.evalImages / 10)).toBeLessThanOrEqual(1);
    },
  );
});
