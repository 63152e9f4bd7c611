// Time left of a long operation (a study, a dataset download, an audit, a landscape slice) from its
// measured rate so far: a constant-rate extrapolation, withheld until enough work has been measured.

/** Work done and planned in one unit (image-epochs, bytes, grid rows), and the time spent on `done`. */
export interface MeasuredProgress {
  elapsedMs: number;
  done: number;
  total: number;
}

/**
 * Below these an estimate is mostly noise (worker start-up, the first compile and evaluation): on the
 * tiny study at 2% it read 2–6 min for a study that took under 2.
 */
export const ETA_MINIMUM = { fraction: 0.05, elapsedMs: 5000 } as const;

/**
 * elapsed × (total − done) / done, in ms; 0 once done reaches total; null while the measurement is
 * too short (under `minimum.fraction` of the work or `minimum.elapsedMs`) to say anything.
 */
export function remainingMs(
  p: MeasuredProgress,
  minimum: { fraction: number; elapsedMs: number } = ETA_MINIMUM,
): number | null {
  const { elapsedMs, done, total } = p;
  if (!(total > 0) || !(done > 0) || !(elapsedMs >= 0)) return null;
  if (done >= total) return 0;
  if (done / total < minimum.fraction || elapsedMs < minimum.elapsedMs) return null;
  return (elapsedMs * (total - done)) / done;
}

/** 42 s, 3 min 05 s, 1 h 02 min (nearest second; hours drop the seconds). */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (s < 3600) return `${Math.floor(s / 60)} min ${pad(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${pad(Math.floor((s % 3600) / 60))} min`;
}

/** The text beside a progress bar: "elapsed 1 min 05 s · ETA 42 s", or "ETA —" without an estimate. */
export function timingText(elapsedMs: number, remaining: number | null): string {
  return `elapsed ${formatDuration(elapsedMs)} · ETA ${remaining === null ? '—' : formatDuration(remaining)}`;
}
