// The chart components by id, in the catalogue's reading order.
import type { ComponentType } from 'react';
import type { StudyState } from '../../core/study/studyMachine';
import type { LossPoint } from '../../core/lossPoint';
import type { AuditReport } from '../../orchestrator/audit';
import { CHART_INFO, type ChartId } from './chartCatalog';
import { ImportanceChart } from './ImportanceChart';
import { ParallelCoordinatesChart } from './ParallelCoordinatesChart';
import { RungLadderChart } from './RungLadderChart';
import { SlicePlots } from './SlicePlots';
import { TrainingCurvesChart } from './TrainingCurvesChart';
import { TuningCurveChart } from './TuningCurveChart';
import { PredictedVsActualChart } from './PredictedVsActualChart';

/** `audit` is the study's audit report, when it has one. */
export interface ChartProps {
  study: StudyState | null;
  curves: Record<number, LossPoint[]>;
  audit?: AuditReport | null;
}

const COMPONENTS: Record<ChartId, ComponentType<ChartProps>> = {
  trainingCurves: TrainingCurvesChart,
  rungLadder: RungLadderChart,
  tuningCurves: TuningCurveChart,
  parallelCoordinates: ParallelCoordinatesChart,
  importance: ImportanceChart,
  slices: SlicePlots,
  predictedVsActual: PredictedVsActualChart,
};

/** Only the training curves read `curves`; the others get the study alone, so a loss reading re-renders one chart. */
export function Chart({ id, study, curves, audit = null }: ChartProps & { id: ChartId }) {
  const Component = COMPONENTS[id];
  if (id === 'predictedVsActual') return <Component study={study} curves={NO_CURVES} audit={audit} />;
  return id === 'trainingCurves' ? (
    <Component study={study} curves={curves} />
  ) : (
    <Component study={study} curves={NO_CURVES} />
  );
}
const NO_CURVES: Record<number, LossPoint[]> = {};

export function visibleCharts(hide: readonly string[], available: { audit?: boolean } = {}): ChartId[] {
  return CHART_INFO.filter((c) => !c.needsAudit || available.audit)
    .map((c) => c.id)
    .filter((id) => !hide.includes(id));
}
