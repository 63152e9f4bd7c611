// The log-gamma function for positive arguments, by the Lanczos approximation (g = 7, 9 terms;
// Lanczos 1964, coefficients as in Press et al., Numerical Recipes). Used by the Beta
// distribution and the quadratic law's closed-form tuning curve.

const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LN_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0; relative error about 1e-15. */
export function lnGamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) throw new Error(`Expected x to be a positive finite number, but got ${x}`);
  // The series is accurate for x >= 0.5; below, the reflection formula keeps it so.
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let series = LANCZOS_COEFFICIENTS[0];
  for (let i = 1; i < LANCZOS_COEFFICIENTS.length; i++) series += LANCZOS_COEFFICIENTS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LN_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(series);
}
