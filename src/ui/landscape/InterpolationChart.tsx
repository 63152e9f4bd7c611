// Loss along the straight line between two weight sets (Goodfellow et al. 2015), α = 0 and 1 marked.
// Drawn in the same SVG frame as the dashboard's charts; each point's title gives its exact values.
import { linearScale, logScale, paddedDomain } from '../../core/charts/chartScale';
import type { InterpolationCurve } from '../../store/landscapeState';
import { Axes, ChartSvg, linePath, plotArea, type Frame } from '../dashboard/Axes';
import { CATEGORY, MUTED } from '../dashboard/palette';

const TICKS = [-0.25, 0, 0.25, 0.5, 0.75, 1, 1.25];
const FRAME: Frame = { width: 600, height: 240, top: 10, right: 16, bottom: 40, left: 60 };

export function InterpolationChart({ curve, logScale: log }: { curve: InterpolationCurve; logScale: boolean }) {
  const { x0, x1, y0, y1 } = plotArea(FRAME);
  const x = linearScale(paddedDomain(curve.alphas), [x0, x1]);
  const y = log
    ? logScale(paddedDomain(curve.losses, { log: true, pad: 0.05 }), [y0, y1])
    : linearScale(paddedDomain(curve.losses, { pad: 0.04 }), [y0, y1]);
  const title = `Loss from ${curve.from} (α = 0) to ${curve.to} (α = 1)`;
  const xs = curve.alphas.map(x);
  return (
    <div data-testid="interpolation-chart" data-points={curve.alphas.length}>
      <h3>{title}</h3>
      <ChartSvg frame={FRAME} label={title}>
        <Axes
          x={x}
          y={y}
          frame={FRAME}
          xLabel="α"
          yLabel={`probe-set loss${log ? ' (log)' : ''}`}
          xTicks={TICKS}
          yFormat={(v) => v.toPrecision(3)}
        />
        {[0, 1].map((alpha) => (
          <line key={alpha} x1={x(alpha)} x2={x(alpha)} y1={y0} y2={y1} stroke={MUTED} strokeDasharray="4 2" />
        ))}
        <path
          d={linePath(
            xs,
            curve.losses.map((v) => (log && !(v > 0) ? NaN : y(v))),
          )}
          fill="none"
          stroke={CATEGORY[0]}
          strokeWidth={1.5}
        />
        <g fill={CATEGORY[0]}>
          {curve.alphas.map((alpha, i) =>
            Number.isFinite(curve.losses[i]) && (!log || curve.losses[i] > 0) ? (
              <circle key={alpha} cx={xs[i]} cy={y(curve.losses[i])} r={2.5}>
                <title>{`α = ${alpha}: loss ${curve.losses[i].toFixed(4)}, accuracy ${curve.accuracies[i].toFixed(4)}`}</title>
              </circle>
            ) : null,
          )}
        </g>
      </ChartSvg>
    </div>
  );
}
