// The one interface every meta-model implements: fit on standardised rows, predict a mean and a
// standard deviation (the model's own uncertainty, in target units), so ./select can compare them.
import type { Rng } from '../rng';

export interface Prediction {
  mean: number;
  sd: number;
}

export interface FittedRegressor {
  predict(row: readonly number[]): Prediction;
}

export interface Regressor {
  name: string;
  fit(rows: readonly (readonly number[])[], targets: readonly number[], rng: Rng): FittedRegressor;
}

export function checkTrainingSet(rows: readonly (readonly number[])[], targets: readonly number[]): number {
  if (rows.length === 0) throw new Error('Expected at least one training row, but got none');
  if (rows.length !== targets.length)
    throw new Error(`Expected one target per row (${rows.length}), but got ${targets.length}`);
  const d = rows[0].length;
  for (const row of rows) {
    if (row.length !== d) throw new Error(`Expected every row to have ${d} features, but got ${row.length}`);
    if (row.some((v) => !Number.isFinite(v)))
      throw new Error('Expected finite features (standardise and impute first)');
  }
  if (targets.some((t) => !Number.isFinite(t))) throw new Error('Expected finite targets');
  return d;
}

/** The same regressor on a subset of the columns (a parsimonious model for small studies). */
export function onColumns(regressor: Regressor, columns: readonly number[], label: string): Regressor {
  const pick = (row: readonly number[]) => columns.map((j) => row[j]);
  return {
    name: `${regressor.name} on ${label}`,
    fit(rows, targets, rng): FittedRegressor {
      const fitted = regressor.fit(rows.map(pick), targets, rng);
      return { predict: (row) => fitted.predict(pick(row)) };
    },
  };
}
