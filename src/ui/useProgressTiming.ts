// Elapsed time and an ETA for a progress bar while its operation runs: the rate is measured from the
// first render that saw the operation running, so work done before (a resumed study, cached shards
// counted at once) does not flatter it. Re-renders every second so the clock moves between reports.
import { useEffect, useState } from 'react';
import { remainingMs } from '../core/eta';

export interface ProgressTiming {
  elapsedMs: number;
  remainingMs: number | null;
}

interface Baseline {
  key: string;
  at: number;
  done: number;
}

/** `startedAt` (ms since the epoch), when the store knows it, is where the elapsed time counts from. */
export function useProgressTiming(
  running: boolean,
  done: number,
  total: number,
  startedAt?: number | null,
): ProgressTiming | null {
  const [base, setBase] = useState<Baseline | null>(null);
  const [, setTick] = useState(0);
  const key = running ? String(startedAt ?? 'running') : null;
  // Adjusting state while rendering (React's documented pattern): a new run gets a new baseline.
  if (key !== null && base?.key !== key) setBase({ key, at: Date.now(), done });
  if (key === null && base !== null) setBase(null);

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [running]);

  if (key === null || base === null || base.key !== key) return null;
  const now = Date.now();
  return {
    elapsedMs: now - (startedAt ?? base.at),
    remainingMs: remainingMs({ elapsedMs: now - base.at, done: done - base.done, total: total - base.done }),
  };
}
