import { describe, expect, it } from 'vitest';
import { CODE_IDENTIFIER } from '../../testing/codeIdentifier';
import { GLOSSARY } from './glossary';

describe('the glossary', () => {
  const entries = Object.values(GLOSSARY);
  it('explains each term the issue names in a sentence or two', () => {
    const terms = entries.map((e) => e.term).join(' | ');
    for (const word of ['regret', 'CI', 'rung', 'η', 'Spearman', 'fANOVA', 'P(best)']) expect(terms).toContain(word);
    for (const e of entries) {
      expect(e.text.length).toBeGreaterThan(30);
      expect(e.text.length).toBeLessThan(240);
    }
  });
  it('writes plain words, no code identifiers', () => {
    for (const e of entries) expect(`${e.term} ${e.text}`).not.toMatch(CODE_IDENTIFIER);
  });
  it('anchors accuracy: chance at 10%, about 85% when trained fully', () => {
    expect(GLOSSARY.validationAccuracy.text).toMatch(/10%/);
    expect(GLOSSARY.validationAccuracy.text).toMatch(/85%/);
  });
});
