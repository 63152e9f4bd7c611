// The state of a many-study replay started from a button: its progress (for the bar and its ETA),
// its result, or why it failed. A replay whose panel is gone stops at its next slice.
import { useEffect, useRef, useState } from 'react';

export interface JobProgress {
  done: number;
  total: number;
  startedAt: number;
}

export type ReplayJob<T> = (
  onProgress: (done: number, total: number) => void,
  cancelled: () => boolean,
) => Promise<T | null>;

export function useReplayJob<T>() {
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [result, setResult] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const gone = useRef(false);
  // Set on every mount: StrictMode mounts, unmounts and mounts again in development.
  useEffect(() => {
    gone.current = false;
    return () => {
      gone.current = true;
    };
  }, []);
  const run = (job: ReplayJob<T>, failure: string) => {
    const startedAt = Date.now();
    setResult(null);
    setError(null);
    setProgress({ done: 0, total: 1, startedAt });
    job(
      (done, total) => setProgress({ done, total, startedAt }),
      () => gone.current,
    ).then(
      (r) => {
        if (gone.current) return;
        setProgress(null);
        setResult(r);
      },
      (e: unknown) => {
        if (gone.current) return;
        setProgress(null);
        setError(`${failure}: ${e instanceof Error ? e.message : String(e)}`);
      },
    );
  };
  return { progress, result, error, run };
}
