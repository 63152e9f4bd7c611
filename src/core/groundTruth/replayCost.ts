// Compute a replayed study charges, in milliseconds of the table's own runs, so that a rule pays
// for what it made the lab do (as tabular benchmarks charge measured cost, Eggensperger et al. 2021):
// - training: the row's images x epochs trained, at the row's measured training throughput;
// - evaluation: one pass over the validation split per trial, a forward pass costing a third of a
//   training step per image (as bench/table/unitCost.ts assumes);
// - probes: the milliseconds the table measured for the probes at that epoch, charged only to rules
//   that read them (the Hessian ones at a row's last epoch included).
import type { TableHeader, TableRow } from './learningCurveTable';
import type { TableConfiguration } from './tableConfigurations';

export interface TrialCost {
  trainMs: number;
  evalMs: number;
  probeMs: number;
}

/** Epochs a run actually trained of the first `epochs`: a diverged run stops in the epoch after its last record. */
function epochsRun(row: TableRow, epochs: number): number {
  return row.status === 'diverged' ? Math.min(epochs, row.curve.length + 1) : epochs;
}

export function trainingMs(row: TableRow, fromEpochs: number, toEpochs: number): number {
  const epochs = Math.max(0, epochsRun(row, toEpochs) - epochsRun(row, fromEpochs));
  return (1000 * row.images * epochs) / row.imagesPerSecond;
}

export function evaluationMs(header: TableHeader, row: TableRow): number {
  return (1000 * header.validationSize) / (3 * row.imagesPerSecond);
}

/** One trial: train from `fromEpochs` to `toEpochs` on the row's data, evaluate once, probe if asked. */
export function trialCost(
  header: TableHeader,
  row: TableRow,
  fromEpochs: number,
  toEpochs: number,
  withProbes: boolean,
): TrialCost {
  const probe = row.curve[toEpochs - 1]?.probes;
  const reached = row.curve.length >= toEpochs;
  return {
    trainMs: trainingMs(row, fromEpochs, toEpochs),
    evalMs: reached ? evaluationMs(header, row) : 0,
    probeMs: withProbes && reached && probe ? probe.ms : 0,
  };
}

/** The denominator: training the configuration fully (fraction 1, every epoch) and evaluating it once. */
export function fullTrainingMs(header: TableHeader, c: TableConfiguration): number {
  const row = c.rows[c.rows.length - 1];
  const cost = trialCost(header, row, 0, header.epochs, false);
  return cost.trainMs + cost.evalMs;
}
