// The page's one way to write a number: accuracies and fractions in [0, 1] as percentages, points,
// seconds. Missing or non-finite values read as a dash, never as "NaN%".

export const MISSING = '—';

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** A fraction in [0, 1] as a percentage: formatPercent(0.4712) = '47.1%'. */
export function formatPercent(v: number | null | undefined, digits = 1): string {
  return finite(v) ? `${(100 * v).toFixed(digits)}%` : MISSING;
}

/** A plain number with fixed digits, or the dash. */
export function formatNumber(v: number | null | undefined, digits = 1): string {
  return finite(v) ? v.toFixed(digits) : MISSING;
}

/** A difference with its sign: formatSigned(0.5) = '+0.50', formatSigned(-1) = '-1.00', formatSigned(0) = '0.00'. */
export function formatSigned(v: number | null | undefined, digits = 2): string {
  if (!finite(v)) return MISSING;
  return `${v > 0 ? '+' : ''}${v.toFixed(digits)}`;
}

/** Milliseconds as seconds: formatSeconds(1234) = '1.2 s'. */
export function formatSeconds(ms: number | null | undefined, digits = 1): string {
  return finite(ms) ? `${(ms / 1000).toFixed(digits)} s` : MISSING;
}

/** Bytes in binary units: formatBytes(3 * 2 ** 30) = '3.0 GiB', formatBytes(5e6) = '5 MiB'. */
export function formatBytes(bytes: number | null | undefined): string {
  if (!finite(bytes)) return MISSING;
  const GiB = 2 ** 30;
  return bytes >= GiB
    ? `${(bytes / GiB).toFixed(bytes >= 10 * GiB ? 0 : 1)} GiB`
    : `${Math.max(1, Math.round(bytes / 2 ** 20))} MiB`;
}
