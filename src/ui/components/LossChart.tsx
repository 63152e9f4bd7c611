// Live training loss of every trial (recharts), coloured by rung with a colour-blind-safe palette.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useLab } from '../../store/labStore';

// Okabe–Ito: distinguishable under the common colour-vision deficiencies.
export const RUNG_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9'];

export function LossChart() {
  const curves = useLab((s) => s.curves);
  const study = useLab((s) => s.study);
  const ids = Object.keys(curves).map(Number);
  const points = ids.reduce((n, id) => n + curves[id].length, 0);
  return (
    <section className="panel" data-testid="loss-chart" data-points={points} data-trials={ids.length}>
      <h2>Training loss per trial</h2>
      {ids.length === 0 ? <p className="muted">Curves appear here as soon as the first trial reports its loss.</p> : (
        <ResponsiveContainer width="100%" height={300}>
          <LineChart margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="step" type="number" domain={[0, 'dataMax']} label={{ value: 'optimizer step', position: 'insideBottom', offset: -4 }} />
            <YAxis domain={['auto', 'auto']} />
            <Tooltip />
            <Legend />
            {ids.map((id) => {
              const rung = study?.trials[id]?.rung ?? 0;
              return <Line key={id} data={curves[id]} dataKey="loss" name={`trial ${id} (rung ${rung + 1})`} dot={false}
                stroke={RUNG_COLOURS[rung % RUNG_COLOURS.length]} isAnimationActive={false} strokeWidth={1.5} />;
            })}
          </LineChart>
        </ResponsiveContainer>
      )}
    </section>
  );
}
