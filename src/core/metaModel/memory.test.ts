// Tests for memory.ts's fidelity keys: parseFidelityKey is fidelityKey's inverse (the oracle),
// rejects keys this version never writes, and the tiny preset's full fidelity is its own numbers.
import { describe, expect, it } from 'vitest';
import { findPreset } from '../study/presets';
import { describeFidelity, fidelityKey, fidelityOf, parseFidelityKey, type Fidelity } from './memory';

describe('parseFidelityKey', () => {
  it('inverts fidelityKey', () => {
    for (const trainImages of [1, 24, 1024, 4500, 49990]) {
      for (const epochs of [1, 2, 7, 1000]) {
        const f: Fidelity = { dataset: 'cifar10', trainImages, epochs };
        expect(parseFidelityKey(fidelityKey(f))).toEqual(f);
      }
    }
  });

  it('rejects keys this version does not write', () => {
    for (const key of [
      '',
      'cifar10',
      'cifar10:1024',
      'cifar100:1024x1',
      'cifar10:0x1',
      'cifar10:1024x0',
      'cifar10:01024x1',
      'cifar10:1024x1 ',
      'cifar10:-5x1',
      'cifar10:1.5x1',
      'cifar10:NaNx1',
      'cifar10:1234567890x1',
    ]) {
      expect(parseFidelityKey(key), key).toBeNull();
    }
  });
});

describe('fidelityOf', () => {
  it("is the tiny preset's 1,024 images for 1 epoch", () => {
    const f = fidelityOf(findPreset('tiny')!.study);
    expect(f).toEqual({ dataset: 'cifar10', trainImages: 1024, epochs: 1 });
    expect(fidelityKey(f)).toBe('cifar10:1024x1');
    expect(describeFidelity(f)).toBe('1024 images x 1 epoch');
  });
});
