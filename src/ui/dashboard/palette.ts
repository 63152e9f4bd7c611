// Colour-blind-safe colours for every chart: Okabe–Ito for categories (rungs, curves), viridis for
// accuracy (perceptually uniform and readable under the common colour-vision deficiencies).
import { interpolateViridis } from 'd3-scale-chromatic';

/** Okabe & Ito (2008), without yellow, which is too pale on white. */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#000000'] as const;

export const rungColour = (rung: number): string => OKABE_ITO[rung % OKABE_ITO.length];

/** Viridis over [lo, hi]; the last tenth of the map (pale yellow) is skipped so points stay visible on white. */
export function accuracyColour(value: number | null, [lo, hi]: readonly [number, number]): string {
  if (value === null || !Number.isFinite(value)) return '#9aa0a6';
  const t = hi > lo ? (value - lo) / (hi - lo) : 0.5;
  return interpolateViridis(0.9 * Math.min(1, Math.max(0, t)));
}

/** Neutral ink for axes and text; charts draw with currentColor so a high-contrast view can recolour them. */
export const GRID = '#d5d9de';
export const MUTED = '#6b7280';
