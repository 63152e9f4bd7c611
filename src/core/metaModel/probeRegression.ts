// Probe regression: does one tier-2 probe, beside a rung's own accuracy, predict full-fidelity
// accuracy better than the accuracy alone, on configurations other than the ones being ranked?
// Ordinary least squares of full accuracy on [1, accuracy] and on [1, accuracy, probe] for each
// probe, compared by leave-one-out error in closed form, PRESS = Σ (e_i / (1 − h_ii))² (Allen 1974),
// h_ii the hat matrix's diagonal. The model with the lowest PRESS scores the candidates; where the
// accuracy alone wins (or ties), the rung is ranked by accuracy. This is the smallest model that
// lets a probe earn a place: one coefficient, chosen out of sample (performance prediction from
// early observations, Baker et al. 2018).
import type { ProbeSignals } from './features';

export const REGRESSION_PROBES = [
  'sharpnessMean',
  'sharpnessMax',
  'samSharpness',
  'gradientNorm',
  'topEigenvalue',
  'hessianTrace',
  'initGradientNorm',
] as const satisfies readonly (keyof ProbeSignals)[];
export type RegressionProbe = (typeof REGRESSION_PROBES)[number];

export interface ProbeRegressionExample {
  accuracy: number;
  probes: ProbeSignals | null;
  fullAccuracy: number;
}

export interface ProbeRegressionFit {
  /** The probe beside accuracy, or null where accuracy alone predicted best out of sample. */
  probe: RegressionProbe | null;
  /** Intercept, accuracy's coefficient, then the probe's where there is one. */
  coefficients: number[];
  /** Leave-one-out sum of squared errors of each model tried, accuracy alone under the key "accuracy". */
  press: Record<string, number>;
  examples: number;
}

const probeValue = (p: ProbeSignals | null, name: RegressionProbe): number | null => {
  const v = p?.[name];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

/** Solves the k×k system A x = b by Gauss-Jordan with partial pivoting; null where A is singular. */
function solve(a: number[][], b: number[]): number[] | null {
  const k = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  const scale = Math.max(...a.flat().map(Math.abs), 1e-300);
  for (let c = 0; c < k; c++) {
    let p = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    if (Math.abs(m[p][c]) < 1e-12 * scale) return null;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      for (let j = c; j <= k; j++) m[r][j] -= f * m[c][j];
    }
  }
  return m.map((row, i) => row[k] / row[i]);
}

/** OLS coefficients and PRESS of y on the rows of x (each with its leading 1); null where X'X is singular. */
export function olsPress(x: number[][], y: number[]): { coefficients: number[]; press: number } | null {
  const k = x[0]?.length ?? 0;
  if (x.length <= k) return null;
  const xtx = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => x.reduce((s, row) => s + row[i] * row[j], 0)),
  );
  const coefficients = solve(
    xtx,
    Array.from({ length: k }, (_, i) => x.reduce((s, row, n) => s + row[i] * y[n], 0)),
  );
  if (!coefficients) return null;
  let press = 0;
  for (let n = 0; n < x.length; n++) {
    // h_nn = x_n' (X'X)^-1 x_n, with (X'X)^-1 x_n solved for rather than inverted.
    const v = solve(xtx, x[n]);
    if (!v) return null;
    const h = v.reduce((s, vi, i) => s + vi * x[n][i], 0);
    if (h >= 1 - 1e-9) return null; // a point the fit passes through by construction: no out-of-sample error
    const residual = y[n] - coefficients.reduce((s, c, i) => s + c * x[n][i], 0);
    press += (residual / (1 - h)) ** 2;
  }
  return { coefficients, press };
}

/** Fits accuracy alone and accuracy with each probe present on every example; keeps the lowest PRESS. */
export function fitProbeRegression(examples: readonly ProbeRegressionExample[]): ProbeRegressionFit | null {
  const rows = examples.filter((e) => Number.isFinite(e.accuracy) && Number.isFinite(e.fullAccuracy));
  const y = rows.map((e) => e.fullAccuracy);
  const base = olsPress(
    rows.map((e) => [1, e.accuracy]),
    y,
  );
  if (!base) return null;
  const press: Record<string, number> = { accuracy: base.press };
  let best: ProbeRegressionFit = { probe: null, coefficients: base.coefficients, press, examples: rows.length };
  let bestPress = base.press;
  for (const probe of REGRESSION_PROBES) {
    const values = rows.map((e) => probeValue(e.probes, probe));
    if (values.some((v) => v === null)) continue;
    const fit = olsPress(
      rows.map((e, n) => [1, e.accuracy, values[n]!]),
      y,
    );
    if (!fit) continue;
    press[probe] = fit.press;
    if (fit.press < bestPress) {
      bestPress = fit.press;
      best = { probe, coefficients: fit.coefficients, press, examples: rows.length };
    }
  }
  return best;
}

/** The fit's predicted full accuracy for a candidate; null where it lacks the chosen probe. */
export function predictProbeRegression(
  fit: ProbeRegressionFit,
  accuracy: number,
  probes: ProbeSignals | null,
): number | null {
  const [c0, c1, c2] = fit.coefficients;
  if (fit.probe === null) return c0 + c1 * accuracy;
  const v = probeValue(probes, fit.probe);
  return v === null ? null : c0 + c1 * accuracy + c2 * v;
}
