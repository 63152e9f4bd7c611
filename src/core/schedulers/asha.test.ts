// Tests for asha.ts: every job on random event sequences (fast-check) against a brute-force model
// of Algorithm 2's promotion rule that counts better results instead of sorting.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ashaFinished, ashaNextJob, ashaReport, initAsha, type AshaJob, type AshaState } from './asha';

interface Model {
  results: Map<number, number | null>[];
  promoted: Set<number>[];
  running: { trialId: number; rung: number }[];
  next: number;
}

/** a beats b: a valid score above b's, or equal with the lower trialId; a failed result beats none. */
function beats(a: [number, number | null], b: [number, number | null]): boolean {
  if (a[1] === null) return false;
  if (b[1] === null) return true;
  return a[1] > b[1] || (a[1] === b[1] && a[0] < b[0]);
}

/** Algorithm 2 by brute force: in the highest rung with a candidate, the candidate fewest results beat. */
function expectedJob(
  m: Model,
  eta: number,
  maxTrials: number | null,
): { kind: string; trialId?: number; rung?: number } {
  for (let k = m.results.length - 2; k >= 0; k--) {
    const entries = [...m.results[k].entries()];
    const quota = Math.floor(entries.length / eta);
    const candidates = entries
      .map((e) => ({ e, better: entries.filter((o) => beats(o, e)).length }))
      .filter(({ e, better }) => e[1] !== null && better < quota && !m.promoted[k].has(e[0]));
    if (candidates.length > 0) {
      const best = candidates.reduce((a, b) => (b.better < a.better ? b : a));
      return { kind: 'promote', trialId: best.e[0], rung: k + 1 };
    }
  }
  if (maxTrials !== null && m.next >= maxTrials) return { kind: 'none' };
  return { kind: 'new', trialId: m.next, rung: 0 };
}

const command = fc.oneof(
  { arbitrary: fc.constant({ t: 'next' as const }), weight: 2 },
  {
    arbitrary: fc.record({
      t: fc.constant('report' as const),
      pick: fc.nat(),
      // Few distinct values force ties; null is a diverged trial.
      score: fc.oneof(
        fc.constant(null),
        fc.constant(Number.NaN),
        fc.integer({ min: 0, max: 4 }).map((x) => x / 4),
      ),
    }),
    weight: 3,
  },
);

describe('ASHA', () => {
  it('follows the brute-force promotion rule on random event sequences', () => {
    let promotions = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(2, 3, 4, 2.5),
        fc.constantFrom(1 / 27, 1 / 9, 0.25, 1),
        fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 30 })),
        fc.array(command, { minLength: 20, maxLength: 150, size: 'max' }),
        (eta, minResource, maxTrials, commands) => {
          let state: AshaState = initAsha({ reductionFactor: eta, minResource, maxResource: 1, maxTrials });
          const numRungs = state.rungs.length;
          const m: Model = {
            results: Array.from({ length: numRungs }, () => new Map()),
            promoted: Array.from({ length: numRungs }, () => new Set()),
            running: [],
            next: 0,
          };
          const startedAt = new Map<number, number[]>(); // trialId -> rungs it ran at
          for (const c of commands) {
            if (c.t === 'next') {
              const expected = expectedJob(m, eta, maxTrials);
              let job: AshaJob;
              ({ state, job } = ashaNextJob(state));
              expect(job.kind).toBe(expected.kind);
              if (job.kind === 'none') continue;
              expect([job.trialId, job.rung]).toEqual([expected.trialId, expected.rung]);
              expect(job.resource).toBe(state.rungs[job.rung].resource);
              if (job.kind === 'promote') {
                const from = m.results[job.rung - 1].get(job.trialId);
                expect(from === null || from === undefined).toBe(false); // never a failed trial
                m.promoted[job.rung - 1].add(job.trialId);
                promotions++;
              } else m.next++;
              const rungs = startedAt.get(job.trialId) ?? [];
              expect(rungs).not.toContain(job.rung); // never the same trial twice at a rung
              startedAt.set(job.trialId, [...rungs, job.rung]);
              m.running.push({ trialId: job.trialId, rung: job.rung });
            } else if (m.running.length > 0) {
              const [j] = m.running.splice(c.pick % m.running.length, 1);
              state = ashaReport(state, j.trialId, j.rung, c.score);
              m.results[j.rung].set(j.trialId, Number.isNaN(c.score) ? null : c.score);
            }
          }
          state.rungs.forEach((r, k) => {
            expect(new Set(r.promoted).size).toBe(r.promoted.length);
            expect(r.results.length).toBe(m.results[k].size);
          });
          expect(ashaFinished(state)).toBe(m.running.length === 0 && expectedJob(m, eta, maxTrials).kind === 'none');
        },
      ),
      { numRuns: 300, seed: 20200 },
    );
    expect(promotions).toBeGreaterThan(1000); // the sequences do exercise promotion
  });

  it('promotes the top 1/eta of a rung once its results arrive (eta = 3, 9 trials)', () => {
    let state = initAsha({ reductionFactor: 3, minResource: 1 / 9, maxResource: 1 });
    expect(state.rungs.map((r) => r.resource)).toEqual([1 / 9, 1 / 3, 1]);
    for (let i = 0; i < 9; i++) ({ state } = ashaNextJob(state));
    const scores = [0.5, 0.1, 0.9, null, 0.3, 0.8, 0.2, 0.7, 0.6];
    scores.slice(0, 2).forEach((s, i) => (state = ashaReport(state, i, 0, s)));
    expect(ashaNextJob(state).job).toMatchObject({ kind: 'new', trialId: 9 }); // floor(2/3) = 0 promotable
    state = ashaReport(state, 2, 0, scores[2]);
    let job: AshaJob;
    ({ state, job } = ashaNextJob(state));
    expect(job).toEqual({ kind: 'promote', trialId: 2, rung: 1, resource: 1 / 3 });
    expect(ashaNextJob(state).job.kind).toBe('new'); // trial 2 is not promoted twice
    expect(() => ashaReport(state, 1, 0, 0.4)).toThrow('Expected trial 1 to be running at rung 0, but it is not');
  });

  it('stops handing out new trials at maxTrials', () => {
    let state = initAsha({ reductionFactor: 2, minResource: 0.5, maxResource: 1, maxTrials: 2 });
    ({ state } = ashaNextJob(state));
    ({ state } = ashaNextJob(state));
    expect(ashaNextJob(state).job).toEqual({ kind: 'none' });
    expect(ashaFinished(state)).toBe(false);
    state = ashaReport(state, 0, 0, null);
    state = ashaReport(state, 1, 0, null);
    expect(ashaFinished(state)).toBe(true); // both diverged: nothing to promote
    expect(() => initAsha({ reductionFactor: 2, minResource: 0.5, maxResource: 1, maxTrials: -1 })).toThrow(
      'maxTrials to be a non-negative integer or null, but got -1',
    );
  });
});
