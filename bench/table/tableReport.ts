// `bench:table --report`: where the build stands and what the table says so far, per
// configuration: validation accuracy at every fraction, the full-fidelity curve, the noise-floor
// repeats, the compute spent, and the configuration the 30-epoch headline run trains. The test
// accuracy is printed beside each row for the final report only; the headline's choice reads
// validation alone (bestByValidation).
import { rowKey, type LearningCurveTable, type TableRow } from '../../src/core/groundTruth/learningCurveTable';
import { noiseFloor, type NoiseFloor } from '../../src/core/groundTruth/noiseFloor';
import { HEADLINE_EPOCHS, HEADLINE_FILE } from './headlineReport';
import { wallMs, type ClockRun } from './buildClock';
import type { TableUnit } from '../../src/core/groundTruth/tablePlan';
import { describeConfig, type TrialConfig } from '../../src/core/searchSpace/searchSpace';

export interface ConfigurationReport {
  configId: string;
  config: TrialConfig;
  /** Validation accuracy at each header fraction's last epoch (replicate 0); null where not built yet. */
  valAtFraction: (number | null)[];
  /** Validation accuracy after every epoch at fraction 1, replicate 0. */
  fullCurve: number[];
  diverged: boolean;
  /** Report-only: test accuracy of the fraction-1 run. */
  testAccuracy: number | null;
  /** Noise-floor repeats at fraction 1: validation and report-only test accuracy. */
  repeats: { replicate: number; valAccuracy: number; testAccuracy: number | null }[];
}

export interface TableReport {
  /** Planned rows in the table, and rows beyond the plan (the optional top repeats). */
  rowsDone: number;
  rowsPlanned: number;
  extraRows: number;
  /** Configurations with a replicate-0 row at every fraction. */
  completeConfigurations: number;
  /** Sum of the rows' training durations: one worker's hours. */
  workerHours: number;
  /** The build's wall-clock hours over its runs (buildClock.ts), and how many runs were reconstructed rather than clocked. */
  wallHours: number;
  runs: number;
  reconstructedRuns: number;
  configurations: ConfigurationReport[];
  best: { configId: string; valAccuracy: number; config: TrialConfig } | null;
  noise: NoiseFloor;
  /** Other configurations whose full-fidelity validation accuracy is within the noise floor of the best's. */
  nearBest: { configId: string; valAccuracy: number }[];
}

const lastVal = (r: TableRow): number => r.curve[r.curve.length - 1]?.valAccuracy ?? Number.NaN;
const isFull = (r: TableRow) => r.dataFraction === 1;

/**
 * The configuration with the highest validation accuracy at full fidelity (all data, the last
 * epoch, replicate 0), among runs that completed. Reads validation only, never the test field.
 */
export function bestByValidation(
  table: LearningCurveTable,
): { configId: string; valAccuracy: number; config: TrialConfig } | null {
  let best: { configId: string; valAccuracy: number; config: TrialConfig } | null = null;
  for (const r of table.rows) {
    if (!isFull(r) || r.replicate !== 0 || r.status !== 'completed') continue;
    const v = lastVal(r);
    if (best === null || v > best.valAccuracy) best = { configId: r.configId, valAccuracy: v, config: r.config };
  }
  return best;
}

export function tableReport(
  table: LearningCurveTable,
  planned: TableUnit[],
  clock: readonly ClockRun[] = [],
): TableReport {
  const fractions = table.header.fractions;
  const ids = [...new Set(planned.map((u) => u.configId))];
  const configurations: ConfigurationReport[] = [];
  for (const configId of ids) {
    const rows = table.rows.filter((r) => r.configId === configId);
    if (rows.length === 0) continue;
    const main = rows.filter((r) => r.replicate === 0);
    const full = main.find(isFull);
    configurations.push({
      configId,
      config: rows[0].config,
      valAtFraction: fractions.map((f) => {
        const r = main.find((m) => m.dataFraction === f);
        return r ? lastVal(r) : null;
      }),
      fullCurve: full ? full.curve.map((e) => e.valAccuracy) : [],
      diverged: main.some((r) => r.status === 'diverged'),
      testAccuracy: full?.report?.testAccuracy ?? null,
      repeats: rows
        .filter((r) => r.replicate > 0 && isFull(r))
        .map((r) => ({
          replicate: r.replicate,
          valAccuracy: lastVal(r),
          testAccuracy: r.report?.testAccuracy ?? null,
        })),
    });
  }
  const best = bestByValidation(table);
  const noise = noiseFloor(table);
  const nearBest = configurations
    .filter((c) => c.configId !== best?.configId && c.fullCurve.length > 0 && !c.diverged)
    .map((c) => ({ configId: c.configId, valAccuracy: c.fullCurve[c.fullCurve.length - 1] }))
    .filter((c) => best && noise.pairs > 0 && 100 * (best.valAccuracy - c.valAccuracy) <= noise.meanAbsDiffPts)
    .sort((a, b) => b.valAccuracy - a.valAccuracy);
  const plannedKeys = new Set(planned.map((u) => u.key));
  const inPlan = table.rows.filter((r) => plannedKeys.has(rowKey(r.configId, r.replicate, r.dataFraction))).length;
  return {
    rowsDone: inPlan,
    rowsPlanned: planned.length,
    extraRows: table.rows.length - inPlan,
    completeConfigurations: configurations.filter((c) => c.valAtFraction.every((v) => v !== null)).length,
    workerHours: table.rows.reduce((s, r) => s + r.durationMs, 0) / 3_600_000,
    wallHours: wallMs(clock) / 3_600_000,
    runs: clock.length,
    reconstructedRuns: clock.filter((c) => c.note).length,
    configurations,
    best,
    noise,
    nearBest,
  };
}

/** The resumable `npm run train` command of a headline run: `config` for `epochs` epochs, its report in `file`. */
export function headlineCommand(config: TrialConfig, epochs: number, file = HEADLINE_FILE): string {
  const { epochs: _ignored, ...rest } = config;
  const checkpoint = file.replace(/\.json$/, '.ckpt');
  return `npm run train -- --config '${JSON.stringify(rest)}' --epochs ${epochs} --json ${file} --checkpoint ${checkpoint}`;
}

const pct = (v: number | null) => (v === null ? '   —' : (100 * v).toFixed(1).padStart(5));

export function formatTableReport(r: TableReport, fractions: number[], epochs: number): string {
  const label = (f: number) => (f === 1 ? 'all' : `1/${Math.round(1 / f)}`);
  const soFar = r.rowsDone < r.rowsPlanned ? ' so far' : '';
  const lines = [
    `Table: ${r.rowsDone} of ${r.rowsPlanned} rows${r.extraRows > 0 ? ` (and ${r.extraRows} top repeats)` : ''}, ${r.completeConfigurations} configurations at every fraction; ` +
      `${r.workerHours.toFixed(1)} worker-hours of training${soFar} (the rows' own durations, contention included)`,
    r.runs > 0
      ? `Build wall time: ${r.wallHours.toFixed(1)} h over ${r.runs} builder runs` +
        (r.reconstructedRuns > 0 ? ` (${r.reconstructedRuns} of them reconstructed from build logs)` : '')
      : 'Build wall time: not clocked (no clock file beside the table)',
    `Validation accuracy (%) after ${epochs} epochs at each data fraction; "full" is 45,000 images x ${epochs} epochs. ` +
      'Test (%) is report-only.',
    `config  ${'setting'.padEnd(52)} ${fractions.map((f) => label(f).padStart(5)).join(' ')}  test  full per epoch        repeats (val/test)`,
  ];
  for (const c of r.configurations) {
    const repeats = c.repeats.map((x) => `${pct(x.valAccuracy).trim()}/${pct(x.testAccuracy).trim()}`).join(' ');
    lines.push(
      `${c.configId.padEnd(7)} ${describeConfig(c.config).padEnd(52)} ${c.valAtFraction.map(pct).join(' ')} ${pct(c.testAccuracy)}  ` +
        `${c.fullCurve
          .map((v) => (100 * v).toFixed(1))
          .join(' ')
          .padEnd(20)} ${c.diverged ? 'diverged ' : ''}${repeats}`,
    );
  }
  if (r.best) {
    lines.push(
      `Best by validation${soFar}: ${r.best.configId} at ${pct(r.best.valAccuracy).trim()}% (45,000 images x ${epochs} epochs).`,
      `The headline run (${HEADLINE_EPOCHS} epochs, resumable): ${headlineCommand(r.best.config, HEADLINE_EPOCHS)}`,
    );
  }
  lines.push(
    r.noise.pairs === 0
      ? 'Noise floor: no configuration trained twice yet.'
      : `Noise floor: ${r.noise.pairs} configurations trained twice at full fidelity, mean |difference| ` +
          `${r.noise.meanAbsDiffPts.toFixed(2)} points (max ${r.noise.maxAbsDiffPts.toFixed(2)}).` +
          (r.nearBest.length > 0
            ? ` Within it of the best: ${r.nearBest.map((c) => `${c.configId} (${pct(c.valAccuracy).trim()})`).join(', ')}; ` +
              'the choice among these is within seed noise.'
            : ''),
  );
  return lines.join('\n');
}
