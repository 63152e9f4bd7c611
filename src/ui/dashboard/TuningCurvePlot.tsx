// The tuning-curve figure (Lourie et al. 2025, arXiv 2510.02721): the median best score after k
// random-search trials with its simultaneous band, the average with its band dotted, the fitted
// quadratic law's average, and a marker at the n trials actually run. The legend sits in its own rows
// above the plot: inside it, it covered the median curve where the curve flattens.
import { linearScale } from '../../core/charts/chartScale';
import type { TuningCurveSeries } from '../../core/charts/tuningCurveSeries';
import { Axes, ChartSvg, FRAME, Legend, bandPath, linePath, plotArea, type Frame } from './Axes';
import { CATEGORY } from './palette';
import { formatPercent } from '../kit/format';

const [MEDIAN, AVERAGE, LAW] = [CATEGORY[0], CATEGORY[4], CATEGORY[2]];
const pct = (v: number) => formatPercent(v, 0);

/** Two legend rows, 18 units apart, above the plot area. */
export const LEGEND_ROWS = [14, 32] as const;
export const TUNING_FRAME: Frame = { ...FRAME, height: FRAME.height + 40, top: FRAME.top + 40 };

export function TuningCurvePlot({
  series,
  n,
  confidence,
  label,
  testId,
  yLabel = 'best validation accuracy',
}: {
  series: TuningCurveSeries;
  n: number;
  confidence: number;
  label: string;
  testId?: string;
  yLabel?: string;
}) {
  const frame = TUNING_FRAME;
  const { x0, x1, y0, y1 } = plotArea(frame);
  const maxK = series.ks[series.ks.length - 1];
  const x = linearScale([1, maxK], [x0, x1]);
  const all = [...series.median.lower, ...series.median.upper, ...series.average.lower, ...series.average.upper];
  const y = linearScale([Math.max(0, Math.min(...all) - 0.01), Math.min(1, Math.max(...all) + 0.01)], [y0, y1]);
  const xs = series.ks.map(x);
  const ly = (vs: readonly number[]) => vs.map(y);
  return (
    <ChartSvg label={label} testId={testId} frame={frame}>
      <Axes x={x} y={y} frame={frame} xLabel="k, number of random-search trials" yLabel={yLabel} yFormat={pct} />
      <path
        d={bandPath(xs, ly(series.median.lower), ly(series.median.upper))}
        fill={MEDIAN}
        fillOpacity={0.16}
        stroke="none"
      />
      <g fill="none" strokeWidth={1.4} stroke={AVERAGE} strokeDasharray="2 3">
        <path d={linePath(xs, ly(series.average.lower))} />
        <path d={linePath(xs, ly(series.average.upper))} />
      </g>
      <line x1={x(n)} x2={x(n)} y1={y0} y2={y1} stroke="currentColor" strokeDasharray="4 4" strokeOpacity={0.6} />
      <text x={x(n) + 4} y={y1 + 12} fontSize={11}>{`n = ${n} run`}</text>
      {series.lawAverage && (
        <path
          d={linePath(xs, ly(series.lawAverage))}
          fill="none"
          stroke={LAW}
          strokeWidth={2}
          strokeDasharray="1 4"
          strokeLinecap="round"
        />
      )}
      <path
        d={linePath(xs, ly(series.average.point))}
        fill="none"
        stroke={AVERAGE}
        strokeWidth={2.2}
        strokeDasharray="7 4"
      />
      <path d={linePath(xs, ly(series.median.point))} fill="none" stroke={MEDIAN} strokeWidth={2.6} />
      <g data-testid="tuning-legend">
        <Legend
          row
          x={x0 + 4}
          y={LEGEND_ROWS[0]}
          items={[
            { label: 'median best', colour: MEDIAN },
            { label: `median band (${Math.round(confidence * 100)}%)`, colour: MEDIAN, area: true },
          ]}
        />
        <Legend
          row
          x={x0 + 4}
          y={LEGEND_ROWS[1]}
          items={[
            { label: 'average best (band dotted)', colour: AVERAGE, dash: '7 4' },
            ...(series.lawAverage ? [{ label: 'quadratic law, average', colour: LAW, dash: '1 4' }] : []),
          ]}
        />
      </g>
    </ChartSvg>
  );
}
