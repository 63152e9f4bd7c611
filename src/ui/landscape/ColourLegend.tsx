// The colour scale the slices share: a viridis bar labelled in losses (geometric steps when log).
import { colourOf, formatLoss, lossAt, type SliceScale } from './sliceScale';

const WIDTH = 280;
const STOPS = 11;

export function ColourLegend({ scale }: { scale: SliceScale }) {
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  return (
    <svg
      className="colour-legend"
      width={WIDTH + 40}
      height={50}
      role="img"
      aria-label={`colour scale: loss ${formatLoss(scale.lo)} to ${formatLoss(scale.hi)}${scale.log ? ', logarithmic' : ''}`}
    >
      <defs>
        <linearGradient id="slice-viridis">
          {Array.from({ length: STOPS }, (_, k) => (
            <stop key={k} offset={k / (STOPS - 1)} stopColor={colourOf(lossAt(k / (STOPS - 1), scale), scale)} />
          ))}
        </linearGradient>
      </defs>
      <g transform="translate(20,4)">
        <rect width={WIDTH} height={12} fill="url(#slice-viridis)" />
        {ticks.map((t) => (
          <g key={t} transform={`translate(${t * WIDTH},0)`}>
            <line y1={12} y2={16} stroke="currentColor" />
            <text y={28} textAnchor="middle" fontSize={11}>
              {formatLoss(lossAt(t, scale))}
            </text>
          </g>
        ))}
        <text x={WIDTH / 2} y={38} textAnchor="middle" fontSize={10} fill="currentColor">
          probe-set loss{scale.log ? ' (log scale)' : ''}
        </text>
      </g>
    </svg>
  );
}
