// Compute against P(pick = best) for each scheduler, with 95% bootstrap intervals both ways, over
// the diagonal of the equal-compute baseline (train a random share of the pool fully): a point above
// the diagonal finds the best more often than spending the same compute on random full runs.
import { linearScale } from '../../core/charts/chartScale';
import type { ReplaySchedulerName } from '../../core/groundTruth/replayPlans';
import type { RuleReport } from '../../core/groundTruth/ruleReport';
import { Axes, ChartSvg, FRAME, plotArea } from '../dashboard/Axes';
import { CATEGORY, MUTED } from '../dashboard/palette';
import { formatPercent } from '../kit/format';

export const SCHEDULER_SHORT: Record<ReplaySchedulerName, string> = {
  successiveHalving: 'SH (fractions)',
  successiveHalvingEpochs: 'SH (epochs)',
  hyperband: 'Hyperband',
  twoStep: 'two-step',
};
const pct = (v: number) => formatPercent(v, 0);
const [LABEL_WIDTH, LINE] = [100, 15];

/** Label positions moved down until none overlaps an earlier one: schedulers often land on one point. */
function placeLabels(wanted: { x: number; y: number }[]): { x: number; y: number }[] {
  const placed: { x: number; y: number }[] = [];
  for (const w of wanted) {
    const at = { ...w };
    while (placed.some((p) => Math.abs(p.x - at.x) < LABEL_WIDTH && Math.abs(p.y - at.y) < LINE)) at.y += LINE;
    placed.push(at);
  }
  return placed;
}

export function SchedulerChart({ reports }: { reports: readonly RuleReport[] }) {
  const { x0, x1, y0, y1 } = plotArea(FRAME);
  const x = linearScale([0, 1], [x0, x1]);
  const y = linearScale([0, 1], [y0, y1]);
  const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1];
  const labels = placeLabels(reports.map((r) => ({ x: x(r.computeFraction) + 8, y: y(r.pBest) + 16 })));
  return (
    <ChartSvg label="Compute against P(pick = best) for each scheduler" testId="scheduler-chart">
      <Axes
        x={x}
        y={y}
        xLabel="compute (share of training the pool fully)"
        yLabel="P(pick = best)"
        xTicks={ticks}
        yTicks={ticks}
        xFormat={pct}
        yFormat={pct}
      />
      <line x1={x(0)} y1={y(0)} x2={x(1)} y2={y(1)} stroke={MUTED} strokeDasharray="5 4" />
      {/* Low on the diagonal: schedulers land above it at 40-80% compute, where a label would cover them. */}
      <text x={x(0.2)} y={y(0.2)} dy="1.3em" fill={MUTED} fontSize={12} transform={`rotate(-29 ${x(0.2)} ${y(0.2)})`}>
        random share trained fully
      </text>
      {reports.map((r, i) => {
        const colour = CATEGORY[i % CATEGORY.length];
        const [cx, cy] = [x(r.computeFraction), y(r.pBest)];
        return (
          <g key={r.scheduler} data-testid="scheduler-point" data-scheduler={r.scheduler} stroke={colour} fill={colour}>
            <line x1={x(r.ci95.computeFraction[0])} x2={x(r.ci95.computeFraction[1])} y1={cy} y2={cy} strokeWidth={2} />
            <line x1={cx} x2={cx} y1={y(r.ci95.pBest[0])} y2={y(r.ci95.pBest[1])} strokeWidth={2} />
            <circle cx={cx} cy={cy} r={5} />
            <text x={labels[i].x} y={labels[i].y} stroke="none" fontSize={12}>
              {SCHEDULER_SHORT[r.scheduler]}
            </text>
          </g>
        );
      })}
    </ChartSvg>
  );
}
