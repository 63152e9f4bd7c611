// The ground-truth learning-curve table of CIFAR-10: a fixed set of configurations trained once at
// every fidelity (data fraction x epoch), so studies can be replayed over it without training,
// as the tabular benchmarks LCBench (Zimmer et al. 2021) and NAS-Bench-201 (Dong & Yang 2020) do.
// A table is JSON lines: one header, then one row per finished (configuration, replicate, fraction).
import type { ProbeValues } from '../probeValues';
import type { TrialConfig } from '../searchSpace/searchSpace';

export const TABLE_VERSION = 1;

export interface TableHeader {
  kind: 'header';
  version: typeof TABLE_VERSION;
  dataset: 'cifar10';
  /** Seeds the stratified validation split (5,000 of the 50,000 training images). */
  splitSeed: number;
  validationSize: number;
  /** Training images at data fraction 1: the 50,000 less the validation split. */
  trainImages: number;
  /** The largest number of epochs; every epoch count up to it is a fidelity. */
  epochs: number;
  /** Nested data fractions, ascending; the last is 1. */
  fractions: number[];
  /** Settings every configuration shares (batch size, augmentation, schedule). */
  fixed: Partial<TrialConfig>;
  /** Seeds the scrambled Halton draw of the configurations. */
  tableSeed: number;
  /** Probes on the first `images` validation images after every epoch; Hessian ones at the last epoch only. */
  probe: { images: number; directions: number; rho: number; samRho: number; hessian: boolean };
  /** The test set is evaluated once per row into `report`, for the final report only. */
  reportSplit: 'test';
}

/** A row's probes: the trial's, without the probe set's own accuracy and size (the header has it). */
export type ProbeRecord = Omit<ProbeValues, 'accuracy' | 'images'>;

export interface EpochRow {
  epoch: number;
  trainLoss: number;
  valLoss: number;
  valAccuracy: number;
  probes?: ProbeRecord;
}

export interface TableRow {
  kind: 'trial';
  /** Identity of the configuration: its place in the table's draw ("c00" is the seed project's configuration). */
  configId: string;
  config: TrialConfig;
  /** 0 for the table's run; 1.. for noise-floor repeats with another seed. */
  replicate: number;
  seed: number;
  dataFraction: number;
  images: number;
  status: 'completed' | 'diverged';
  /** Validation after every epoch; shorter than header.epochs only if the run diverged. */
  curve: EpochRow[];
  initGradientNorm: number | null;
  durationMs: number;
  imagesPerSecond: number;
  backend: string;
  /** Report-only: test-set accuracy at the row's last epoch. Selection never reads it. */
  report: { testAccuracy: number; testLoss: number } | null;
}

export interface LearningCurveTable {
  header: TableHeader;
  rows: TableRow[];
}

/** The key a row is stored under: one row per (configuration, replicate, fraction). */
export function rowKey(configId: string, replicate: number, dataFraction: number): string {
  return `${configId}/r${replicate}/f${dataFraction.toFixed(6)}`;
}

/** Parses JSON lines (a header, then rows). A truncated last line (a killed writer) is dropped. */
export function parseTable(text: string): { table: LearningCurveTable; droppedLines: number } {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) throw new Error('the table is empty: expected a header line');
  let header: TableHeader | null = null;
  const rows: TableRow[] = [];
  let droppedLines = 0;
  lines.forEach((line, i) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      if (i === lines.length - 1) {
        droppedLines++;
        return;
      }
      throw new Error(`line ${i + 1} of the table is not JSON`);
    }
    const kind = (value as { kind?: unknown }).kind;
    if (kind === 'header') {
      if (header) throw new Error(`line ${i + 1}: a second header`);
      header = value as TableHeader;
    } else if (kind === 'trial') rows.push(value as TableRow);
    else throw new Error(`line ${i + 1}: unknown kind ${JSON.stringify(kind)}`);
  });
  if (!header) throw new Error('the table has no header line');
  return { table: { header, rows }, droppedLines };
}
