// One loss-landscape slice: a canvas heatmap (one pixel per grid point, scaled up), contour lines as
// SVG paths over it once every row is in, the trained weights marked at the centre, labelled axes.
import { useEffect, useMemo, useRef } from 'react';
import type { SliceGrid } from '../../store/landscapeState';
import { axisTicks, contourLines, rgbOf, formatLoss, type SliceScale } from './sliceScale';

const SIZE = 280;
const M = { left: 46, top: 10, right: 10, bottom: 40 };

export function SliceHeatmap({ grid, scale, title }: { grid: SliceGrid; scale: SliceScale | null; title: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const n = grid.resolution;
  const c = (n - 1) / 2;
  const centre = grid.losses[c]?.[c];
  const complete = grid.rowsDone === n && grid.losses.every((row) => row !== null);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const image = ctx.createImageData(n, n);
    grid.losses.forEach((row, j) =>
      row?.forEach((v, i) => {
        const rgb = scale ? rgbOf(v, scale) : [200, 200, 200];
        const p = 4 * ((n - 1 - j) * n + i); // β grows upward
        image.data.set([rgb[0], rgb[1], rgb[2], 255], p);
      }),
    );
    ctx.putImageData(image, 0, 0);
  }, [grid.losses, n, scale]);

  const lines = useMemo(
    () => (complete && scale ? contourLines(grid.losses as number[][], scale, SIZE) : []),
    [complete, grid.losses, scale],
  );
  const at = (coordinate: number) => ((coordinate + grid.range) / (2 * grid.range)) * SIZE;

  return (
    <figure
      className="slice"
      data-testid="slice-heatmap"
      data-trial-id={grid.trialId}
      data-resolution={n}
      data-rows-done={grid.rowsDone}
      data-centre-loss={centre ?? ''}
      data-contours={lines.length}
    >
      <figcaption>{title}</figcaption>
      <div className="slice-plot" style={{ width: SIZE + M.left + M.right, height: SIZE + M.top + M.bottom }}>
        <canvas
          ref={canvas}
          width={n}
          height={n}
          style={{ left: M.left, top: M.top, width: SIZE, height: SIZE }}
          role="img"
          aria-label={`${title}: loss on a ${n}×${n} grid, ${grid.rowsDone} rows computed`}
        />
        <svg width={SIZE + M.left + M.right} height={SIZE + M.top + M.bottom}>
          <g transform={`translate(${M.left},${M.top})`}>
            <rect width={SIZE} height={SIZE} fill="none" stroke="var(--ink-faint)" />
            <g data-testid="slice-contours" fill="none" stroke="#fff" strokeOpacity={0.8} strokeWidth={1}>
              {lines.map((l) => (
                <path key={l.level} d={l.d}>
                  <title>loss {formatLoss(l.level)}</title>
                </path>
              ))}
            </g>
            {/* The trained weights: α = β = 0. */}
            <g transform={`translate(${SIZE / 2},${SIZE / 2})`} data-testid="slice-centre">
              <circle r={5} fill="none" stroke="#D55E00" strokeWidth={2} />
              <path d="M-8,0H8M0,-8V8" stroke="#D55E00" strokeWidth={1.5} />
              <title>trained weights: loss {centre === undefined ? '…' : formatLoss(centre)}</title>
            </g>
            {axisTicks(grid.range).map((t) => (
              <g key={t} className="tick">
                <text x={at(t)} y={SIZE + 14} textAnchor="middle">
                  {+t.toFixed(3)}
                </text>
                <text x={-6} y={SIZE - at(t) + 4} textAnchor="end">
                  {+t.toFixed(3)}
                </text>
              </g>
            ))}
            <text x={SIZE / 2} y={SIZE + 32} textAnchor="middle" className="axis-label">
              α (direction 1, filter-normalised)
            </text>
            <text transform={`translate(${-34},${SIZE / 2}) rotate(-90)`} textAnchor="middle" className="axis-label">
              β (direction 2)
            </text>
          </g>
        </svg>
      </div>
      <p className="muted slice-meta">
        {grid.rowsDone}/{n} rows · {grid.images} images · centre loss {centre === undefined ? '…' : formatLoss(centre)}
        {grid.imagesPerSecond ? ` · ${grid.imagesPerSecond.toFixed(0)} images/s forward` : ''}
      </p>
    </figure>
  );
}
