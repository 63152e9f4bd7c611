// Slice plots, as Optuna's: validation accuracy against each hyperparameter on its own axis (log10
// where the space is log-uniform, choices spread with a little jitter), one dot per scored trial,
// coloured by rung (Okabe–Ito) since more data lifts every score.
import { memo, useMemo } from 'react';
import { linearScale, logScale, paddedDomain, type Scale } from '../../core/charts/chartScale';
import { axisValue, paramAxes, type ParamAxis } from '../../core/charts/hyperparameterAxes';
import type { StudyState } from '../../core/study/studyMachine';
import { Axes, ChartSvg, Legend, plotArea, type Frame } from './Axes';
import { ChartCard } from './ChartCard';
import { rungColour } from './palette';
import { PARAM_LABELS } from './paramLabels';
import { formatPercent } from '../kit/format';

const CELL: Frame = { width: 240, height: 200, top: 10, right: 10, bottom: 40, left: 56 };
const COLUMNS = 3;
const pct = (v: number) => formatPercent(v, 0);
const jitter = (id: number) => (((id * 2246822519) >>> 0) / 4294967296 - 0.5) * 0.25;

function xScale(axis: ParamAxis, range: [number, number]): Scale {
  if (axis.scale === 'log') return logScale(axis.domain, range);
  if (axis.scale === 'categorical') return linearScale([-0.5, axis.choices.length - 0.5], range);
  return linearScale(paddedDomain(axis.domain, { pad: 0.04 }), range);
}

function Slices({ study }: { study: StudyState | null }) {
  const data = useMemo(() => {
    if (!study) return null;
    const trials = study.trials.filter((t) => t.state === 'completed' && t.valAccuracy !== null);
    return {
      axes: paramAxes(study.definition.space),
      trials,
      domain: paddedDomain(
        trials.map((t) => t.valAccuracy!),
        { pad: 0.05 },
      ),
    };
  }, [study]);
  if (!study || !data || data.trials.length === 0)
    return <ChartCard id="slices" empty="Slices appear as trials finish." />;
  if (data.axes.length === 0) return <ChartCard id="slices" empty="This study searches no hyperparameters." />;

  const { axes, trials, domain } = data;
  const rows = Math.ceil(axes.length / COLUMNS);
  const { x0, x1, y0, y1 } = plotArea(CELL);
  const y = linearScale(domain, [y0, y1]);
  const rungs = [...new Set(trials.map((t) => t.rung))].sort((a, b) => a - b);
  const r = trials.length > 100 ? 2.2 : 4;
  const tips = trials.length <= 150;
  const frame: Frame = { ...CELL, width: CELL.width * COLUMNS, height: CELL.height * rows + 24 };
  return (
    <ChartCard
      id="slices"
      data={{ panels: axes.length, dots: trials.length * axes.length }}
      footer={`${trials.length} scored trials. Scores rise with the rung's data budget, so compare dots of one colour; log-scaled axes read in powers of ten.`}
    >
      <ChartSvg frame={frame} label={`Slice plots of validation accuracy against ${axes.length} hyperparameters`}>
        <Legend row x={60} y={10} items={rungs.map((g) => ({ label: `rung ${g + 1}`, colour: rungColour(g) }))} />
        <g transform="translate(0 24)">
          {axes.map((a, i) => {
            const x = xScale(a, [x0, x1]);
            const ticks = a.scale === 'categorical' ? a.choices.map((_, j) => j) : undefined;
            return (
              <svg
                key={a.name}
                x={(i % COLUMNS) * CELL.width}
                y={Math.floor(i / COLUMNS) * CELL.height}
                width={CELL.width}
                height={CELL.height}
                overflow="visible"
              >
                <Axes
                  frame={CELL}
                  x={x}
                  y={y}
                  xTicks={ticks ?? x.ticks(3)}
                  yTicks={y.ticks(4)}
                  xLabel={`${PARAM_LABELS[a.name]}${a.scale === 'log' ? ' (log)' : ''}`}
                  yLabel={i % COLUMNS === 0 ? 'val accuracy' : ''}
                  yFormat={pct}
                  xFormat={a.scale === 'categorical' ? (v) => String(a.choices[v]) : undefined}
                />
                {trials.map((t) => {
                  const v = axisValue(a, study.configs[t.configId]);
                  if (v === null) return null;
                  const cx = x(v + (a.scale === 'categorical' ? jitter(t.trialId) : 0));
                  // Tooltips on a few hundred dots per panel cost more DOM than they are worth.
                  return (
                    <circle
                      key={t.trialId}
                      cx={cx}
                      cy={y(t.valAccuracy!)}
                      r={r}
                      fill={rungColour(t.rung)}
                      fillOpacity={0.7}
                    >
                      {tips && <title>{`trial ${t.trialId}: ${formatPercent(t.valAccuracy)}`}</title>}
                    </circle>
                  );
                })}
              </svg>
            );
          })}
        </g>
      </ChartSvg>
    </ChartCard>
  );
}

export const SlicePlots = memo(Slices);
