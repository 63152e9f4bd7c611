// What a configuration shows at one rung of a replayed study, read off its table row: the
// validation accuracy and loss after `epochs` epochs on `dataFraction` of the data, and the probes
// taken there, in the meta-model's own evidence type (../metaModel/features). Test fields are never read.
import type { FidelityObservation, ProbeSignals } from '../metaModel/features';
import type { Budget } from '../schedulers/schedule';
import type { EpochRow, TableHeader, TableRow } from './learningCurveTable';
import { epochOf, fractionIndex, type TableConfiguration } from './tableConfigurations';

export interface RungReading {
  row: TableRow;
  /** The epoch record, or null where the run diverged before `epochs`. */
  epoch: EpochRow | null;
}

export function readRung(header: TableHeader, c: TableConfiguration, budget: Budget): RungReading {
  const i = fractionIndex(header, budget.dataFraction);
  if (i < 0)
    throw new Error(
      `Expected a data fraction the table was built at (${header.fractions.map((f) => f.toFixed(4)).join(', ')}), but got ${budget.dataFraction}`,
    );
  if (!(budget.epochs >= 1 && budget.epochs <= header.epochs))
    throw new Error(`Expected 1..${header.epochs} epochs, but got ${budget.epochs}`);
  const row = c.rows[i];
  return { row, epoch: epochOf(row, budget.epochs) };
}

/** The probes at a reading, with the gradient norm at initialisation (one per run). */
export function probeSignals(r: RungReading): ProbeSignals | null {
  const p = r.epoch?.probes;
  if (!p) return null;
  return {
    sharpnessMean: p.sharpnessMean,
    sharpnessMax: p.sharpnessMax,
    samSharpness: p.samSharpness,
    gradientNorm: p.gradientNorm,
    topEigenvalue: p.topEigenvalue ?? null,
    hessianTrace: p.hessianTrace ?? null,
    initGradientNorm: r.row.initGradientNorm,
  };
}

/**
 * The reading as meta-model evidence. The table keeps one training loss per epoch (the last batch's),
 * not the loss curve, so the curve summary holds that loss and its change over the last epoch;
 * training accuracy and the loss slope are missing (NaN), which the meta-model imputes.
 */
export function fidelityObservation(r: RungReading, rung: number, resource: number): FidelityObservation {
  const e = r.epoch;
  const before = e && e.epoch > 1 ? r.row.curve[e.epoch - 2] : null;
  return {
    rung,
    resource,
    valAccuracy: e ? e.valAccuracy : null,
    valLoss: e ? e.valLoss : null,
    lossCurve: [],
    curveSummary: {
      trainLoss: e ? e.trainLoss : NaN,
      trainAccuracy: NaN,
      lossSlope: NaN,
      lastEpochGain: e && before ? before.trainLoss - e.trainLoss : NaN,
    },
    probes: probeSignals(r),
  };
}
