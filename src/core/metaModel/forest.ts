// Random-forest meta-model (Breiman 2001) over ../stats/regressionForest: the prediction is the
// mean over trees and its uncertainty the spread across trees, as in SMAC's random-forest surrogate
// (Hutter, Hoos & Leyton-Brown 2011). A bagging spread ignores irreducible noise, so it is
// over-confident on small data; ./select measures the coverage it actually achieves.
import { fitRegressionForest, predictTree, type ForestOptions, type RegressionForest } from '../stats/regressionForest';
import { checkTrainingSet, type FittedRegressor, type Prediction, type Regressor } from './regressor';

/** Defaults for a few dozen rows: 100 trees, leaves of 2, a third of the features per split (Breiman's regression default). */
export function forestDefaults(numFeatures: number): Required<ForestOptions> {
  return { numTrees: 100, maxDepth: 32, minSamplesLeaf: 2, maxFeatures: Math.max(1, Math.ceil(numFeatures / 3)) };
}

export function predictForestWithSpread(forest: RegressionForest, row: readonly number[]): Prediction {
  const values = forest.trees.map((t) => predictTree(t, row));
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, values.length - 1);
  return { mean, sd: Math.sqrt(variance) };
}

export function forestRegressor(options: ForestOptions = {}): Regressor {
  return {
    name: 'forest',
    fit(rows, targets, rng): FittedRegressor {
      const d = checkTrainingSet(rows, targets);
      const forest = fitRegressionForest(rows, targets, rng, { ...forestDefaults(d), ...options });
      return { predict: (row) => predictForestWithSpread(forest, row) };
    },
  };
}
