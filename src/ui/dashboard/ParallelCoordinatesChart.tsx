// Parallel coordinates (Inselberg 1985), as Optuna's and W&B's: an axis per hyperparameter (log10
// where the space is log-uniform, choices evenly spaced) and a last axis for the configuration's
// final validation accuracy; one line per configuration, coloured by that accuracy, best on top.
import { memo, useMemo } from 'react';
import { formatTick, linearScale, logScale, paddedDomain } from '../../core/charts/chartScale';
import { axisPosition, paramAxes, type ParamAxis } from '../../core/charts/hyperparameterAxes';
import type { StudyState } from '../../core/study/studyMachine';
import { finalScores } from '../../core/charts/studyScores';
import { ChartSvg, type Frame } from './Axes';
import { ChartCard } from './ChartCard';
import { ColourBar } from './ColourBar';
import { MUTED, accuracyColour } from './palette';
import { PARAM_LABELS } from './paramLabels';
import { formatPercent } from '../kit/format';

const FRAME: Frame = { width: 720, height: 370, top: 50, right: 56, bottom: 58, left: 40 };
const INACTIVE_GAP = 18;

function axisTicks(axis: ParamAxis): { at: number; label: string }[] {
  if (axis.scale === 'categorical')
    return axis.choices.map((c, i) => ({
      at: axis.choices.length < 2 ? 0.5 : i / (axis.choices.length - 1),
      label: String(c),
    }));
  const scale = axis.scale === 'log' ? logScale(axis.domain, [0, 1]) : linearScale(axis.domain, [0, 1]);
  return scale.ticks(4).map((t) => ({ at: scale(t), label: formatTick(t) }));
}

function ParallelCoordinates({ study }: { study: StudyState | null }) {
  const data = useMemo(() => {
    if (!study) return null;
    const axes = paramAxes(study.definition.space);
    const finals = [...finalScores(study)]
      .map(([configId, f]) => ({ configId, ...f }))
      .sort((a, b) => a.valAccuracy - b.valAccuracy);
    const domain = paddedDomain(finals.map((f) => f.valAccuracy));
    return { axes, finals, domain };
  }, [study]);
  if (!study || !data || data.finals.length === 0)
    return <ChartCard id="parallelCoordinates" empty="Lines appear as configurations finish their first trial." />;
  if (data.axes.length === 0)
    return (
      <ChartCard
        id="parallelCoordinates"
        empty="This study searches no hyperparameters: every trial had the same configuration."
      />
    );

  const { axes, finals, domain } = data;
  const y0 = FRAME.height - FRAME.bottom;
  const y1 = FRAME.top;
  const step = (FRAME.width - FRAME.left - FRAME.right) / axes.length;
  const ax = (i: number) => FRAME.left + i * step;
  const py = (t: number | null) => (t === null ? y0 + INACTIVE_GAP : y0 - t * (y0 - y1));
  const score = linearScale(domain, [y0, y1]);
  const many = finals.length > 60;
  const pct = (v: number) => formatPercent(v, 0);

  return (
    <ChartCard
      id="parallelCoordinates"
      data={{ lines: finals.length, axes: axes.length + 1 }}
      footer={`${finals.length} configurations, each at the highest rung it completed (accuracy at a higher rung is not comparable to rung 1, so read colours within a rung on the ladder). Log-scaled axes: ${
        axes
          .filter((a) => a.scale === 'log')
          .map((a) => PARAM_LABELS[a.name])
          .join(', ') || 'none'
      }. Below an axis: inactive (e.g. momentum for Adam).`}
    >
      <ChartSvg
        frame={FRAME}
        label={`Parallel coordinates of ${finals.length} configurations over ${axes.length} hyperparameters`}
      >
        <g fill="none">
          {finals.map((f) => {
            const config = study.configs[f.configId];
            const pts = axes.map((a, i) => `${ax(i).toFixed(1)} ${py(axisPosition(a, config)).toFixed(1)}`);
            pts.push(`${ax(axes.length).toFixed(1)} ${score(f.valAccuracy).toFixed(1)}`);
            return (
              <path
                key={f.configId}
                d={`M${pts.join('L')}`}
                stroke={accuracyColour(f.valAccuracy, domain)}
                strokeWidth={many ? 1 : 2}
                strokeOpacity={many ? 0.5 : 0.9}
              >
                <title>{`config ${f.configId}: ${formatPercent(f.valAccuracy)} at rung ${f.rung + 1}`}</title>
              </path>
            );
          })}
        </g>
        {axes.map((a, i) => (
          <g key={a.name} transform={`translate(${ax(i)} 0)`} fontSize={11}>
            <line y1={y0} y2={y1} stroke="currentColor" />
            {axisTicks(a).map((t) => (
              <g key={t.label}>
                <line x1={-3} x2={3} y1={py(t.at)} y2={py(t.at)} stroke="currentColor" />
                <text
                  x={-5}
                  y={py(t.at)}
                  dy="0.32em"
                  textAnchor="end"
                  stroke="var(--surface)"
                  strokeWidth={3}
                  paintOrder="stroke"
                >
                  {t.label}
                </text>
              </g>
            ))}
            {a.condition && (
              <text y={y0 + INACTIVE_GAP} dy="0.32em" x={5} fill={MUTED}>
                n/a
              </text>
            )}
            <text y={y1 - 22} textAnchor="middle" fontSize={12} fontWeight={600}>
              {PARAM_LABELS[a.name]}
            </text>
            {a.scale === 'log' && (
              <text y={y1 - 9} textAnchor="middle" fontSize={11}>
                (log)
              </text>
            )}
          </g>
        ))}
        <g transform={`translate(${ax(axes.length)} 0)`} fontSize={11}>
          <line y1={y0} y2={y1} stroke="currentColor" strokeWidth={2} />
          {score.ticks(5).map((t) => (
            <text key={t} x={6} y={score(t)} dy="0.32em">
              {pct(t)}
            </text>
          ))}
          <text y={y1 - 22} textAnchor="middle" fontSize={12} fontWeight={600}>
            val accuracy
          </text>
        </g>
        <ColourBar x={FRAME.width / 2 - 60} y={FRAME.height - 22} domain={domain} label="" />
      </ChartSvg>
    </ChartCard>
  );
}

export const ParallelCoordinatesChart = memo(ParallelCoordinates);
