// The study's worker pool kept between studies (and for the audit and landscape jobs after them):
// it is restarted only when its key (backend and size) changes.
import type { TrainerPool } from './workerPool';

export interface KeptPool {
  /** The pool now kept; null before the first one starts. */
  current(): TrainerPool | null;
  /** The kept pool if its key matches; otherwise the old one is disposed and `create` starts another. */
  ensure(key: string, create: () => Promise<TrainerPool>): Promise<TrainerPool>;
}

export function keptPool(): KeptPool {
  let kept: { key: string; pool: TrainerPool } | null = null;
  return {
    current: () => kept?.pool ?? null,
    async ensure(key, create) {
      if (kept?.key === key) return kept.pool;
      kept?.pool.dispose();
      kept = null;
      const pool = await create();
      kept = { key, pool };
      return pool;
    },
  };
}
