// The configurations a simulated study may draw from a (possibly partial) learning-curve table:
// those whose table run (replicate 0) has a row at every data fraction. Ground truth is the
// validation accuracy at full fidelity (fraction 1, the last epoch); a diverged run scores chance,
// as in the study machine. Tabular benchmarks replay studies over exactly this (LCBench, Zimmer et
// al. 2021; NAS-Bench-201, Dong & Yang 2020). The report-only test field is never read here.
import type { TrialConfig } from '../searchSpace/searchSpace';
import type { EpochRow, LearningCurveTable, TableHeader, TableRow } from './learningCurveTable';

export interface TableConfiguration {
  configId: string;
  config: TrialConfig;
  /** Replicate-0 rows, one per header fraction, in the header's (ascending) order. */
  rows: TableRow[];
  /** Validation accuracy at fraction 1 after header.epochs epochs; chance if that run diverged. */
  fullAccuracy: number;
}

/** A configuration's identity: a bootstrap copy ("c05~2", ./tableBootstrap) is the configuration it copies. */
export const configIdentity = (configId: string) => configId.split('~')[0];

export const NUM_CLASSES = 10;
export const CHANCE = 1 / NUM_CLASSES;

const sameFraction = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, b);

/** The row's epoch record after `epochs` epochs, or null where the run diverged before. */
export function epochOf(row: TableRow, epochs: number): EpochRow | null {
  const e = row.curve[epochs - 1];
  return e && e.epoch === epochs && Number.isFinite(e.valAccuracy) ? e : null;
}

/** The index of a fraction among the header's, or -1 if the table was not built at it. */
export function fractionIndex(header: TableHeader, dataFraction: number): number {
  return header.fractions.findIndex((f) => sameFraction(f, dataFraction));
}

/** Every configuration with all of its fractions, in table order; incomplete ones are left out. */
export function tableConfigurations(table: LearningCurveTable): TableConfiguration[] {
  const { header } = table;
  const byConfig = new Map<string, TableRow[]>();
  for (const r of table.rows) {
    if (r.replicate !== 0) continue;
    const i = fractionIndex(header, r.dataFraction);
    if (i < 0) continue;
    const rows = byConfig.get(r.configId) ?? new Array<TableRow>(header.fractions.length);
    rows[i] = r;
    byConfig.set(r.configId, rows);
  }
  const out: TableConfiguration[] = [];
  for (const [configId, rows] of byConfig) {
    if (rows.filter(Boolean).length !== header.fractions.length) continue;
    const full = epochOf(rows[rows.length - 1], header.epochs);
    out.push({ configId, config: rows[0].config, rows, fullAccuracy: full ? full.valAccuracy : CHANCE });
  }
  return out;
}

/** What "full fidelity" means in this table, e.g. "45000 images x 4 epochs". */
export function fullFidelityLabel(header: TableHeader): string {
  return `${header.trainImages} images x ${header.epochs} epochs`;
}
