// The build clock against hand-made runs: lines kept across runs, `at` advanced by ticks, and the
// wall time the sum of each run's (at - run).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clockPathFor, readClock, startClock, wallMs } from './buildClock';

describe('build clock', () => {
  it('sits beside the table', () => {
    expect(clockPathFor('/x/cifar10.table.jsonl.gz')).toBe('/x/cifar10.table.clock.jsonl');
  });

  it('keeps earlier runs, advances its own line, and sums the runs', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'llp-clock-')), 't.clock.jsonl');
    let t = Date.parse('2026-12-01T00:00:00Z');
    const now = () => new Date(t);
    const first = startClock(path, 2, now, 3_600_000);
    t += 90 * 60_000;
    first.stop();
    t += 10 * 3_600_000; // the machine is off between sessions: not build time
    const second = startClock(path, 1, now, 3_600_000);
    t += 30 * 60_000;
    second.tick(); // a kill after this loses nothing but the last minute
    const runs = readClock(path);
    expect(runs).toHaveLength(2);
    expect(runs.map((r) => r.workers)).toEqual([2, 1]);
    expect(wallMs(runs)).toBe(120 * 60_000);
    second.stop();
  });

  it('reads no file as no runs', () => {
    expect(readClock(join(tmpdir(), 'llp-no-such.clock.jsonl'))).toEqual([]);
    expect(wallMs([])).toBe(0);
  });
});
