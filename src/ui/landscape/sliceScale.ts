// Colour and contour geometry of loss-landscape slices: one scale shared by every slice shown
// (so two trials compare by colour), viridis (perceptually uniform, colour-blind safe), optionally
// logarithmic, and contour lines from d3-contour's marching squares.
import { contours } from 'd3-contour';
import { interpolateViridis } from 'd3-scale-chromatic';
import type { SliceGrid } from '../../store/landscapeState';

export interface SliceScale {
  lo: number;
  hi: number;
  log: boolean;
}

const LOG_FLOOR = 1e-12;
/** The value the colours and contours are linear in. */
export const transform = (v: number, log: boolean) => (log ? Math.log(Math.max(v, LOG_FLOOR)) : v);

/** Min and max over the rows that have arrived, in every grid; null before the first row. */
export function sharedScale(grids: SliceGrid[], log: boolean): SliceScale | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const g of grids)
    for (const row of g.losses)
      for (const v of row ?? []) {
        if (Number.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
  return lo <= hi ? { lo, hi, log } : null;
}

/** Position of a loss on the scale, clamped to [0, 1]. */
export function unitOf(v: number, s: SliceScale): number {
  const [a, b] = [transform(s.lo, s.log), transform(s.hi, s.log)];
  if (!Number.isFinite(v)) return 1;
  return b > a ? Math.min(1, Math.max(0, (transform(v, s.log) - a) / (b - a))) : 0.5;
}

export const colourOf = (v: number, s: SliceScale) => interpolateViridis(unitOf(v, s));

/** The colour as bytes, for canvas pixels (viridis gives '#rrggbb' or 'rgb(r, g, b)'). */
export function rgbOf(v: number, s: SliceScale): [number, number, number] {
  const c = colourOf(v, s);
  if (c.startsWith('#')) return [1, 3, 5].map((k) => parseInt(c.slice(k, k + 2), 16)) as [number, number, number];
  return c.match(/\d+/g)!.slice(0, 3).map(Number) as [number, number, number];
}

/** Loss at position t of the scale (the inverse of unitOf), for legend labels. */
export function lossAt(t: number, s: SliceScale): number {
  const [a, b] = [transform(s.lo, s.log), transform(s.hi, s.log)];
  const x = a + t * (b - a);
  return s.log ? Math.exp(x) : x;
}

/** `count` contour levels, evenly spaced on the scale (geometric in losses when log). */
export function contourLevels(s: SliceScale, count = 10): number[] {
  return Array.from({ length: count }, (_, k) => lossAt((k + 0.5) / count, s));
}

export interface ContourLine {
  level: number;
  d: string;
}

/**
 * SVG paths of the contour lines of an N×N grid (rows[j][i], β index j upward), in a box of
 * `size` pixels. Grid cell (i, j) covers [i, i+1] × [j, j+1] in d3-contour's coordinates.
 */
export function contourLines(rows: number[][], s: SliceScale, size: number, count = 10): ContourLine[] {
  const n = rows.length;
  const values = rows.flatMap((row) =>
    row.map((v) => (Number.isFinite(v) ? transform(v, s.log) : transform(s.hi, s.log))),
  );
  const levels = contourLevels(s, count);
  const cell = size / n;
  const generator = contours()
    .size([n, n])
    .thresholds(levels.map((l) => transform(l, s.log)));
  return generator(values)
    .map((geometry, k) => ({
      level: levels[k],
      d: geometry.coordinates
        .flatMap((polygon) =>
          polygon.map(
            (ring) => `M${ring.map(([x, y]) => `${(x * cell).toFixed(1)},${((n - y) * cell).toFixed(1)}`).join('L')}Z`,
          ),
        )
        .join(''),
    }))
    .filter((line) => line.d.length > 0);
}

/** Ticks along an axis of coordinates -range..range. */
export const axisTicks = (range: number) => [-range, -range / 2, 0, range / 2, range];

export function formatLoss(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 100 ? v.toExponential(1) : v.toPrecision(3);
}
