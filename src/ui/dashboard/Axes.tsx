// The frame every hand-written chart draws in: an SVG with a viewBox (so it scales to any width and
// exports at a fixed size), x and y axes with nice ticks, light grid lines and axis titles.
import type { ReactNode } from 'react';
import { formatTick, type Scale } from '../../core/charts/chartScale';
import { GRID } from './palette';

export interface Frame {
  width: number;
  height: number;
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const FRAME: Frame = { width: 600, height: 340, top: 14, right: 18, bottom: 48, left: 60 };

export function plotArea(f: Frame) {
  return { x0: f.left, x1: f.width - f.right, y0: f.height - f.bottom, y1: f.top };
}

export function ChartSvg({
  frame = FRAME,
  label,
  children,
  testId,
}: {
  frame?: Frame;
  label: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <svg
      className="chart-svg"
      viewBox={`0 0 ${frame.width} ${frame.height}`}
      role="img"
      aria-label={label}
      data-testid={testId}
      fontFamily="system-ui, -apple-system, 'Segoe UI', sans-serif"
      fontSize={13}
      fill="currentColor"
    >
      <title>{label}</title>
      {children}
    </svg>
  );
}

interface AxesProps {
  x: Scale;
  y: Scale;
  frame?: Frame;
  xLabel: string;
  yLabel: string;
  xTicks?: number[];
  yTicks?: number[];
  xFormat?: (v: number) => string;
  yFormat?: (v: number) => string;
}

export function Axes({
  x,
  y,
  frame = FRAME,
  xLabel,
  yLabel,
  xTicks,
  yTicks,
  xFormat = formatTick,
  yFormat = formatTick,
}: AxesProps) {
  const { x0, x1, y0, y1 } = plotArea(frame);
  const xs = xTicks ?? x.ticks(6);
  const ys = yTicks ?? y.ticks(5);
  return (
    <g className="axes">
      {ys.map((t) => (
        <g key={`y${t}`}>
          <line x1={x0} x2={x1} y1={y(t)} y2={y(t)} stroke={GRID} strokeWidth={1} />
          <text x={x0 - 6} y={y(t)} dy="0.32em" textAnchor="end">
            {yFormat(t)}
          </text>
        </g>
      ))}
      {xs.map((t) => (
        <g key={`x${t}`}>
          <line x1={x(t)} x2={x(t)} y1={y0} y2={y0 + 5} stroke="currentColor" />
          <text x={x(t)} y={y0 + 18} textAnchor="middle">
            {xFormat(t)}
          </text>
        </g>
      ))}
      <line x1={x0} x2={x1} y1={y0} y2={y0} stroke="currentColor" />
      <line x1={x0} x2={x0} y1={y0} y2={y1} stroke="currentColor" />
      <text x={(x0 + x1) / 2} y={frame.height - 8} textAnchor="middle" fontWeight={600}>
        {xLabel}
      </text>
      <text transform={`translate(14 ${(y0 + y1) / 2}) rotate(-90)`} textAnchor="middle" fontWeight={600}>
        {yLabel}
      </text>
    </g>
  );
}

/** A polyline path "M x y L x y …" skipping non-finite points (a gap starts a new segment). */
export function linePath(xs: readonly number[], ys: readonly number[]): string {
  let d = '';
  let pen = false;
  for (let i = 0; i < xs.length; i++) {
    if (!Number.isFinite(xs[i]) || !Number.isFinite(ys[i])) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${xs[i].toFixed(1)} ${ys[i].toFixed(1)}`;
    pen = true;
  }
  return d;
}

/** A closed area between a lower and an upper line over the same xs. */
export function bandPath(xs: readonly number[], lower: readonly number[], upper: readonly number[]): string {
  if (xs.length === 0) return '';
  const top = xs.map((x, i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${upper[i].toFixed(1)}`).join('');
  const bottom = xs
    .map((_, j) => {
      const i = xs.length - 1 - j;
      return `L${xs[i].toFixed(1)} ${lower[i].toFixed(1)}`;
    })
    .join('');
  return `${top}${bottom}Z`;
}

/** A legend of coloured swatches on a faint white backing, in a column (default) or a row. */
export function Legend({
  items,
  x,
  y,
  row = false,
}: {
  items: { label: string; colour: string; dash?: string; area?: boolean }[];
  x: number;
  y: number;
  row?: boolean;
}) {
  // Text width is estimated (about 6.6 px per character at 12 px) so the legend needs no layout pass.
  const widths = items.map((item) => 34 + 6.6 * item.label.length);
  const offsets = widths.map((_, i) => widths.slice(0, i).reduce((s, w) => s + w + 8, 0));
  const boxWidth = row ? offsets[offsets.length - 1] + widths[widths.length - 1] : Math.max(...widths);
  const boxHeight = row ? 17 : 17 * items.length;
  return (
    <g className="legend" transform={`translate(${x} ${y})`} fontSize={12}>
      <rect x={-4} y={-9} width={boxWidth + 8} height={boxHeight + 2} fill="var(--surface)" fillOpacity={0.85} />
      {items.map((item, i) => (
        <g key={item.label} transform={row ? `translate(${offsets[i]} 0)` : `translate(0 ${i * 17})`}>
          {item.area ? (
            <rect x={0} y={-5} width={22} height={10} fill={item.colour} fillOpacity={0.25} />
          ) : (
            <line x1={0} x2={22} y1={0} y2={0} stroke={item.colour} strokeWidth={2.5} strokeDasharray={item.dash} />
          )}
          <text x={28} dy="0.32em">
            {item.label}
          </text>
        </g>
      ))}
    </g>
  );
}
