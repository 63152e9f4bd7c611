// A small horizontal viridis colour bar with its end labels, for charts coloured by accuracy.
import { useId } from 'react';
import { accuracyColour } from './palette';
import { formatPercent } from '../kit/format';

export function ColourBar({
  x,
  y,
  domain,
  label,
  width = 120,
}: {
  x: number;
  y: number;
  domain: readonly [number, number];
  label: string;
  width?: number;
}) {
  const id = useId().replace(/:/g, '');
  const stops = [0, 0.25, 0.5, 0.75, 1];
  const pct = (v: number) => formatPercent(v, 0);
  return (
    <g transform={`translate(${x} ${y})`} fontSize={11}>
      <defs>
        <linearGradient id={`cb${id}`}>
          {stops.map((s) => (
            <stop key={s} offset={s} stopColor={accuracyColour(domain[0] + s * (domain[1] - domain[0]), domain)} />
          ))}
        </linearGradient>
      </defs>
      <text x={width / 2} y={-5} textAnchor="middle">
        {label}
      </text>
      <rect width={width} height={8} fill={`url(#cb${id})`} />
      <text x={0} y={20} textAnchor="start">
        {pct(domain[0])}
      </text>
      <text x={width} y={20} textAnchor="end">
        {pct(domain[1])}
      </text>
    </g>
  );
}
