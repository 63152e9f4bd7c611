// Column standardisation with mean imputation, fitted on training rows only so that a held-out
// configuration never leaks into the scaling (as scikit-learn's SimpleImputer + StandardScaler in a
// Pipeline). A column that is constant or entirely missing in the training rows carries no
// information there: it standardises to 0 everywhere, and keeps its position so that column
// indices (./regressor's onColumns) stay valid. Standardised values are clipped to ±CLIP sds: a
// held-out configuration far outside the few training rows (e.g. a probe that was ~0 for all of
// them) must not make a linear model extrapolate without bound.

export interface Standardizer {
  means: number[];
  /** 0 marks a column that standardises to 0 (constant or missing in training). */
  scales: number[];
}

export function fitStandardizer(rows: readonly (readonly number[])[]): Standardizer {
  if (rows.length === 0) throw new Error('Expected at least one training row, but got none');
  const d = rows[0].length;
  const means: number[] = [];
  const scales: number[] = [];
  for (let j = 0; j < d; j++) {
    const values = rows.map((r) => r[j]).filter((v) => Number.isFinite(v));
    const m = values.length ? values.reduce((s, v) => s + v, 0) / values.length : 0;
    const sd = values.length ? Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / values.length) : 0;
    means.push(m);
    scales.push(sd > 1e-12 * Math.max(1, Math.abs(m)) ? sd : 0);
  }
  return { means, scales };
}

export const CLIP = 4;

/** Standardised row, clipped to ±clip; a missing value becomes 0 (the training mean). */
export function standardize(s: Standardizer, row: readonly number[], clip = CLIP): number[] {
  return s.means.map((m, j) =>
    s.scales[j] > 0 && Number.isFinite(row[j]) ? Math.max(-clip, Math.min(clip, (row[j] - m) / s.scales[j])) : 0,
  );
}
