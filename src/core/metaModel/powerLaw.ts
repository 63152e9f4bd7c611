// Learning-curve extrapolation by an inverse power law, error(r) = b · r^(-c) (Domhan, Springenberg &
// Hutter 2015, "Speeding up Automatic Hyperparameter Optimization of Deep Neural Networks by
// Extrapolation of Learning Curves", their "pow" family with the asymptote fixed at 0 error).
// Fitted by least squares in log space with one exponent c shared by all configurations (the pooled
// within-configuration slope) and a scale b per configuration: most configurations of a
// successive-halving study have a single low-fidelity point, which fixes b but cannot fix c.

export interface CurvePointAt {
  resource: number;
  accuracy: number;
}

export interface PowerLawFit {
  /** Shared exponent c, clamped to [0, maxExponent]; 0 when no configuration has two resources. */
  exponent: number;
  /** log b per configuration; null for a configuration without a usable point. */
  logScales: (number | null)[];
  /** How many configurations had two or more distinct resources (the ones that set c). */
  curvesWithSlope: number;
}

// Keeps log(error) finite for a perfect score; an accuracy above 99.9% is not a CIFAR-10 probe.
const MIN_ERROR = 1e-3;

const logError = (accuracy: number) => Math.log(Math.min(1, Math.max(MIN_ERROR, 1 - accuracy)));

function usable(points: readonly CurvePointAt[]): CurvePointAt[] {
  return points.filter((p) => p.resource > 0 && Number.isFinite(p.resource) && Number.isFinite(p.accuracy));
}

export function fitSharedPowerLaw(curves: readonly (readonly CurvePointAt[])[], maxExponent = 2): PowerLawFit {
  // 1. Pooled within-curve slope of log error on log resource: Σ(x-x̄_i)(y-ȳ_i) / Σ(x-x̄_i)².
  let sxy = 0;
  let sxx = 0;
  let curvesWithSlope = 0;
  const clean = curves.map(usable);
  for (const points of clean) {
    const xs = points.map((p) => Math.log(p.resource));
    const ys = points.map((p) => logError(p.accuracy));
    const xMean = xs.reduce((s, v) => s + v, 0) / (xs.length || 1);
    const yMean = ys.reduce((s, v) => s + v, 0) / (ys.length || 1);
    const spread = xs.reduce((s, x) => s + (x - xMean) ** 2, 0);
    if (spread > 1e-12) curvesWithSlope++;
    sxx += spread;
    sxy += xs.reduce((s, x, k) => s + (x - xMean) * (ys[k] - yMean), 0);
  }
  // Error falls with resource, so the slope is -c.
  const exponent = sxx > 1e-12 ? Math.min(maxExponent, Math.max(0, -sxy / sxx)) : 0;
  // 2. Each curve's log b given c: the mean of log error + c log r over its points.
  const logScales = clean.map((points) =>
    points.length === 0
      ? null
      : points.reduce((s, p) => s + logError(p.accuracy) + exponent * Math.log(p.resource), 0) / points.length,
  );
  return { exponent, logScales, curvesWithSlope };
}

/** Predicted accuracy of curve i at `resource`; NaN for a curve without points. */
export function extrapolateAccuracy(fit: PowerLawFit, i: number, resource: number): number {
  const logScale = fit.logScales[i];
  if (logScale === null || logScale === undefined) return NaN;
  return 1 - Math.exp(logScale - fit.exponent * Math.log(resource));
}
