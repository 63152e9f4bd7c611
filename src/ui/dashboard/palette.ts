// Colour-blind-safe colours for every chart, one pair per colour: the light scheme's and the dark
// scheme's, written as CSS light-dark() so a chart follows prefers-color-scheme with no re-render.
// Categories (rungs, curves) are Okabe–Ito, darkened on light where a hue falls under 3:1 on white;
// accuracy is viridis (perceptually uniform, readable under the common colour-vision deficiencies),
// cut to the part of the ramp that keeps 3:1 against the chart surface, with the best accuracy at
// the end that stands out most: dark purple on light, bright yellow on dark. palette.test.ts checks it.
import { interpolateViridis } from 'd3-scale-chromatic';

export interface ColourPair {
  light: string;
  dark: string;
}

/** The chart card's background in each scheme (--surface in ../styles.css; palette.test.ts keeps them equal). */
export const SURFACE: ColourPair = { light: '#ffffff', dark: '#1c1f24' };

export const both = (p: ColourPair): string => `light-dark(${p.light}, ${p.dark})`;

/** Okabe & Ito (2008): blue, orange, green, purple, vermillion, sky blue, black (white on dark). */
export const CATEGORY_PAIRS: readonly ColourPair[] = [
  { light: '#0072B2', dark: '#56B4E9' },
  { light: '#B36200', dark: '#E69F00' },
  { light: '#007A5A', dark: '#009E73' },
  { light: '#A8558A', dark: '#CC79A7' },
  { light: '#D55E00', dark: '#D55E00' },
  { light: '#3A8FD0', dark: '#F0E442' },
  { light: '#000000', dark: '#FFFFFF' },
];

export const CATEGORY = CATEGORY_PAIRS.map(both);
export const categoryColour = (i: number): string => CATEGORY[i % CATEGORY.length];
export const rungColour = categoryColour;

/** The part of viridis each scheme uses, from the worst accuracy to the best. */
export const VIRIDIS_RANGE = { light: [0.55, 0], dark: [0.4, 1] } as const;

/** A trial that has no accuracy (diverged, or still running). */
export const MISSING_PAIR: ColourPair = { light: '#6b7280', dark: '#959ca6' };

export function accuracyPair(value: number | null, [lo, hi]: readonly [number, number]): ColourPair {
  if (value === null || !Number.isFinite(value)) return MISSING_PAIR;
  const t = Math.min(1, Math.max(0, hi > lo ? (value - lo) / (hi - lo) : 0.5));
  const at = ([from, to]: readonly [number, number]) => interpolateViridis(from + t * (to - from));
  return { light: at(VIRIDIS_RANGE.light), dark: at(VIRIDIS_RANGE.dark) };
}

export const accuracyColour = (value: number | null, domain: readonly [number, number]): string =>
  both(accuracyPair(value, domain));

/** Ink for marks that stand out (a promoted trial's ring) and for the faint parts (grid, guides). */
export const INK = both({ light: '#000000', dark: '#FFFFFF' });
export const GRID = both({ light: '#d5d9de', dark: '#3a4049' });
export const MUTED = both({ light: '#6b7280', dark: '#959ca6' });
export const MISSING = both(MISSING_PAIR);
