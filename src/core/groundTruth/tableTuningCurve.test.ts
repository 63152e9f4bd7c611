import { describe, expect, it } from 'vitest';
import { learningCurveFixture } from '../../testing/learningCurveFixture';
import { tableConfigurations } from './tableConfigurations';
import { tableTuningCurve } from './tableTuningCurve';

describe('tableTuningCurve', () => {
  it("reads full-fidelity validation accuracy only: k = 1's median is the scores' median, k = n's best their maximum", () => {
    const table = learningCurveFixture();
    const configs = tableConfigurations(table);
    const { scores, series, readout } = tableTuningCurve(table.header, configs);
    const sorted = configs.map((c) => c.fullAccuracy).sort((a, b) => a - b);
    expect([...scores].sort((a, b) => a - b)).toEqual(sorted);
    // opda's median tuning curve at k = 1 is ppf(0.5): the smallest score with F >= 0.5.
    expect(series.median.point[0]).toBe(sorted[Math.ceil(sorted.length / 2) - 1]);
    expect(series.ks).toContain(sorted.length);
    expect(readout.currentBest).toBe(sorted[sorted.length - 1]);
    // The test field can move freely: nothing here reads it.
    const scrambled = { ...table, rows: table.rows.map((r) => ({ ...r, report: { testAccuracy: 1, testLoss: 0 } })) };
    expect(tableTuningCurve(scrambled.header, tableConfigurations(scrambled)).readout.text).toBe(readout.text);
  });
});
