// Scales and tick marks for the hand-written SVG charts: linear and log10 maps from a data domain to
// pixels, with "nice" ticks at 1, 2 and 5 times a power of ten (Heckbert, "Nice numbers for graph
// labels", Graphics Gems 1990). Pure; the charts only draw.

export interface Scale {
  (value: number): number;
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
  readonly log: boolean;
  ticks(count?: number): number[];
}

/** Finite [lo, hi] with lo < hi: a degenerate domain is widened around its value. */
export function paddedDomain(
  values: Iterable<number>,
  options: { log?: boolean; pad?: number } = {},
): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v) || (options.log && !(v > 0))) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) return options.log ? [0.1, 1] : [0, 1];
  if (options.log) {
    if (lo === hi) return [lo / 2, hi * 2];
    const f = (hi / lo) ** (options.pad ?? 0);
    return [lo / f, hi * f];
  }
  if (lo === hi) return [lo - (Math.abs(lo) || 1) * 0.5, hi + (Math.abs(hi) || 1) * 0.5];
  const p = (hi - lo) * (options.pad ?? 0);
  return [lo - p, hi + p];
}

/** The nice step for about `count` intervals over [lo, hi]. */
export function niceStep(lo: number, hi: number, count: number): number {
  const raw = Math.abs(hi - lo) / Math.max(1, count);
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * power;
}

/** Multiples of the nice step inside [lo, hi], rounded to the step's precision. */
export function linearTicks(lo: number, hi: number, count = 5): number[] {
  const step = niceStep(lo, hi, count);
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9; t += step)
    ticks.push(Number(t.toFixed(digits)));
  return ticks;
}

/** Powers of ten inside [lo, hi]; with fewer than three, 1-2-5 multiples; with still fewer, linear ticks. */
export function logTicks(lo: number, hi: number, count = 5): number[] {
  const from = Math.floor(Math.log10(lo));
  const to = Math.ceil(Math.log10(hi));
  const inside = (t: number) => t >= lo * (1 - 1e-9) && t <= hi * (1 + 1e-9);
  const powers: number[] = [];
  for (let e = from; e <= to; e++) powers.push(10 ** e);
  let ticks = powers.filter(inside);
  if (ticks.length < 3) ticks = powers.flatMap((p) => [p, 2 * p, 5 * p]).filter(inside);
  if (ticks.length < 2) return linearTicks(lo, hi, count);
  const stride = Math.ceil(ticks.length / Math.max(2, count + 2));
  return ticks.filter((_, i) => i % stride === 0).map((t) => Number(t.toPrecision(6)));
}

export function linearScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  const f = (v: number) => r0 + (v - d0) * k;
  return Object.assign(f, {
    domain,
    range,
    log: false,
    ticks: (count = 5) => linearTicks(Math.min(d0, d1), Math.max(d0, d1), count),
  });
}

/** log10 scale; values at or below zero map to the range's start. */
export function logScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain;
  if (!(d0 > 0 && d1 > 0)) throw new Error(`Expected a positive domain for a log scale, but got [${d0}, ${d1}]`);
  const [r0, r1] = range;
  const l0 = Math.log10(d0);
  const k = d1 === d0 ? 0 : (r1 - r0) / (Math.log10(d1) - l0);
  const f = (v: number) => (v > 0 ? r0 + (Math.log10(v) - l0) * k : r0);
  return Object.assign(f, {
    domain,
    range,
    log: true,
    ticks: (count = 5) => logTicks(Math.min(d0, d1), Math.max(d0, d1), count),
  });
}

/** Short tick labels: 0.001 -> "1e-3", 0.25 -> "0.25", 1500 -> "1.5k". */
export function formatTick(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 1e-2 || a >= 1e6) {
    const [m, e] = v.toExponential().split('e');
    const mantissa = Number(Number(m).toPrecision(2));
    return `${mantissa}e${Number(e)}`;
  }
  if (a >= 1000) return `${Number((v / 1000).toPrecision(3))}k`;
  return String(Number(v.toPrecision(3)));
}
