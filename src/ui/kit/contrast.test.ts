import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contrastRatio, parseColour, relativeLuminance } from './contrast';

/** The two token sets of styles.css: the first :root block with --bg, and the one under prefers-color-scheme: dark. */
function tokenSets(): Record<'light' | 'dark', Record<string, string>> {
  const css = readFileSync(new URL('../styles.css', import.meta.url), 'utf8');
  const read = (block: string) =>
    Object.fromEntries([...block.matchAll(/(--[a-z-]+):\s*(#[0-9a-f]{3,6});/gi)].map((m) => [m[1], m[2]]));
  const darkStart = css.indexOf('@media (prefers-color-scheme: dark)');
  const lightBlock = css.slice(0, darkStart);
  const darkBlock = css.slice(darkStart, css.indexOf('}\n}', darkStart));
  return { light: read(lightBlock), dark: read(darkBlock) };
}

describe('WCAG contrast', () => {
  it('matches the WCAG definition at known points', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#fff', '#fff')).toBeCloseTo(1, 5);
    // #777 on white is the classic just-under-AA grey: 4.48:1.
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(relativeLuminance('rgb(255, 0, 0)')).toBeCloseTo(0.2126, 4);
  });
  it('names the value it cannot read', () => {
    expect(() => parseColour('teal')).toThrow('"teal"');
  });
});

describe('the colour tokens of styles.css', () => {
  const sets = tokenSets();
  it.each(['light', 'dark'] as const)('%s: text 4.5:1, focus ring and edges 3:1', (scheme) => {
    const t = sets[scheme];
    expect(Object.keys(t).length).toBeGreaterThan(20);
    for (const bg of [t['--bg'], t['--surface']]) {
      expect(contrastRatio(t['--text'], bg)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(t['--text-muted'], bg)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(t['--focus'], bg)).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(t['--ink-faint'], bg)).toBeGreaterThanOrEqual(3);
    }
    expect(contrastRatio(t['--accent-text'], t['--accent'])).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(t['--accent'], t['--surface'])).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(t['--error-text'], t['--surface'])).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(t['--text'], t['--warning-bg'])).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(t['--text'], t['--error-bg'])).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(t['--text-muted'], t['--row-running'])).toBeGreaterThanOrEqual(4.5);
  });
});
