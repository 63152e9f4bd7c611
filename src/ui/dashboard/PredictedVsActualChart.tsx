// The audit's predicted-versus-actual plot (../../orchestrator/audit): x is a configuration's
// full-fidelity validation accuracy, y the meta-model's nested leave-one-out prediction from the
// study's cheap trials, with its interval as a vertical whisker and y = x for a perfect prediction.
import { memo, useMemo } from 'react';
import { linearScale } from '../../core/charts/chartScale';
import { describeConfig } from '../../core/searchSpace/searchSpace';
import type { AuditReport } from '../../orchestrator/audit';
import { Axes, ChartSvg, FRAME, Legend, plotArea, type Frame } from './Axes';
import { ChartCard } from './ChartCard';
import { CATEGORY } from './palette';
import { predictedVsActualPoints, sharedDomain } from './predictedVsActual';
import { formatPercent } from '../kit/format';

const [INSIDE, OUTSIDE] = [CATEGORY[0], CATEGORY[4]];
const pct = (v: number) => formatPercent(v, 0);
const pct1 = (v: number) => formatPercent(v);
// Room above the plot for the legend, which would hide a point anywhere inside it.
const FRAME_PVA: Frame = { ...FRAME, height: 420, top: 40 };
// The audit's default z is 1.645, a 90% normal interval; other widths are named in sds.
const intervalName = (z: number) => (Math.abs(z - 1.645) < 1e-9 ? '90% interval' : `±${z} sd interval`);

function PredictedVsActual({ audit = null }: { audit?: AuditReport | null }) {
  const points = useMemo(() => (audit ? predictedVsActualPoints(audit.rows) : []), [audit]);
  if (!audit || !audit.metaModel || points.length === 0) {
    return (
      <ChartCard
        id="predictedVsActual"
        empty="The meta-model's leave-one-out predictions need at least 3 configurations with a full-fidelity result."
      />
    );
  }
  return <Plot audit={audit} metaModel={audit.metaModel} points={points} />;
}

function Plot({
  audit,
  metaModel,
  points,
}: {
  audit: AuditReport;
  metaModel: NonNullable<AuditReport['metaModel']>;
  points: ReturnType<typeof predictedVsActualPoints>;
}) {
  const { x0, x1, y0, y1 } = plotArea(FRAME_PVA);
  const domain = sharedDomain(points);
  const x = linearScale(domain, [x0, x1]);
  const y = linearScale(domain, [y0, y1]);
  const clamp = (v: number) => Math.min(domain[1], Math.max(domain[0], v));
  const interval = intervalName(metaModel.z);
  const inside = points.filter((p) => p.inside).length;
  const configs = new Map(audit.rows.map((r) => [r.configId, r.config]));
  return (
    <ChartCard
      id="predictedVsActual"
      data={{ points: points.length, inside }}
      footer={
        <>
          <p>
            RMSE <strong>{metaModel.rmsePts.toFixed(1)} points</strong> of accuracy; {inside} of {points.length}{' '}
            full-fidelity accuracies inside their {interval} ({pct(metaModel.coverage)}).
          </p>
          <p className="notice-info">
            Nested leave-one-out: each configuration's prediction comes from a model chosen and fitted without it, on
            the other {points.length - 1}. Full fidelity is {audit.fullFidelity}; a diverged run counts as chance
            (hollow dot). Validation split only; the test set is never read.
          </p>
        </>
      }
    >
      <div data-testid="predicted-vs-actual" data-points={points.length}>
        <ChartSvg
          frame={FRAME_PVA}
          label={`Meta-model predictions against full-fidelity accuracy for ${points.length} configurations; RMSE ${metaModel.rmsePts.toFixed(1)} points`}
        >
          <Axes
            frame={FRAME_PVA}
            x={x}
            y={y}
            xLabel="full-fidelity validation accuracy (audit)"
            yLabel="meta-model prediction"
            xFormat={pct}
            yFormat={pct}
          />
          <line
            x1={x(domain[0])}
            y1={y(domain[0])}
            x2={x(domain[1])}
            y2={y(domain[1])}
            stroke="currentColor"
            strokeOpacity={0.5}
            strokeDasharray="6 4"
          />
          {points.map((p) => {
            const colour = p.inside ? INSIDE : OUTSIDE;
            const cx = x(p.actual);
            const config = configs.get(p.configId);
            return (
              <g key={p.configId} data-config={p.configId} data-inside={p.inside ? 'yes' : 'no'}>
                <title>{`config ${p.configId}: full fidelity ${pct1(p.actual)}${p.diverged ? ' (diverged, scored as chance)' : ''}; predicted ${pct1(p.predicted)} [${pct1(p.lower)}, ${pct1(p.upper)}] by ${p.model}; ${p.inside ? 'inside' : 'outside'} its interval${config ? `\n${describeConfig(config)}` : ''}`}</title>
                <line x1={cx} x2={cx} y1={y(clamp(p.lower))} y2={y(clamp(p.upper))} stroke={colour} strokeWidth={1.6} />
                <line
                  x1={cx - 4}
                  x2={cx + 4}
                  y1={y(clamp(p.lower))}
                  y2={y(clamp(p.lower))}
                  stroke={colour}
                  strokeWidth={1.6}
                />
                <line
                  x1={cx - 4}
                  x2={cx + 4}
                  y1={y(clamp(p.upper))}
                  y2={y(clamp(p.upper))}
                  stroke={colour}
                  strokeWidth={1.6}
                />
                <circle
                  cx={cx}
                  cy={y(clamp(p.predicted))}
                  r={5}
                  fill={p.diverged ? 'var(--surface)' : colour}
                  stroke={colour}
                  strokeWidth={2}
                />
                <text x={cx + 8} y={y(clamp(p.predicted)) - 6} fontSize={12}>
                  {p.configId}
                </text>
              </g>
            );
          })}
          <Legend
            x={x0 + 4}
            y={14}
            row
            items={[
              { label: 'y = x (exact)', colour: 'currentColor', dash: '6 4' },
              { label: `inside its ${interval}`, colour: INSIDE },
              { label: 'outside it', colour: OUTSIDE },
            ]}
          />
        </ChartSvg>
      </div>
    </ChartCard>
  );
}

export const PredictedVsActualChart = memo(PredictedVsActual);
