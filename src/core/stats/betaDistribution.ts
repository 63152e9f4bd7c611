// The Beta(a, b) distribution's CDF (the regularized incomplete beta I_x(a, b), by Lentz's continued
// fraction as in Press et al., Numerical Recipes §6.4) and its quantile function (safeguarded
// Newton). The i-th of n sorted uniforms is Beta(i, n + 1 - i): the basis of Learned-Miller–DeStefano bands.
import { lnGamma } from './lnGamma';

const TINY = 1e-300;
const CF_EPSILON = 1e-15;

function checkShape(a: number, b: number): void {
  if (!(a > 0) || !(b > 0) || !Number.isFinite(a) || !Number.isFinite(b)) {
    throw new Error(`Expected Beta shapes a, b to be positive finite numbers, but got a=${a}, b=${b}`);
  }
}

/** Continued fraction for I_x(a, b), modified Lentz; converges fast for x < (a + 1) / (a + b + 2). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const maxIterations = 10_000 + 10 * Math.ceil(Math.sqrt(Math.max(a, b)));
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= maxIterations; m++) {
    const m2 = 2 * m;
    // Even step of the recurrence.
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    // Odd step.
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < CF_EPSILON) return h;
  }
  throw new Error(`Incomplete beta continued fraction did not converge for x=${x}, a=${a}, b=${b}`);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) - ln Γ(a + b). */
export function lnBeta(a: number, b: number): number {
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

/** The regularized incomplete beta I_x(a, b) = P(X <= x) for X ~ Beta(a, b). */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  checkShape(a, b);
  if (Number.isNaN(x)) throw new Error('Expected x to be a number, but got NaN');
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lnFront = a * Math.log(x) + b * Math.log1p(-x) - lnBeta(a, b);
  // Use the fraction where it converges fast and the symmetry I_x(a, b) = 1 - I_{1-x}(b, a) elsewhere.
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(lnFront) * betaContinuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(lnFront) * betaContinuedFraction(1 - x, b, a)) / b;
}

/** Beta(a, b) density. */
export function betaDensity(x: number, a: number, b: number): number {
  checkShape(a, b);
  if (x < 0 || x > 1) return 0;
  if ((x === 0 && a < 1) || (x === 1 && b < 1)) return Infinity;
  if ((x === 0 && a > 1) || (x === 1 && b > 1)) return 0;
  return Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lnBeta(a, b));
}

/**
 * The Beta(a, b) quantile: the x in [0, 1] with I_x(a, b) = p. Newton steps kept inside a bisection
 * bracket, so it always converges; accurate to about 1e-14 in x.
 */
export function betaQuantile(p: number, a: number, b: number): number {
  checkShape(a, b);
  if (!(p >= 0 && p <= 1)) throw new Error(`Expected p to be in [0, 1], but got ${p}`);
  if (p === 0) return 0;
  if (p === 1) return 1;
  const lnB = lnBeta(a, b);
  let lo = 0;
  let hi = 1;
  // Start from the tail expansions I_x ≈ x^a / (a B) and 1 - I_x ≈ (1-x)^b / (b B) when they apply,
  // so extreme quantiles do not need dozens of bisections; otherwise from the mean.
  const lowerGuess = Math.exp((Math.log(p) + Math.log(a) + lnB) / a);
  const upperGuess = 1 - Math.exp((Math.log1p(-p) + Math.log(b) + lnB) / b);
  const mean = a / (a + b);
  let x = lowerGuess < 0.5 * mean ? lowerGuess : upperGuess > mean + 0.5 * (1 - mean) ? upperGuess : mean;
  for (let iteration = 0; iteration < 400; iteration++) {
    const f = regularizedIncompleteBeta(x, a, b) - p;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    const density = Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lnB);
    let next = x - f / density;
    // Fall back to bisection when Newton leaves the bracket; geometric when the bracket spans
    // orders of magnitude, so tiny quantiles are reached in few steps.
    if (!(next > lo && next < hi)) next = lo > 0 && hi > 4 * lo ? Math.sqrt(lo * hi) : 0.5 * (lo + hi);
    if (Math.abs(next - x) <= 1e-15 * next || hi - lo <= 1e-15 * hi) return next;
    x = next;
  }
  return x;
}
