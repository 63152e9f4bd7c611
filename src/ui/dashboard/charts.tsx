// The chart components by id, in the catalogue's reading order.
import type { ComponentType } from 'react';
import type { StudyState } from '../../core/studyMachine';
import type { LossPoint } from '../../training/trainTrial';
import { CHART_INFO, type ChartId } from './chartCatalog';
import { ImportanceChart } from './ImportanceChart';
import { ParallelCoordinatesChart } from './ParallelCoordinatesChart';
import { RungLadderChart } from './RungLadderChart';
import { SlicePlots } from './SlicePlots';
import { TrainingCurvesChart } from './TrainingCurvesChart';
import { TuningCurveChart } from './TuningCurveChart';

export interface ChartProps { study: StudyState | null; curves: Record<number, LossPoint[]> }

const COMPONENTS: Record<ChartId, ComponentType<ChartProps>> = {
  trainingCurves: TrainingCurvesChart,
  rungLadder: RungLadderChart,
  tuningCurves: TuningCurveChart,
  parallelCoordinates: ParallelCoordinatesChart,
  importance: ImportanceChart,
  slices: SlicePlots,
};

/** Only the training curves read `curves`; the others get the study alone, so a loss reading re-renders one chart. */
export function Chart({ id, study, curves }: ChartProps & { id: ChartId }) {
  const Component = COMPONENTS[id];
  return id === 'trainingCurves' ? <Component study={study} curves={curves} /> : <Component study={study} curves={NO_CURVES} />;
}
const NO_CURVES: Record<number, LossPoint[]> = {};

export function visibleCharts(hide: readonly string[]): ChartId[] {
  return CHART_INFO.map((c) => c.id).filter((id) => !hide.includes(id));
}
