// Tests for openLaunchLink (./actions): every notice of a launch link shown once, a study that is
// not exactly a preset shown as custom, prototype names never a flag, and no fragment ignored silently.
import { beforeEach, describe, expect, it } from 'vitest';
import { findPreset, presetOf, PRESETS } from '../core/study/presets';
import { encodeStudy } from '../core/link/urlState';
import { openLaunchLink } from './shareLink';
import { labStore } from './labStore';

const initial = labStore.getState();
beforeEach(() => labStore.setState(initial, true));

describe('openLaunchLink', () => {
  it('shows each launch problem once when there is no share link', () => {
    openLaunchLink('?preset=nope&backend=quantum&view=slides', '');
    expect(labStore.getState().linkProblems).toEqual([
      `Unknown preset "nope"; expected one of ${PRESETS.map((p) => p.id).join(', ')}.`,
      'Unknown backend "quantum"; expected one of webgpu, webgl, wasm, cpu.',
      'Unknown view "slides"; expected one of lab, present.',
    ]);
  });

  it('opens a preset by id, and a link that only borrows its name as a custom study', () => {
    openLaunchLink('?preset=demo2', '');
    expect(labStore.getState()).toMatchObject({
      presetId: 'demo2',
      definition: findPreset('demo2')!.study,
      linkProblems: [],
    });
    const demo = findPreset('demo2')!.study;
    const big = { ...demo, fixed: { ...demo.fixed, epochs: 1000 }, scheduler: { ...demo.scheduler, numConfigs: 1000 } };
    openLaunchLink('', `#s=${encodeStudy(big)}`);
    expect(labStore.getState().definition).toEqual(big);
    expect(labStore.getState().presetId).toBe('custom');
    expect(presetOf(labStore.getState().definition)).toBeUndefined();
  });

  it('never takes a prototype name for a flag (?debug=__proto__, ?lock=constructor)', () => {
    const options = openLaunchLink('?debug=__proto__&lock=constructor', '');
    expect(options.debug).toBe(false);
    expect(labStore.getState().classroom.lock).toBe(false);
    expect(labStore.getState().linkProblems).toHaveLength(2);
  });

  it('gives a notice for a fragment that is not a study, and for junk after a valid one', () => {
    const link = encodeStudy(findPreset('smoke')!.study);
    for (const hash of [`#S=${link}`, '#x=1', '#hello']) {
      openLaunchLink('', hash);
      expect(labStore.getState().linkProblems, hash).toHaveLength(1);
      expect(labStore.getState().linkProblems[0]).toMatch(/Nothing was run\.$/);
    }
    openLaunchLink('', `#s=${link}zzzz`);
    expect(labStore.getState().presetId).toBe('smoke');
    expect(labStore.getState().linkProblems).toEqual([
      'The link had 4 extra characters after its study; they were ignored.',
    ]);
    openLaunchLink('', '#');
    expect(labStore.getState().linkProblems).toEqual([]);
  });
});
