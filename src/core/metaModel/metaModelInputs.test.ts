// What a study's meta-model may learn from: never an example that is one of its own answers.
import { describe, expect, it } from 'vitest';
import { initStudy } from '../study/studyMachine';
import type { MetaExample } from './memory';
import { matchingExamples } from './metaModelInputs';
import { def, example } from '../../testing/promotionOracle';

describe('matchingExamples', () => {
  it("leaves out an earlier example with the identity of one of the study's configurations, whatever study left it", () => {
    const state = initStudy(def);
    const own = state.configs[3];
    const leak: MetaExample = {
      ...example(0),
      config: { ...own },
      source: { study: 'another name', seed: def.seed, configId: 7, kind: 'audit' },
    };
    const otherSplit: MetaExample = { ...leak, source: { ...leak.source, seed: def.seed + 1 } };
    const otherConfig: MetaExample = { ...leak, config: { ...own, learningRate: own.learningRate * 1.5 } };
    const otherFidelity: MetaExample = { ...leak, fidelity: { ...leak.fidelity, epochs: leak.fidelity.epochs + 1 } };
    const kept = matchingExamples(state, [leak, otherSplit, otherConfig, otherFidelity]);
    // Oracle: only the exact (configuration, fidelity, split seed) is this study's answer; another
    // fidelity never matches this study at all.
    expect(kept).toEqual([otherSplit, otherConfig]);
  });
});
