// Tests for features.ts: curve summaries of hand-made curves, hyperparameter encoding, per-rung
// layout with NaN for what is missing, and the power-law extrapolation column.
import { describe, expect, it } from 'vitest';
import { DEFAULT_FIXED, type TrialConfig } from '../searchSpace/searchSpace';
import type { LossPoint } from '../lossPoint';
import { buildFeatureTable, summarizeCurve, type FidelityObservation } from './features';

const linearCurve = (steps: number, epochs: number, loss: (s: number) => number): LossPoint[] =>
  Array.from({ length: steps }, (_, i) => ({
    step: i + 1,
    epoch: Math.floor((i * epochs) / steps),
    loss: loss(i + 1),
    accuracy: 0.5,
  }));

describe('summarizeCurve', () => {
  it('measures the slope per whole trial and the last-epoch gain of a straight line', () => {
    // loss = 2 - step/10 over 10 steps, 2 epochs of 5 steps: slope per trial = -1 (x = step/10).
    const s = summarizeCurve(linearCurve(10, 2, (step) => 2 - step / 10));
    expect(s.lossSlope).toBeCloseTo(-1, 12);
    // Epoch 0 holds steps 1..5 (mean loss 1.7), epoch 1 steps 6..10 (mean 1.2).
    expect(s.lastEpochGain).toBeCloseTo(0.5, 12);
    // The tail is the last 3 points: steps 8..10, losses 1.2, 1.1, 1.0.
    expect(s.trainLoss).toBeCloseTo(1.1, 12);
    expect(s.trainAccuracy).toBe(0.5);
  });

  it('with one epoch compares the two halves, and ignores non-finite points', () => {
    const curve = linearCurve(4, 1, (step) => step); // 1, 2, 3, 4: halves 1.5 and 3.5
    expect(summarizeCurve([...curve, { step: 5, epoch: 0, loss: Number.NaN, accuracy: 0 }]).lastEpochGain).toBeCloseTo(
      -2,
      12,
    );
    expect(summarizeCurve([]).trainLoss).toBeNaN();
  });
});

describe('buildFeatureTable', () => {
  const config = (over: Partial<TrialConfig>): TrialConfig => ({ ...DEFAULT_FIXED, ...over });
  const obs = (
    rung: number,
    resource: number,
    valAccuracy: number | null,
    probes?: FidelityObservation['probes'],
  ): FidelityObservation => ({
    rung,
    resource,
    valAccuracy,
    valLoss: valAccuracy === null ? null : 2 - valAccuracy,
    lossCurve: linearCurve(6, 1, () => 1.5),
    probes,
  });

  const table = buildFeatureTable([
    {
      config: config({ optimizer: 'sgd', learningRate: 1e-2, weightDecay: 1e-4, momentum: 0.9 }),
      observations: [
        obs(0, 0.25, 0.3, { sharpnessMean: Math.sinh(2), initGradientNorm: Math.sinh(1) }),
        obs(1, 0.5, 0.4),
      ],
    },
    { config: config({ optimizer: 'adam', momentum: 0.5 }), observations: [obs(0, 0.25, null)] },
  ]);
  const col = (name: string) => {
    const j = table.names.indexOf(name);
    expect(j, name).toBeGreaterThanOrEqual(0);
    return table.rows.map((r) => r[j]);
  };

  it('encodes hyperparameters (log scale, one-hot, momentum only for sgd)', () => {
    expect(col('log10LearningRate')).toEqual([-2, -3]);
    expect(col('log10WeightDecay')[0]).toBeCloseTo(-4, 12);
    expect(col('optimizerSgd')).toEqual([1, 0]);
    expect(col('optimizerAdam')).toEqual([0, 1]);
    expect(col('momentum')).toEqual([0.9, 0]);
  });

  it('lays out rungs, scores a diverged trial at chance and leaves what is missing NaN', () => {
    expect(table.rows.every((r) => r.length === table.names.length)).toBe(true);
    expect(col('r0.valAccuracy')).toEqual([0.3, 0.1]);
    expect(col('r1.valAccuracy')[0]).toBe(0.4);
    expect(col('r1.valAccuracy')[1]).toBeNaN();
    expect(col('r0.valLoss')[1]).toBeNaN();
    expect(col('r0.sharpness')[0]).toBeCloseTo(2, 12); // asinh(sinh(2))
    expect(col('r0.sharpness')[1]).toBeNaN();
    expect(col('initGradientNorm')[0]).toBeCloseTo(1, 12);
    expect(col('r0.generalizationGap')[0]).toBeCloseTo(0.5 - 0.3, 12);
    expect(col('log2Resource')).toEqual([-1, -2]);
  });

  it('extrapolates with the exponent set by the configuration seen at two resources', () => {
    // Error 0.7 -> 0.6 when the data doubles: c = log2(7/6); at r = 1 the error is 0.6 · (7/6)^-1.
    const c = Math.log2(0.7 / 0.6);
    expect(col('extrapolatedAccuracy')[0]).toBeCloseTo(1 - 0.6 * 2 ** -c, 12);
    expect(col('extrapolatedAccuracy')[1]).toBeCloseTo(1 - 0.9 * 4 ** -c, 12);
  });
});
