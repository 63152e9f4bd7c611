// Compute a replayed study charges, so that a rule pays for what it made the lab do (as tabular
// benchmarks charge cost, Eggensperger et al. 2021). The headline unit is load-free (COMPUTE_UNIT):
// - training: the row's images x epochs trained (a diverged run stops in the epoch after its last record);
// - evaluation: one pass over the validation split per trial, each image a third of a trained
//   image-epoch (a forward pass is ~2 of a step's ~6 FLOPs per parameter, Kaplan et al. 2020);
// - probes: the probe time the table measured, converted at the row's own training throughput, and
//   charged only to rules that read probes (the Hessian ones at a row's last epoch included).
// No weight per channel width: every configuration's image costs the same, so the unit counts work
// asked for, not how fast this machine did it. The measured milliseconds stay as a secondary figure;
// they swing 3-5x between identical runs on a loaded machine.
import type { TableHeader, TableRow } from './learningCurveTable';
import type { TableConfiguration } from './tableConfigurations';

/** A validation image's cost in trained image-epochs. */
export const EVAL_IMAGE_COST = 1 / 3;

export const COMPUTE_UNIT =
  'image-epochs: training images x epochs trained, plus validation images evaluated at 1/3 each (one pass per trial), plus probe time at the row\u2019s own training throughput (probe rules only); not weighted by channel width; computeFraction divides by training every pool configuration fully and evaluating it once';

/** COMPUTE_UNIT in a phrase, for the page. */
export const COMPUTE_UNIT_BRIEF =
  'image-epochs (training images x epochs, plus a third per validation image evaluated; not weighted by channel width, not by measured time)';

export interface TrialCost {
  /** Training images x epochs trained. */
  imageEpochs: number;
  /** Validation images evaluated (one pass, or none where the run diverged first). */
  evalImages: number;
  /** Probe work in trained image-epochs (the measured probe ms x the row's training images/s). */
  probeImageEpochs: number;
  /** Secondary, load-dependent: the same work in the row's measured milliseconds. */
  trainMs: number;
  evalMs: number;
  probeMs: number;
}

/** Epochs a run actually trained of the first `epochs`: a diverged run stops in the epoch after its last record. */
function epochsRun(row: TableRow, epochs: number): number {
  return row.status === 'diverged' ? Math.min(epochs, row.curve.length + 1) : epochs;
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
  const imageEpochs = row.images * Math.max(0, epochsRun(row, toEpochs) - epochsRun(row, fromEpochs));
  const evalImages = reached ? header.validationSize : 0;
  const probeMs = withProbes && reached && probe ? probe.ms : 0;
  const msPerImage = 1000 / row.imagesPerSecond;
  return {
    imageEpochs,
    evalImages,
    probeImageEpochs: probeMs / msPerImage,
    trainMs: imageEpochs * msPerImage,
    evalMs: evalImages * EVAL_IMAGE_COST * msPerImage,
    probeMs,
  };
}

/** A trial's charge in the load-free unit (COMPUTE_UNIT). */
export const computeUnits = (c: TrialCost): number =>
  c.imageEpochs + EVAL_IMAGE_COST * c.evalImages + c.probeImageEpochs;

/** The same trial in measured milliseconds (secondary). */
export const measuredMs = (c: TrialCost): number => c.trainMs + c.evalMs + c.probeMs;

/** The denominator: training the configuration fully (fraction 1, every epoch) and evaluating it once. */
export function fullTrainingCost(header: TableHeader, c: TableConfiguration): TrialCost {
  return trialCost(header, c.rows[c.rows.length - 1], 0, header.epochs, false);
}
