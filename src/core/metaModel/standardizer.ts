// Column standardisation with mean imputation, fitted on training rows only so that a held-out
// configuration never leaks into the scaling (as scikit-learn's SimpleImputer + StandardScaler in a
// Pipeline). Columns that are constant or entirely missing in the training rows are dropped.

export interface Standardizer {
  /** Indices of the kept columns of the raw table. */
  columns: number[];
  means: number[];
  scales: number[];
}

export function fitStandardizer(rows: readonly (readonly number[])[]): Standardizer {
  if (rows.length === 0) throw new Error('Expected at least one training row, but got none');
  const d = rows[0].length;
  const columns: number[] = [];
  const means: number[] = [];
  const scales: number[] = [];
  for (let j = 0; j < d; j++) {
    const values = rows.map((r) => r[j]).filter((v) => Number.isFinite(v));
    if (values.length === 0) continue;
    const m = values.reduce((s, v) => s + v, 0) / values.length;
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / values.length);
    if (!(sd > 1e-12 * Math.max(1, Math.abs(m)))) continue;
    columns.push(j);
    means.push(m);
    scales.push(sd);
  }
  return { columns, means, scales };
}

/** Standardised row over the kept columns; a missing value becomes 0 (the training mean). */
export function standardize(s: Standardizer, row: readonly number[]): number[] {
  return s.columns.map((j, k) => (Number.isFinite(row[j]) ? (row[j] - s.means[k]) / s.scales[k] : 0));
}
