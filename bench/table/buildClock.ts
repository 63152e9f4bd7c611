// The build's wall-clock time, which the rows' own durations cannot give (two workers overlap, and a
// session's kill leaves rows in flight). One JSON line per builder run beside the table: when it
// started and when it was last seen working, rewritten every minute, so a killed run still counts
// up to its last minute. Committed with the table.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface ClockRun {
  /** ISO time the run started. */
  run: string;
  /** ISO time the run was last seen working. */
  at: string;
  workers: number;
  /** Where a line was not written by the builder itself (runs before this clock existed). */
  note?: string;
}

export const clockPathFor = (tablePath: string) => `${tablePath.replace(/\.jsonl\.gz$/, '')}.clock.jsonl`;

export function readClock(path: string): ClockRun[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as ClockRun);
}

const writeClock = (path: string, runs: readonly ClockRun[]) =>
  writeFileSync(path, runs.map((r) => JSON.stringify(r)).join('\n') + '\n');

/** Adds this run's line and keeps its `at` current until stop(); the timer never holds the process open. */
export function startClock(
  path: string,
  workers: number,
  now: () => Date = () => new Date(),
  everyMs = 60_000,
): { tick(): void; stop(): void } {
  const earlier = readClock(path);
  const mine: ClockRun = { run: now().toISOString(), at: now().toISOString(), workers };
  const tick = () => {
    mine.at = now().toISOString();
    writeClock(path, [...earlier, mine]);
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    tick,
    stop: () => {
      clearInterval(timer);
      tick();
    },
  };
}

/** Total wall-clock milliseconds over the runs. */
export const wallMs = (runs: readonly ClockRun[]): number =>
  runs.reduce((sum, r) => sum + Math.max(0, Date.parse(r.at) - Date.parse(r.run)), 0);
