// The table report against brute force over the synthetic fixture table: counts, worker-hours,
// per-fraction validation, the noise-floor repeats, and a headline choice that ignores the test field.
import { describe, expect, it } from 'vitest';
import { tableUnits } from '../../src/core/groundTruth/tablePlan';
import { FIXTURE_DIVERGED, FIXTURE_SETTINGS, learningCurveFixture } from '../../src/testing/learningCurveFixture';
import { bestByValidation, formatTableReport, headlineCommand, tableReport } from './tableReport';

const table = learningCurveFixture();
const units = tableUnits(table.header, FIXTURE_SETTINGS);

describe('tableReport', () => {
  const r = tableReport(table, units);

  it('counts rows, complete configurations and worker-hours as a loop over the rows does', () => {
    expect(r.rowsDone).toBe(table.rows.length);
    expect(r.rowsPlanned).toBe(units.length);
    expect(r.completeConfigurations).toBe(FIXTURE_SETTINGS.configs);
    let ms = 0;
    for (const row of table.rows) ms += row.durationMs;
    expect(r.workerHours).toBeCloseTo(ms / 3_600_000, 12);
  });

  it("gives each configuration's last-epoch validation accuracy at every fraction and its repeats", () => {
    for (const c of r.configurations) {
      table.header.fractions.forEach((f, i) => {
        const row = table.rows.find((x) => x.configId === c.configId && x.replicate === 0 && x.dataFraction === f)!;
        expect(c.valAtFraction[i]).toBe(row.curve[row.curve.length - 1].valAccuracy);
      });
      const repeats = table.rows.filter((x) => x.configId === c.configId && x.replicate > 0);
      expect(c.repeats.map((x) => x.replicate)).toEqual(repeats.map((x) => x.replicate));
    }
    expect(r.configurations.find((c) => c.configId === FIXTURE_DIVERGED)!.diverged).toBe(true);
    expect(r.configurations.filter((c) => c.repeats.length > 0)).toHaveLength(FIXTURE_SETTINGS.repeats);
  });

  it('picks the headline configuration by validation alone: scrambling the test field does not move it', () => {
    const full = table.rows.filter((x) => x.dataFraction === 1 && x.replicate === 0 && x.status === 'completed');
    const brute = full.reduce((a, b) => (b.curve.at(-1)!.valAccuracy > a.curve.at(-1)!.valAccuracy ? b : a));
    expect(bestByValidation(table)!.configId).toBe(brute.configId);
    const scrambled = {
      ...table,
      rows: table.rows.map((x) => ({
        ...x,
        report: x.report && { testAccuracy: 1 - x.report.testAccuracy, testLoss: 0 },
      })),
    };
    expect(bestByValidation(scrambled)!.configId).toBe(brute.configId);
  });

  it('says "so far" while rows are missing and not once the table is complete', () => {
    const complete = formatTableReport(r, table.header.fractions, table.header.epochs);
    expect(r.rowsDone).toBe(r.rowsPlanned);
    expect(complete).not.toContain('so far');
    const partial = tableReport({ ...table, rows: table.rows.slice(1) }, units);
    const text = formatTableReport(partial, table.header.fractions, table.header.epochs);
    expect(text).toContain('worker-hours of training so far');
    expect(text).toContain('Best by validation so far:');
  });

  it('prints a command that trains the best configuration for 30 epochs without its table epoch count', () => {
    const text = formatTableReport(r, table.header.fractions, table.header.epochs);
    const command = headlineCommand(r.best!.config, 30);
    expect(text).toContain(command);
    const json = JSON.parse(/--config '([^']*)'/.exec(command)![1]) as Record<string, unknown>;
    expect(json.epochs).toBeUndefined();
    expect(json.learningRate).toBe(r.best!.config.learningRate);
    expect(command).toContain('--epochs 30');
    expect(command).toContain('--json bench/table/headline.json --checkpoint bench/table/headline.ckpt');
    expect(headlineCommand(r.best!.config, 30, 'runs/headline-c04.json')).toMatch(
      / --json runs\/headline-c04\.json --checkpoint runs\/headline-c04\.ckpt$/,
    );
  });

  it('prints the wall time of the clocked and reconstructed runs', () => {
    const clock = [
      { run: '2026-11-30T14:00:00Z', at: '2026-11-30T16:30:00Z', workers: 2, note: 'reconstructed' },
      { run: '2026-12-01T02:00:00Z', at: '2026-12-01T03:00:00Z', workers: 2 },
    ];
    const withClock = tableReport(table, units, clock);
    expect(withClock.wallHours).toBeCloseTo(3.5, 12);
    expect(formatTableReport(withClock, table.header.fractions, table.header.epochs)).toContain(
      'Build wall time: 3.5 h over 2 builder runs (1 of them reconstructed from build logs)',
    );
    expect(formatTableReport(r, table.header.fractions, table.header.epochs)).toContain('not clocked');
  });

  it('lists the configurations within the noise floor of the best, as a loop over the full rows finds them', () => {
    const floor = r.noise.meanAbsDiffPts;
    expect(r.noise.pairs).toBe(FIXTURE_SETTINGS.repeats);
    const full = table.rows.filter(
      (x) => x.dataFraction === 1 && x.replicate === 0 && x.status === 'completed' && x.configId !== r.best!.configId,
    );
    const near = full
      .filter((x) => 100 * (r.best!.valAccuracy - x.curve.at(-1)!.valAccuracy) <= floor)
      .map((x) => x.configId)
      .sort();
    expect(r.nearBest.map((c) => c.configId).sort()).toEqual(near);
    const wider = tableReport(
      {
        ...table,
        rows: table.rows.map((x) =>
          x.replicate === 1 ? { ...x, curve: x.curve.map((e) => ({ ...e, valAccuracy: 0.1 })) } : x,
        ),
      },
      units,
    );
    expect(wider.nearBest.length).toBeGreaterThan(r.nearBest.length);
    expect(formatTableReport(wider, table.header.fractions, table.header.epochs)).toContain('within seed noise');
  });
});
