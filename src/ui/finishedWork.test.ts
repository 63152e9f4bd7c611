import { describe, expect, it } from 'vitest';
import { initialAudit, type LabState } from '../store/labStore';
import { initialLandscape } from '../store/landscapeState';
import { finishedBetween, finishedTitle } from './finishedWork';

type Watched = Parameters<typeof finishedBetween>[0];
const idle: Watched = { busy: 'idle', study: null, studyError: null, landscape: initialLandscape, audit: initialAudit };
const withPhase = (phase: 'running' | 'finished' | 'stopped') => ({ phase }) as unknown as LabState['study'];

describe('finishedBetween', () => {
  it('sees a study end, finished, stopped or failed', () => {
    const running: Watched = { ...idle, busy: 'running', study: withPhase('running') };
    expect(finishedBetween(running, { ...idle, study: withPhase('finished') })).toEqual([
      { what: 'study', outcome: 'finished' },
    ]);
    expect(finishedBetween(running, { ...idle, study: withPhase('stopped') })).toEqual([
      { what: 'study', outcome: 'stopped' },
    ]);
    expect(finishedBetween({ ...idle, busy: 'starting' }, { ...idle, studyError: 'WORKER_CRASHED: boom' })).toEqual([
      { what: 'study', outcome: 'failed' },
    ]);
    expect(finishedBetween(running, { ...running, study: withPhase('running') })).toEqual([]); // still running
    expect(finishedBetween(idle, idle)).toEqual([]);
  });

  it('sees a slice and an audit end', () => {
    const slicing = { ...idle, landscape: { ...initialLandscape, status: 'computing' as const } };
    expect(finishedBetween(slicing, { ...idle, landscape: { ...initialLandscape, status: 'done' } })).toEqual([
      { what: 'slice', outcome: 'finished' },
    ]);
    expect(finishedBetween(slicing, { ...idle, landscape: { ...initialLandscape, status: 'error' } })).toEqual([
      { what: 'slice', outcome: 'failed' },
    ]);
    expect(finishedBetween(slicing, { ...idle, landscape: { ...initialLandscape, status: 'cancelled' } })).toEqual([
      { what: 'slice', outcome: 'stopped' },
    ]);
    const auditing = { ...idle, audit: { ...initialAudit, running: true } };
    expect(finishedBetween(auditing, { ...idle, audit: { ...initialAudit, report: {} as never } })).toEqual([
      { what: 'audit', outcome: 'finished' },
    ]);
    expect(
      finishedBetween(auditing, {
        ...idle,
        audit: { ...initialAudit, error: 'Audit stopped after 1 of 4 full-fidelity runs.' },
      }),
    ).toEqual([{ what: 'audit', outcome: 'stopped' }]);
    expect(finishedBetween(auditing, { ...idle, audit: { ...initialAudit, error: 'The audit failed: x' } })).toEqual([
      { what: 'audit', outcome: 'failed' },
    ]);
  });
});

describe('finishedTitle', () => {
  const base = 'Loss Landscape Probe';
  it('names what ended, latest first', () => {
    expect(finishedTitle([], base)).toBe(base);
    expect(finishedTitle([{ what: 'study', outcome: 'finished' }], base)).toBe(
      '✓ Study finished · Loss Landscape Probe',
    );
    expect(
      finishedTitle(
        [
          { what: 'study', outcome: 'finished' },
          { what: 'slice', outcome: 'finished' },
        ],
        base,
      ),
    ).toBe('✓ Slice finished, study finished · Loss Landscape Probe');
    expect(finishedTitle([{ what: 'study', outcome: 'stopped' }], base)).toBe('✓ Study stopped · Loss Landscape Probe');
    expect(
      finishedTitle(
        [
          { what: 'audit', outcome: 'failed' },
          { what: 'slice', outcome: 'finished' },
        ],
        base,
      ),
    ).toBe('⚠ Slice finished, audit failed · Loss Landscape Probe');
  });
});
