// Tests for probeConfirmation.ts on the synthetic fixture table rewritten so the answer is known.
// The rung accuracies below full fidelity become a fixed permutation unrelated to the outcome (the
// fixture's rank as the outcome does, which leaves a partial correlation undefined). A probe equal to
// the full-fidelity accuracy then has partial correlation exactly 1 (so it is picked and confirmed
// at every rung); one that is the accuracy on the exploring half and its negation, or a constant,
// on the rest is picked but not confirmed.
import { describe, expect, it } from 'vitest';
import { learningCurveFixture } from '../../testing/learningCurveFixture';
import { probeConfirmation } from './probeConfirmation';
import { probeRungs } from './probeSignal';
import { tableConfigurations, type TableConfiguration } from './tableConfigurations';

const table = learningCurveFixture();
const configs = tableConfigurations(table);

/** Distinct for the fixture's 12 configurations: 5 and 12 are coprime. */
const unrelatedAccuracy = (c: TableConfiguration) => 0.2 + 0.01 * ((Number(c.configId.slice(1)) * 5) % 12);

/** The configurations with gradientNorm at every epoch of every rung set to value(c). */
const withGradientNorm = (value: (c: TableConfiguration) => number) =>
  configs.map((c) => ({
    ...c,
    rows: c.rows.map((r) => ({
      ...r,
      curve: r.curve.map((e) => ({
        ...e,
        valAccuracy: r.dataFraction < 1 || e.epoch < table.header.epochs ? unrelatedAccuracy(c) : e.valAccuracy,
        probes: e.probes && { ...e.probes, gradientNorm: value(c) },
      })),
    })),
  }));

const firstHalf = new Set(
  [...configs]
    .map((c) => c.configId)
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
    .slice(0, configs.length / 2),
);

describe('probeConfirmation', () => {
  it('explores on the first half of the configurations by id and confirms on the rest', () => {
    const r = probeConfirmation(table.header, configs);
    expect(new Set(r.exploreConfigs)).toEqual(firstHalf);
    expect(r.confirmConfigs).toHaveLength(configs.length / 2);
    expect(r.confirmConfigs.some((id) => firstHalf.has(id))).toBe(false);
  });

  it('picks and confirms a probe that is the outcome, at every rung', () => {
    const r = probeConfirmation(
      table.header,
      withGradientNorm((c) => c.fullAccuracy),
    );
    const leads = r.leads.filter((l) => l.probe === 'gradientNorm');
    expect(leads).toHaveLength(probeRungs(table.header).length);
    for (const l of leads) {
      expect(l.explore.partialSpearman).toBeCloseTo(1, 9);
      expect(l.confirm?.partialSpearman).toBeCloseTo(1, 9);
      expect(l.confirmed).toBe(true);
    }
  });

  it('does not confirm a lead whose sign flips on the held-out configurations, or that says nothing there', () => {
    for (const heldOut of [(c: TableConfiguration) => -c.fullAccuracy, () => 0.5]) {
      const r = probeConfirmation(
        table.header,
        withGradientNorm((c) => (firstHalf.has(c.configId) ? c.fullAccuracy : heldOut(c))),
      );
      const leads = r.leads.filter((l) => l.probe === 'gradientNorm');
      expect(leads).toHaveLength(probeRungs(table.header).length);
      for (const l of leads) expect(l.confirmed).toBe(false);
    }
  });
});
