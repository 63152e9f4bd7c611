// Tests for hyperband.ts: Table 1 of Li et al. (2018) and a brute-force oracle that finds s_max by
// repeated multiplication and n by counting up, over many (eta, r_min, R).
import { describe, expect, it } from 'vitest';
import { bracketCost, hyperbandBrackets, hyperbandMaxBracket } from './hyperband';
import { MAX_CONFIGURATIONS } from './planLimits';

function oracleBrackets(eta: number, minResource: number, maxResource: number) {
  let sMax = 0;
  while (minResource * eta ** (sMax + 1) <= maxResource * (1 + 1e-9)) sMax++;
  const brackets: { bracket: number; numConfigs: number; rungs: [number, number][] }[] = [];
  for (let s = sMax; s >= 0; s--) {
    const target = (sMax + 1) * eta ** s; // n (s + 1) >= (s_max + 1) eta^s
    let n = 1;
    while (n * (s + 1) < target * (1 - 1e-12)) n++;
    const rungs: [number, number][] = [];
    for (let i = 0; i <= s; i++) rungs.push([Math.floor(n / eta ** i + 1e-9), maxResource / eta ** (s - i)]);
    brackets.push({ bracket: s, numConfigs: n, rungs });
  }
  return brackets;
}

describe('hyperbandBrackets', () => {
  it('reproduces Table 1 of Li et al. (2018): R = 81, eta = 3', () => {
    const brackets = hyperbandBrackets({ reductionFactor: 3, minResource: 1, maxResource: 81 });
    expect(brackets.map((b) => [b.bracket, b.rungs.map((r) => [r.numTrials, r.resource])])).toEqual([
      [
        4,
        [
          [81, 1],
          [27, 3],
          [9, 9],
          [3, 27],
          [1, 81],
        ],
      ],
      [
        3,
        [
          [34, 3],
          [11, 9],
          [3, 27],
          [1, 81],
        ],
      ],
      [
        2,
        [
          [15, 9],
          [5, 27],
          [1, 81],
        ],
      ],
      [
        1,
        [
          [8, 27],
          [2, 81],
        ],
      ],
      [0, [[5, 81]]],
    ]);
    expect(brackets.map((b) => b.numConfigs)).toEqual([81, 34, 15, 8, 5]);
    // The same table with resources as data fractions of R.
    const fractions = hyperbandBrackets({ reductionFactor: 3, minResource: 1 / 81, maxResource: 1 });
    fractions.forEach((b, i) =>
      b.rungs.forEach((r, j) => expect(r.resource * 81).toBeCloseTo(brackets[i].rungs[j].resource, 9)),
    );
    expect(fractions.map((b) => b.rungs.map((r) => r.numTrials))).toEqual(
      brackets.map((b) => b.rungs.map((r) => r.numTrials)),
    );
  });

  it('matches the brute-force oracle over many (eta, r_min, R)', () => {
    let checked = 0;
    let capped = 0;
    for (const eta of [2, 3, 4, 5, 1.5, 2.5]) {
      for (const minResource of [1, 0.1, 1 / 27, 1 / 81, 0.3, 1 / 7, 0.5]) {
        for (const maxResource of [1, 0.5, 81, 100]) {
          if (minResource > maxResource) continue;
          const settings = { reductionFactor: eta, minResource, maxResource };
          const oracle = oracleBrackets(eta, minResource, maxResource);
          expect(hyperbandMaxBracket(settings)).toBe(oracle[0].bracket);
          const total = oracle.reduce((n, b) => n + b.numConfigs, 0);
          if (total > MAX_CONFIGURATIONS) {
            expect(() => hyperbandBrackets(settings)).toThrow(
              `at most ${MAX_CONFIGURATIONS} configurations, but minResource ${minResource} with reductionFactor ${eta} gives ${total} over`,
            );
            capped++;
            continue;
          }
          const brackets = hyperbandBrackets(settings);
          expect(brackets.map((b) => [b.bracket, b.numConfigs])).toEqual(oracle.map((b) => [b.bracket, b.numConfigs]));
          brackets.forEach((b, i) => {
            expect(b.rungs.map((r) => r.numTrials)).toEqual(oracle[i].rungs.map(([n]) => n));
            b.rungs.forEach((r, j) => expect(r.resource / oracle[i].rungs[j][1]).toBeCloseTo(1, 9));
            expect(b.rungs[b.rungs.length - 1].resource).toBe(maxResource);
            expect(b.rungs[0].resource).toBeGreaterThanOrEqual(minResource * (1 - 1e-9));
            // Each bracket spends about B = (s_max + 1) R: at most B plus one trial per rung on r_0.
            const budget = (oracle[0].bracket + 1) * maxResource;
            expect(bracketCost(b)).toBeLessThanOrEqual(budget + (b.bracket + 1) * b.rungs[0].resource + 1e-9);
          });
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(capped).toBeGreaterThan(0);
  });

  it('caps rungs and configurations before planning, naming minResource (links with 1e-320 froze the page)', () => {
    for (const minResource of [5e-324, 1e-320, 1e-200, 1e-9]) {
      const t0 = performance.now();
      expect(() => hyperbandBrackets({ reductionFactor: 1.5, minResource, maxResource: 1 })).toThrow(
        /^Expected minResource to be at least .* rungs\), but got/,
      );
      expect(performance.now() - t0).toBeLessThan(50);
    }
    // 23 rungs are allowed, but 1.5^22 configurations in the first bracket are not.
    expect(() => hyperbandBrackets({ reductionFactor: 1.5, minResource: 1e-4, maxResource: 1 })).toThrow(
      /at most 1000 configurations, but minResource 0.0001 with reductionFactor 1.5 gives \d+ over 23 brackets/,
    );
  });

  it('is one bracket of plain random search when min equals max', () => {
    expect(hyperbandBrackets({ reductionFactor: 3, minResource: 1, maxResource: 1 })).toEqual([
      { bracket: 0, numConfigs: 1, rungs: [{ rung: 0, numTrials: 1, resource: 1 }] },
    ]);
  });

  it('rejects bad settings with precise messages', () => {
    const ok = { reductionFactor: 3, minResource: 1 / 9, maxResource: 1 };
    expect(() => hyperbandBrackets({ ...ok, reductionFactor: 1 })).toThrow(
      'reductionFactor to be a finite number > 1, but got 1',
    );
    expect(() => hyperbandBrackets({ ...ok, minResource: 0 })).toThrow(
      'minResource to be a finite number > 0, but got 0',
    );
    expect(() => hyperbandBrackets({ ...ok, maxResource: 0.01 })).toThrow(
      '>= minResource (0.1111111111111111), but got 0.01',
    );
  });
});
