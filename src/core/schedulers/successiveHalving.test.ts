// Tests for successiveHalving.ts: plans against a loop oracle and the published Hyperband table
// (Li et al. 2018, Table 1, R=81, eta=3); ranking against brute force over all permutations.
import { describe, expect, it } from 'vitest';
import { createRng, shuffleInPlace } from '../rng';
import { computeFraction, planSuccessiveHalving, promote, rankTrials, type RankedTrial } from './successiveHalving';
import { MAX_RUNGS } from './planLimits';
import { initAsha } from './asha';

/** Written differently on purpose: multiply the resource and integer-divide the count each rung. */
function oraclePlan(n: number, eta: number, minResource: number, maxResource: number) {
  const rungs: { rung: number; numTrials: number; resource: number }[] = [];
  let resource = minResource;
  let count = n;
  while (resource <= maxResource * (1 + 1e-9)) {
    rungs.push({ rung: rungs.length, numTrials: Math.max(1, count), resource });
    resource *= eta;
    count = Math.floor(count / eta); // floor(floor(n/a)/b) = floor(n/(ab)) for integers
  }
  rungs[rungs.length - 1].resource = maxResource;
  return rungs;
}

describe('planSuccessiveHalving', () => {
  it('matches the loop oracle over a grid of settings', () => {
    let checked = 0;
    for (let n = 1; n <= 100; n++) {
      for (const eta of [2, 3, 4]) {
        for (const minResource of [1 / 27, 1 / 9, 1 / 4, 0.1, 1 / 3]) {
          for (const maxResource of [1, 0.5]) {
            const plan = planSuccessiveHalving({ numConfigs: n, reductionFactor: eta, minResource, maxResource });
            const oracle = oraclePlan(n, eta, minResource, maxResource);
            expect(plan.map((r) => [r.rung, r.numTrials])).toEqual(oracle.map((r) => [r.rung, r.numTrials]));
            plan.forEach((r, i) => expect(r.resource).toBeCloseTo(oracle[i].resource, 12));
            expect(plan[plan.length - 1].resource).toBe(maxResource);
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(3000);
  });

  it('gives the hand-known plans', () => {
    const plan = planSuccessiveHalving({ numConfigs: 27, reductionFactor: 3, minResource: 1 / 9, maxResource: 1 });
    expect(plan.map((r) => r.numTrials)).toEqual([27, 9, 3]);
    expect(plan.map((r) => r.resource)).toEqual([1 / 9, 1 / 3, 1]);
    expect(computeFraction(plan, 27, 1)).toBeCloseTo(1 / 3, 12); // (3 + 3 + 3) / 27

    // Li et al. (2018) Table 1: the five Hyperband brackets for R = 81, eta = 3.
    const table: [number, number, [number, number][]][] = [
      [
        81,
        1,
        [
          [81, 1],
          [27, 3],
          [9, 9],
          [3, 27],
          [1, 81],
        ],
      ],
      [
        34,
        3,
        [
          [34, 3],
          [11, 9],
          [3, 27],
          [1, 81],
        ],
      ],
      [
        15,
        9,
        [
          [15, 9],
          [5, 27],
          [1, 81],
        ],
      ],
      [
        8,
        27,
        [
          [8, 27],
          [2, 81],
        ],
      ],
      [5, 81, [[5, 81]]],
    ];
    for (const [numConfigs, minResource, rungs] of table) {
      const p = planSuccessiveHalving({ numConfigs, reductionFactor: 3, minResource, maxResource: 81 });
      expect(p.map((r) => [r.numTrials, r.resource])).toEqual(rungs);
    }

    // min 0.1 does not land on max: the last rung is still the full budget.
    const p = planSuccessiveHalving({ numConfigs: 9, reductionFactor: 3, minResource: 0.1, maxResource: 1 });
    expect(p.map((r) => [r.numTrials, r.resource])).toEqual([
      [9, 0.1],
      [3, 0.30000000000000004],
      [1, 1],
    ]);
    // min == max is plain random search on the full budget.
    expect(planSuccessiveHalving({ numConfigs: 5, reductionFactor: 2, minResource: 1, maxResource: 1 })).toEqual([
      { rung: 0, numTrials: 5, resource: 1 },
    ]);
    // A non-integer reductionFactor is allowed.
    expect(
      planSuccessiveHalving({ numConfigs: 10, reductionFactor: 1.5, minResource: 4 / 9, maxResource: 1 }).map(
        (r) => r.numTrials,
      ),
    ).toEqual([10, 6, 4]);
  });

  it('rejects bad settings with precise messages', () => {
    const ok = { numConfigs: 27, reductionFactor: 3, minResource: 1 / 9, maxResource: 1 };
    expect(() => planSuccessiveHalving({ ...ok, numConfigs: 0 })).toThrow(
      'numConfigs to be an integer >= 1, but got 0',
    );
    expect(() => planSuccessiveHalving({ ...ok, numConfigs: 2.5 })).toThrow('but got 2.5');
    expect(() => planSuccessiveHalving({ ...ok, reductionFactor: 1 })).toThrow(
      'reductionFactor to be a finite number > 1, but got 1',
    );
    expect(() => planSuccessiveHalving({ ...ok, minResource: 0 })).toThrow(
      'minResource to be a finite number > 0, but got 0',
    );
    expect(() => planSuccessiveHalving({ ...ok, minResource: 2 })).toThrow('>= minResource (2), but got 1');
    expect(() => computeFraction([], 0, 1)).toThrow(/> 0/);
  });

  it('refuses more than MAX_RUNGS rungs instead of looping (1 / 5e-324 overflows to Infinity)', () => {
    const ok = { numConfigs: 9, reductionFactor: 1.5, maxResource: 1 };
    // The oracle: the smallest minResource that still gives MAX_RUNGS rungs.
    const lowest = 1 / 1.5 ** (MAX_RUNGS - 1);
    expect(planSuccessiveHalving({ ...ok, minResource: lowest })).toHaveLength(MAX_RUNGS);
    expect(() => planSuccessiveHalving({ ...ok, minResource: lowest / 1.6 })).toThrow(
      `but got ${lowest / 1.6}, which gives ${MAX_RUNGS + 1} rungs`,
    );
    for (const minResource of [5e-324, 1e-310, 1e-320]) {
      expect(() => planSuccessiveHalving({ ...ok, minResource })).toThrow(
        `Expected minResource to be at least ${lowest.toPrecision(3)}`,
      );
      expect(() => initAsha({ ...ok, minResource })).toThrow('minResource');
    }
  });
});

/** Independent key: failed first-bit, then -score, then trialId, compared lexicographically. */
function keyOf(t: RankedTrial): [number, number, number] {
  const failed = t.score === null || Number.isNaN(t.score);
  return [failed ? 1 : 0, failed ? 0 : -(t.score as number), t.trialId];
}
function lexLess(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}
function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));
}

describe('rankTrials and promote', () => {
  const trials: RankedTrial[] = [
    { trialId: 4, score: 0.5 },
    { trialId: 1, score: null },
    { trialId: 2, score: 0.5 },
    { trialId: 7, score: Number.NaN },
    { trialId: 3, score: 0.9 },
    { trialId: 0, score: -1 },
  ];

  it('gives one order for every permutation, equal to the brute-force key order', () => {
    const expected = [3, 2, 4, 0, 1, 7];
    for (const perm of permutations(trials)) {
      const copy = [...perm];
      expect(rankTrials(perm).map((t) => t.trialId)).toEqual(expected);
      expect(perm).toEqual(copy); // input untouched
      expect(promote(perm, 3).map((t) => t.trialId)).toEqual([3, 2, 4]);
      expect(promote(perm, 10).map((t) => t.trialId)).toEqual([3, 2, 4, 0]); // nulls/NaN never
    }
  });

  it('agrees with the key oracle on random lists with ties and failures', () => {
    const rng = createRng(11);
    const scores = [null, Number.NaN, 0.1, 0.5, 0.5, 0.9, -Infinity];
    for (let round = 0; round < 300; round++) {
      const ids = shuffleInPlace(
        Array.from({ length: 12 }, (_, i) => i * 3),
        rng,
      ).slice(0, 1 + rng.nextInt(8));
      const list = ids.map((trialId) => ({ trialId, score: scores[rng.nextInt(scores.length)], tag: round }));
      const ranked = rankTrials(list);
      for (let i = 0; i < ranked.length; i++) {
        const better = list.filter((t) => lexLess(keyOf(t), keyOf(ranked[i]))).length;
        expect(better).toBe(i);
      }
      const k = rng.nextInt(list.length + 2);
      const promoted = promote(list, k);
      const valid = ranked.filter((t) => keyOf(t)[0] === 0);
      expect(promoted).toEqual(valid.slice(0, k));
      expect(promoted[0]?.tag ?? round).toBe(round); // extra fields survive (generic T)
    }
    expect(() => promote(trials, -1)).toThrow('non-negative integer, but got -1');
  });
});
