// The dashboard's charts in reading order, each with its title and the one line that says what to
// look at; the dashboard, the presentation view, the print report and lesson links (hide=) share it.
import type { Hideable } from '../../core/link/classroomParams';
import type { TermId } from '../glossary/glossary';

// The audit's chart is not in core's HIDEABLE list yet, so a lesson link cannot hide it by name.
export type ChartId = Extract<
  Hideable,
  | 'trainingCurves'
  | 'rungLadder'
  | 'tuningCurves'
  | 'parallelCoordinates'
  | 'importance'
  | 'slices'
  | 'predictedVsActual'
>;

export interface ChartInfo {
  id: ChartId;
  title: string;
  explains: string;
  /** Shown only once the study on screen has an audit (../components/AuditPanel). */
  needsAudit?: boolean;
  /** Technical words the chart relies on, linked to the glossary beside its explanation. */
  terms?: TermId[];
}

export const CHART_INFO: readonly ChartInfo[] = [
  {
    id: 'trainingCurves',
    title: 'Training loss and accuracy',
    explains:
      'Each line is one trial, live: look for curves that flatten early (under-trained or too small a learning rate) and curves that shoot up (diverging).',
  },
  {
    id: 'rungLadder',
    title: 'Successive-halving ladder',
    terms: ['rung', 'successiveHalving'],
    explains:
      'Each column is a rung with more data; lines follow a configuration upwards: the best of each rung survive, and crossing lines mean the small-data ranking was wrong.',
  },
  {
    id: 'tuningCurves',
    title: 'Tuning curves (random search)',
    terms: ['tuningCurve', 'rung'],
    explains:
      'The best accuracy you should expect after k random trials, with a band it stays inside at the chosen confidence: where the curve flattens, more trials buy little.',
  },
  {
    id: 'parallelCoordinates',
    title: 'Hyperparameters against the score',
    explains:
      'Each line is a configuration across every hyperparameter to its final accuracy, coloured by that accuracy (the colour bar shows which end is better): look for axes where the best lines bunch together.',
  },
  {
    id: 'importance',
    title: 'Hyperparameter importance (fANOVA)',
    terms: ['fanova'],
    explains:
      'How much of the spread in accuracy each hyperparameter explains on its own: tune the long bars first, fix the short ones.',
  },
  {
    id: 'slices',
    title: 'Slices: score against each hyperparameter',
    explains:
      'One dot per trial: a clear hump or slope says where the good values of that hyperparameter are; a flat cloud says it barely matters here.',
  },
  {
    id: 'predictedVsActual',
    title: 'Audit: meta-model prediction against full fidelity',
    terms: ['metaModel', 'fidelity'],
    needsAudit: true,
    explains:
      'One dot per configuration, at its accuracy after full training: dots on the y = x line were predicted exactly from the cheap trials; a whisker (the prediction interval) that misses the line marks a surprise.',
  },
];

export const chartInfo = (id: ChartId): ChartInfo => CHART_INFO.find((c) => c.id === id)!;
