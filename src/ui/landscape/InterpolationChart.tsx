// Loss along the straight line between two weight sets (Goodfellow et al. 2015), α = 0 and 1 marked.
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { InterpolationCurve } from '../../store/landscapeState';
import { CATEGORY, GRID, MUTED } from '../dashboard/palette';

const TICKS = [-0.25, 0, 0.25, 0.5, 0.75, 1, 1.25];

export function InterpolationChart({ curve, logScale }: { curve: InterpolationCurve; logScale: boolean }) {
  const data = curve.alphas.map((alpha, i) => ({ alpha, loss: curve.losses[i], accuracy: curve.accuracies[i] }));
  return (
    <div data-testid="interpolation-chart" data-points={data.length}>
      <h3>
        Loss from {curve.from} (α = 0) to {curve.to} (α = 1)
      </h3>
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 16, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke={GRID} />
          <XAxis
            dataKey="alpha"
            type="number"
            domain={['dataMin', 'dataMax']}
            ticks={TICKS}
            tick={{ fill: 'currentColor' }}
            stroke={MUTED}
            label={{ value: 'α', position: 'insideBottom', offset: -8 }}
          />
          <YAxis
            scale={logScale ? 'log' : 'auto'}
            domain={['auto', 'auto']}
            allowDataOverflow={false}
            tickFormatter={(v: number) => v.toPrecision(3)}
            tick={{ fill: 'currentColor' }}
            stroke={MUTED}
          />
          <Tooltip
            formatter={(v) => (typeof v === 'number' ? v.toFixed(4) : String(v))}
            labelFormatter={(a) => `α = ${a}`}
            contentStyle={{ background: 'var(--surface)', borderColor: 'var(--border)', color: 'var(--text)' }}
          />
          <ReferenceLine x={0} stroke={MUTED} strokeDasharray="4 2" />
          <ReferenceLine x={1} stroke={MUTED} strokeDasharray="4 2" />
          <Line
            dataKey="loss"
            name="probe-set loss"
            stroke={CATEGORY[0]}
            dot={{ r: 2 }}
            isAnimationActive={false}
            strokeWidth={1.5}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
