import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../kit/contrast';
import { CATEGORY_PAIRS, MISSING_PAIR, SURFACE, accuracyPair } from './palette';

const schemes = ['light', 'dark'] as const;
const domain = [0.1, 0.5] as const;
const samples = Array.from({ length: 41 }, (_, i) => domain[0] + (i / 40) * (domain[1] - domain[0]));

describe('chart colours against the chart surface', () => {
  it('keeps every category colour at 3:1 or more in both schemes (WCAG non-text contrast)', () => {
    for (const scheme of schemes)
      for (const pair of CATEGORY_PAIRS) expect(contrastRatio(pair[scheme], SURFACE[scheme])).toBeGreaterThanOrEqual(3);
  });
  it('keeps every accuracy colour, and the no-accuracy grey, at 3:1 or more in both schemes', () => {
    for (const scheme of schemes) {
      for (const v of samples)
        expect(contrastRatio(accuracyPair(v, domain)[scheme], SURFACE[scheme])).toBeGreaterThan(3);
      expect(contrastRatio(MISSING_PAIR[scheme], SURFACE[scheme])).toBeGreaterThanOrEqual(3);
    }
  });
  it('draws the best accuracy in the colour that stands out most, not the palest', () => {
    for (const scheme of schemes) {
      const contrasts = samples.map((v) => contrastRatio(accuracyPair(v, domain)[scheme], SURFACE[scheme]));
      for (let i = 1; i < contrasts.length; i++) expect(contrasts[i]).toBeGreaterThanOrEqual(contrasts[i - 1] - 1e-9);
      expect(contrasts[contrasts.length - 1]).toBeGreaterThan(10);
    }
  });
  it('uses the surface colours the stylesheet gives chart cards', () => {
    const css = readFileSync(new URL('../styles.css', import.meta.url), 'utf8');
    const [light, dark] = [...css.matchAll(/--surface:\s*(#[0-9a-f]{3,6});/gi)].map((m) => m[1].toLowerCase());
    expect({ light, dark }).toEqual({ light: SURFACE.light, dark: SURFACE.dark });
  });
});
