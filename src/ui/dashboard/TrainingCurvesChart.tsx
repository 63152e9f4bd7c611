// Live training loss and accuracy of every trial, side by side: top-k by final validation accuracy,
// an optional log loss axis, lines coloured by rung (Okabe–Ito), curves thinned to 200 points each.
import { memo, useMemo, useState } from 'react';
import { linearScale, logScale, paddedDomain } from '../../core/charts/chartScale';
import { downsampleCurve } from '../../core/charts/downsampleCurve';
import type { StudyState } from '../../core/study/studyMachine';
import type { LossPoint } from '../../core/lossPoint';
import { Axes, ChartSvg, Legend, linePath, plotArea, type Frame } from './Axes';
import { ChartCard } from './ChartCard';
import { rungColour } from './palette';
import { formatPercent } from '../kit/format';

export const MAX_POINTS_PER_TRIAL = 200;
const TOP_K = [5, 10, 20, 50] as const;
type TopK = 'all' | (typeof TOP_K)[number];
const PANEL: Frame = { width: 360, height: 320, top: 14, right: 12, bottom: 48, left: 58 };

// Finished trials keep their curve array, so each is thinned once.
const thinned = new WeakMap<LossPoint[], LossPoint[]>();
function thin(points: LossPoint[]): LossPoint[] {
  let out = thinned.get(points);
  if (!out) {
    out = downsampleCurve(
      points,
      MAX_POINTS_PER_TRIAL,
      (p) => p.step,
      (p) => p.loss,
    );
    thinned.set(points, out);
  }
  return out;
}

interface Series {
  trialId: number;
  rung: number;
  label: string;
  points: LossPoint[];
}

/** One trial's line; memoised on its points and the axes' domains, so a live reading redraws one path. */
const CurvePath = memo(
  function CurvePath({
    points,
    metric,
    xDomain,
    yDomain,
    log,
    colour,
    many,
    label,
  }: {
    points: LossPoint[];
    metric: 'loss' | 'accuracy';
    xDomain: [number, number];
    yDomain: [number, number];
    log: boolean;
    colour: string;
    many: boolean;
    label: string;
  }) {
    const { x0, x1, y0, y1 } = plotArea(PANEL);
    const x = linearScale(xDomain, [x0, x1]);
    const y = log ? logScale(yDomain, [y0, y1]) : linearScale(yDomain, [y0, y1]);
    return (
      <path
        d={linePath(
          points.map((p) => x(p.step)),
          points.map((p) => y(p[metric])),
        )}
        stroke={colour}
        strokeWidth={many ? 1 : 1.8}
        strokeOpacity={many ? 0.45 : 0.85}
      >
        <title>{label}</title>
      </path>
    );
  },
  (a, b) =>
    a.points === b.points &&
    a.metric === b.metric &&
    a.log === b.log &&
    a.colour === b.colour &&
    a.many === b.many &&
    a.label === b.label &&
    a.xDomain[0] === b.xDomain[0] &&
    a.xDomain[1] === b.xDomain[1] &&
    a.yDomain[0] === b.yDomain[0] &&
    a.yDomain[1] === b.yDomain[1],
);

function Panel({
  series,
  metric,
  log,
  offset,
}: {
  series: Series[];
  metric: 'loss' | 'accuracy';
  log: boolean;
  offset: number;
}) {
  const { x0, x1, y0, y1 } = plotArea(PANEL);
  const x = linearScale(paddedDomain(series.flatMap((s) => [0, s.points[s.points.length - 1]?.step ?? 0])), [x0, x1]);
  const values = series.flatMap((s) => s.points.map((p) => p[metric]));
  const y =
    metric === 'loss' && log
      ? logScale(paddedDomain(values, { log: true, pad: 0.05 }), [y0, y1])
      : linearScale(paddedDomain(values, { pad: 0.04 }), [y0, y1]);
  const many = series.length > 40;
  return (
    <svg
      x={offset}
      width={PANEL.width}
      height={PANEL.height}
      viewBox={`0 0 ${PANEL.width} ${PANEL.height}`}
      overflow="visible"
    >
      <Axes
        x={x}
        y={y}
        frame={PANEL}
        xLabel="optimizer step"
        yLabel={metric === 'loss' ? `training loss${log ? ' (log)' : ''}` : 'training accuracy'}
      />
      <g fill="none" strokeLinejoin="round">
        {series.map((s) => (
          <CurvePath
            key={s.trialId}
            points={s.points}
            metric={metric}
            xDomain={[x.domain[0], x.domain[1]]}
            yDomain={[y.domain[0], y.domain[1]]}
            log={y.log}
            colour={rungColour(s.rung)}
            many={many}
            label={s.label}
          />
        ))}
      </g>
    </svg>
  );
}

function TrainingCurves({ study, curves }: { study: StudyState | null; curves: Record<number, LossPoint[]> }) {
  const ids = useMemo(() => Object.keys(curves).map(Number), [curves]);
  // Until the reader chooses, large studies show the top 20 (plus the running trials), small ones all.
  const [choice, setChoice] = useState<TopK | null>(null);
  const topK: TopK = choice ?? (ids.length > 40 ? 20 : 'all');
  const [log, setLog] = useState(false);
  const totalPoints = useMemo(() => ids.reduce((n, id) => n + curves[id].length, 0), [ids, curves]);

  const series = useMemo(() => {
    const trial = (id: number) => study?.trials[id];
    const score = (id: number) => trial(id)?.valAccuracy ?? null;
    const running = (id: number) => trial(id)?.state === 'running';
    const chosen =
      topK === 'all'
        ? ids
        : [
            ...ids
              .filter((id) => score(id) !== null)
              .sort((a, b) => score(b)! - score(a)!)
              .slice(0, topK),
            ...ids.filter(running),
          ];
    return chosen
      .filter((id) => curves[id].length > 0)
      .map((id): Series => {
        const t = trial(id);
        const acc = score(id);
        return {
          trialId: id,
          rung: t?.rung ?? 0,
          points: thin(curves[id]),
          label: `trial ${id}${t ? `, config ${t.configId}, rung ${t.rung + 1}` : ''}${acc === null ? '' : `: ${formatPercent(acc)} val`}`,
        };
      });
  }, [ids, curves, study, topK]);

  const rungs = [...new Set(series.map((s) => s.rung))].sort((a, b) => a - b);
  const controls = (
    <>
      <label>
        Show{' '}
        <select
          value={String(topK)}
          onChange={(e) => setChoice(e.target.value === 'all' ? 'all' : (Number(e.target.value) as TopK))}
          aria-label="Trials to show"
        >
          <option value="all">all trials</option>
          {TOP_K.map((k) => (
            <option key={k} value={k}>
              top {k} by val accuracy (and running)
            </option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} /> log loss axis
      </label>
    </>
  );
  const empty =
    ids.length === 0
      ? 'Curves appear here as soon as the first trial reports its loss.'
      : series.length === 0
        ? 'No trial has a validation accuracy yet: choose "all trials" to see the running ones.'
        : null;
  return (
    <div data-testid="loss-chart" data-points={totalPoints} data-trials={ids.length} className="chart-slot">
      <ChartCard
        id="trainingCurves"
        empty={empty}
        controls={controls}
        data={{ shown: series.length }}
        footer={`${series.length} of ${ids.length} trials shown, each thinned to at most ${MAX_POINTS_PER_TRIAL} points (largest-triangle downsampling); colour = rung.`}
      >
        <ChartSvg
          frame={{ ...PANEL, width: 2 * PANEL.width }}
          label={`Training loss and accuracy of ${series.length} trials`}
        >
          <Panel series={series} metric="loss" log={log} offset={0} />
          <Panel series={series} metric="accuracy" log={false} offset={PANEL.width} />
          <Legend
            x={PANEL.width - 84}
            y={PANEL.top + 10}
            items={rungs.map((r) => ({ label: `rung ${r + 1}`, colour: rungColour(r) }))}
          />
        </ChartSvg>
      </ChartCard>
    </div>
  );
}

export const TrainingCurvesChart = memo(TrainingCurves);
