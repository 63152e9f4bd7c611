// A synthetic study of any size, driven through the real study machine with made-up but plausible
// scores and loss curves: the dashboard's 500-trial benchmark and the chart tests use it. Seeded;
// accuracy peaks at lr = 3e-3 and grows with the data fraction, so the charts have something to show.
import { findPreset } from '../core/study/presets';
import { createRng, deriveSeed, type Rng } from '../core/rng';
import type { TrialConfig } from '../core/searchSpace/searchSpace';
import type { StudyDefinition } from '../core/study/studyDefinition';
import type { StudyState } from '../core/study/studyMachine';
import { driveStudy } from './driveStudy';
import type { LossPoint } from '../core/lossPoint';

export interface SyntheticStudy {
  study: StudyState;
  curves: Record<number, LossPoint[]>;
}

export interface SyntheticOptions {
  /** Configurations at rung 0; with η = 3 over four rungs the study has about 1.48 times as many trials. */
  numConfigs: number;
  seed?: number;
  /** Loss readings per trial at full budget (fewer at smaller data fractions, at least 8). */
  pointsPerTrial?: number;
}

/** The hidden truth: validation accuracy of a configuration trained on a data fraction. */
function trueAccuracy(c: TrialConfig, dataFraction: number): number {
  const lr = Math.log10(c.learningRate) - Math.log10(3e-3);
  const wd = Math.log10(c.weightDecay) + 3.5;
  const quality =
    Math.exp(-1.6 * lr * lr) *
    (1 - 0.08 * wd * wd) *
    (c.optimizer === 'sgd' ? 0.75 + 0.25 * c.momentum : 1) *
    (1 - 0.3 * Math.abs(c.dropout - 0.2));
  const capacity = 0.9 + 0.1 * (c.channels / 64);
  return 0.1 + 0.55 * quality * capacity * (0.45 + 0.55 * Math.sqrt(dataFraction));
}

function curve(rng: Rng, c: TrialConfig, finalAccuracy: number, points: number, diverges: boolean): LossPoint[] {
  const out: LossPoint[] = [];
  const finalLoss = 2.3 - 2.6 * (finalAccuracy - 0.1);
  for (let i = 0; i < points; i++) {
    const t = (i + 1) / points;
    const loss =
      diverges && t > 0.6
        ? 2.3 * Math.exp(6 * (t - 0.6))
        : finalLoss + (2.3 - finalLoss) * Math.exp(-4 * t) + 0.08 * rng.normal();
    const accuracy = Math.min(
      1,
      Math.max(0, 0.1 + (finalAccuracy - 0.1) * (1 - Math.exp(-4 * t)) + 0.03 * rng.normal()),
    );
    out.push({
      step: ((i + 1) * 2 * c.batchSize) / 32,
      epoch: t * (c.epochs || 1),
      loss: Math.max(0.01, loss),
      accuracy,
    });
  }
  return out;
}

/** The study27 preset widened to numConfigs configurations over rungs at 1/27, 1/9, 1/3 and 1 of 9,000 images. */
export function syntheticDefinition(numConfigs: number, seed = 7): StudyDefinition {
  const base = findPreset('study27')!.study;
  return {
    ...base,
    name: `synthetic${numConfigs}`,
    seed,
    scheduler: { ...base.scheduler, numConfigs, reductionFactor: 3, minResource: 1 / 27, maxResource: 1 },
  };
}

export function syntheticStudy(options: SyntheticOptions): SyntheticStudy {
  const { numConfigs, seed = 7, pointsPerTrial = 240 } = options;
  if (!Number.isInteger(numConfigs) || numConfigs < 1)
    throw new Error(`Expected numConfigs to be a positive integer, but got ${numConfigs}`);
  const rng = createRng(deriveSeed(seed, 'synthetic'));
  const curves: Record<number, LossPoint[]> = {};
  // Run every queued trial to completion until the study has nothing left to run.
  const study = driveStudy(syntheticDefinition(numConfigs, seed), (t, state) => {
    const c = state.configs[t.configId];
    const diverges = c.learningRate > 8e-3 && c.optimizer === 'sgd' && c.momentum > 0.8;
    const accuracy = Math.min(0.95, Math.max(0.1, trueAccuracy(c, t.dataFraction) + 0.015 * rng.normal()));
    const points = Math.max(8, Math.round(pointsPerTrial * Math.sqrt(t.dataFraction)));
    curves[t.trialId] = curve(rng, c, accuracy, points, diverges);
    const images = Math.round(t.dataFraction * state.definition.data.maxTrainImages);
    return {
      status: diverges ? 'diverged' : 'completed',
      valAccuracy: diverges ? null : accuracy,
      valLoss: diverges ? null : 2.3 - 2.6 * (accuracy - 0.1),
      durationMs: images * 3,
      imagesPerSecond: 330,
      backend: 'synthetic',
    };
  });
  return { study, curves };
}
