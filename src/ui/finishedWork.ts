// Which long operations ended between two store states (a study, a landscape slice, an audit), and
// the document title that says so while the tab is in the background.
import type { LabState } from '../store/labStore';

export interface FinishedWork {
  what: 'study' | 'slice' | 'audit';
  outcome: 'finished' | 'stopped' | 'failed';
}

type Watched = Pick<LabState, 'busy' | 'study' | 'studyError' | 'landscape' | 'audit'>;

/** The operations that were running in `prev` and are not in `next`, with how they ended. */
export function finishedBetween(prev: Watched, next: Watched): FinishedWork[] {
  const out: FinishedWork[] = [];
  if (prev.busy !== 'idle' && next.busy === 'idle') {
    out.push({
      what: 'study',
      outcome: next.studyError ? 'failed' : next.study?.phase === 'finished' ? 'finished' : 'stopped',
    });
  }
  if (prev.landscape.status === 'computing' && next.landscape.status !== 'computing') {
    const s = next.landscape.status;
    out.push({ what: 'slice', outcome: s === 'done' ? 'finished' : s === 'error' ? 'failed' : 'stopped' });
  }
  if (prev.audit.running && !next.audit.running) {
    out.push({
      what: 'audit',
      outcome: next.audit.report ? 'finished' : next.audit.error?.startsWith('Audit stopped') ? 'stopped' : 'failed',
    });
  }
  return out;
}

const NOUN = { study: 'Study', slice: 'Slice', audit: 'Audit' } as const;

/** "✓ Study finished · Loss Landscape Probe"; a failure anywhere gets "⚠"; the latest comes first. */
export function finishedTitle(finished: readonly FinishedWork[], base: string): string {
  if (finished.length === 0) return base;
  const latestFirst = [...finished].reverse();
  const mark = finished.some((f) => f.outcome === 'failed') ? '⚠' : '✓';
  const parts = latestFirst.map((f, i) => `${i === 0 ? NOUN[f.what] : NOUN[f.what].toLowerCase()} ${f.outcome}`);
  return `${mark} ${parts.join(', ')} · ${base}`;
}
