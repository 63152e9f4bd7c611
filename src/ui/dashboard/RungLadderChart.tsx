// The successive-halving bracket as a picture: a column per rung, a dot per trial at its validation
// accuracy (viridis), and a line joining each configuration's trials from rung to rung.
import { memo, useMemo } from 'react';
import { linearScale, paddedDomain } from '../../core/charts/chartScale';
import type { StudyState } from '../../core/study/studyMachine';
import { rungLadder, type LadderNode } from '../../core/charts/studyScores';
import { Axes, ChartSvg, FRAME, plotArea, type Frame } from './Axes';
import { ChartCard } from './ChartCard';
import { ColourBar } from './ColourBar';
import { INK, MISSING, accuracyColour } from './palette';
import { formatPercent } from '../kit/format';

const LADDER: Frame = { ...FRAME, top: 42 };
const pct = (v: number) => formatPercent(v, 0);
/** Deterministic spread of a column's dots, so 300 trials at one rung do not sit on one vertical line. */
const jitter = (configId: number) => (((configId * 2654435761) >>> 0) / 4294967296 - 0.5) * 0.5;

function RungLadder({ study }: { study: StudyState | null }) {
  const ladder = useMemo(() => (study ? rungLadder(study) : null), [study]);
  if (!study || !ladder || ladder.nodes.length === 0)
    return <ChartCard id="rungLadder" empty="The ladder fills in as trials finish." />;

  const { x0, x1, y0, y1 } = plotArea(LADDER);
  const columns = ladder.rungs.map((r) => r.rung);
  const colWidth = (x1 - x0) / columns.length;
  const cx = (n: LadderNode) =>
    x0 +
    colWidth * (columns.indexOf(n.rung) + 0.5 + (ladder.nodes.length > 3 * columns.length ? jitter(n.configId) : 0));
  const scored = ladder.nodes.filter((n) => n.valAccuracy !== null).map((n) => n.valAccuracy!);
  const domain = paddedDomain(scored, { pad: 0.06 });
  const y = linearScale(domain, [y0 - 12, y1]);
  const cy = (n: LadderNode) => (n.valAccuracy === null ? y0 - 4 : y(n.valAccuracy));
  const colour = (n: LadderNode) => accuracyColour(n.valAccuracy, paddedDomain(scored));
  // A band scale on x: the Axes draw no x ticks, the columns get their own labels.
  const x = linearScale([0, 1], [x0, x1]);
  const full = study.definition.data.maxTrainImages;
  const columnLabel = (rung: number) => {
    const t = study.trials.find((tr) => tr.rung === rung)!;
    return `${Math.round(t.dataFraction * full).toLocaleString('en')} img × ${t.epochs} ep`;
  };
  const small = ladder.nodes.length > 60;

  const agreement = ladder.agreement.map(
    (a) =>
      `${a.from + 1}→${a.to + 1}: ${Number.isNaN(a.rho) ? `too few (${a.pairs})` : `ρ = ${a.rho.toFixed(2)} over ${a.pairs}`}`,
  );
  return (
    <ChartCard
      id="rungLadder"
      data={{ nodes: ladder.nodes.length, links: ladder.links.length }}
      footer={
        <>
          Rank agreement between consecutive rungs (Spearman):{' '}
          {agreement.length ? agreement.join('; ') : 'one rung so far'}. Hollow dots have no score yet (queued, running,
          diverged or failed).
        </>
      }
    >
      <ChartSvg
        frame={LADDER}
        label={`Successive-halving ladder: ${ladder.nodes.length} trials over ${columns.length} rungs`}
      >
        <Axes frame={LADDER} x={x} y={y} xTicks={[]} xLabel="" yLabel="validation accuracy" yFormat={pct} />
        {columns.map((r, i) => (
          <g key={r}>
            <text x={x0 + colWidth * (i + 0.5)} y={y0 + 16} textAnchor="middle" fontWeight={600}>
              rung {r + 1}
            </text>
            <text x={x0 + colWidth * (i + 0.5)} y={y0 + 30} textAnchor="middle" fontSize={11}>
              {columnLabel(r)}
            </text>
          </g>
        ))}
        <g fill="none">
          {ladder.links.map((l) => (
            <line
              key={`${l.from.trialId}-${l.to.trialId}`}
              x1={cx(l.from)}
              y1={cy(l.from)}
              x2={cx(l.to)}
              y2={cy(l.to)}
              stroke={colour(l.to)}
              strokeWidth={small ? 1 : 2}
              strokeOpacity={0.7}
            />
          ))}
        </g>
        {ladder.nodes.map((n) => (
          <circle
            key={n.trialId}
            cx={cx(n)}
            cy={cy(n)}
            r={small ? 3 : 6}
            fill={n.valAccuracy === null ? 'none' : colour(n)}
            stroke={n.valAccuracy === null ? MISSING : n.promoted ? INK : 'none'}
            strokeWidth={1.2}
          >
            <title>{`trial ${n.trialId}, config ${n.configId}, rung ${n.rung + 1}: ${n.valAccuracy === null ? n.state : formatPercent(n.valAccuracy)}${n.promoted ? ' (promoted)' : ''}`}</title>
          </circle>
        ))}
        <ColourBar x={x1 - 130} y={18} domain={paddedDomain(scored)} label="val accuracy" />
      </ChartSvg>
    </ChartCard>
  );
}

export const RungLadderChart = memo(RungLadder);
