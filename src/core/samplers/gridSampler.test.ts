// Tests for gridSampler.ts: counts and enumerations against a brute-force product over every
// axis (conditions applied afterwards, duplicates removed), float levels against closed forms.
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import {
  DEFAULT_FIXED,
  SEED001_SPACE,
  sampleRandomConfigs,
  type ParamName,
  type ParamSpec,
  type SearchSpace,
  type TrialConfig,
} from '../searchSpace/searchSpace';
import { axisSize, axisValue, chooseFloatLevels, countGrid, sampleGridConfigs } from './gridSampler';
import { sampleConfigs } from './index';

/** Every combination of every axis, inactive parameters then reset to fixed, deduplicated. */
function bruteForceGrid(space: SearchSpace, levels: number, fixed: Partial<TrialConfig> = {}): string[] {
  let rows: (string | number)[][] = [[]];
  for (const spec of space) {
    const axis = Array.from({ length: axisSize(spec, levels) }, (_, k) => axisValue(spec, k, levels));
    rows = rows.flatMap((row) => axis.map((v) => [...row, v]));
  }
  const base = { ...DEFAULT_FIXED, ...fixed } as Record<ParamName, string | number>;
  const keys = rows.map((row) => {
    const values = { ...base };
    space.forEach((spec, j) => {
      if (!spec.condition || values[spec.condition.param] === spec.condition.equals) values[spec.name] = row[j];
    });
    return JSON.stringify(space.map((s) => values[s.name]));
  });
  return [...new Set(keys)];
}

const keyOf = (space: SearchSpace, c: TrialConfig) => JSON.stringify(space.map((s) => c[s.name]));

const SMALL: SearchSpace = [
  { kind: 'int', name: 'channels', low: 32, high: 64, step: 16 },
  { kind: 'categorical', name: 'optimizer', choices: ['adam', 'sgd'] },
];

/** A random valid space: a random subset of parameters, some conditional on an earlier categorical. */
function randomSpace(seed: number): SearchSpace {
  const rng = createRng(seed);
  const names: ParamName[] = ['channels', 'dropout', 'learningRate', 'momentum', 'weightDecay', 'batchSize'];
  const space: ParamSpec[] = [
    { kind: 'categorical', name: 'optimizer', choices: rng.next() < 0.5 ? ['adam', 'sgd'] : ['sgd'] },
  ];
  for (const name of names) {
    if (rng.next() < 0.4) continue;
    const parents = space.filter((s): s is Extract<ParamSpec, { kind: 'categorical' }> => s.kind === 'categorical');
    const parent = rng.next() < 0.4 ? parents[rng.nextInt(parents.length)] : undefined;
    const condition = parent
      ? { param: parent.name, equals: parent.choices[rng.nextInt(parent.choices.length)] }
      : undefined;
    const r = rng.nextInt(3);
    const spec: ParamSpec =
      r === 0
        ? { kind: 'float', name, low: 0.01, high: 0.5, log: rng.next() < 0.5, condition }
        : r === 1
          ? { kind: 'int', name, low: 1, high: 2 + rng.nextInt(6), step: 1 + rng.nextInt(2), condition }
          : { kind: 'categorical', name, choices: [1, 2, 3].slice(0, 1 + rng.nextInt(3)), condition };
    space.push(spec);
  }
  return space;
}

describe('grid axes and counts', () => {
  it('spaces float levels evenly, log-evenly for log, with the midpoint for one level', () => {
    const lin: ParamSpec = { kind: 'float', name: 'dropout', low: 0.1, high: 0.3, log: false };
    const log: ParamSpec = { kind: 'float', name: 'learningRate', low: 1e-4, high: 1e-1, log: true };
    [0.1, 0.15, 0.2, 0.25, 0.3].forEach((v, k) => expect(axisValue(lin, k, 5)).toBeCloseTo(v, 15));
    expect(axisValue(lin, 4, 5)).toBe(0.3); // the ends are exact
    [1e-4, 1e-3, 1e-2, 1e-1].forEach((v, k) => expect(axisValue(log, k, 4)).toBeCloseTo(v, 15));
    expect(axisValue(lin, 0, 1)).toBeCloseTo(0.2, 15);
    expect(axisValue(log, 0, 1)).toBeCloseTo(Math.sqrt(1e-5), 15);
  });

  it('counts the conditional product like the brute-force enumeration', () => {
    expect(countGrid(SEED001_SPACE, 2)).toBe(bruteForceGrid(SEED001_SPACE, 2).length);
    expect(countGrid(SEED001_SPACE, 2)).toBe(3 * 2 * (2 * 2 + 2 * 2 * 2)); // channels x dropout x (adam | sgd + momentum)
    for (let seed = 0; seed < 60; seed++) {
      const space = randomSpace(seed);
      for (const levels of [1, 2, 3]) expect(countGrid(space, levels)).toBe(bruteForceGrid(space, levels).length);
    }
  });

  it('saturates at the cap, so several conditional parents cost at most cap branches', () => {
    for (let seed = 0; seed < 60; seed++) {
      const space = randomSpace(seed);
      const exact = bruteForceGrid(space, 2).length;
      for (const cap of [1, 3, 10, 1000]) expect(countGrid(space, 2, {}, cap)).toBe(Math.min(exact, cap));
    }
    // Four unconditional parents of 64 choices: 64^4 = 16.8 million branches counted exactly.
    const wide: SearchSpace = [
      { kind: 'categorical', name: 'channels', choices: Array.from({ length: 64 }, (_, i) => i + 1) },
      { kind: 'categorical', name: 'batchSize', choices: Array.from({ length: 64 }, (_, i) => i + 1) },
      { kind: 'categorical', name: 'epochs', choices: Array.from({ length: 64 }, (_, i) => i + 1) },
      { kind: 'categorical', name: 'warmupEpochs', choices: Array.from({ length: 64 }, (_, i) => i + 1) },
      { kind: 'float', name: 'dropout', low: 0, high: 0.5, log: false, condition: { param: 'channels', equals: 2 } },
      { kind: 'float', name: 'momentum', low: 0, high: 0.5, log: false, condition: { param: 'batchSize', equals: 2 } },
      { kind: 'float', name: 'weightDecay', low: 0, high: 0.5, log: false, condition: { param: 'epochs', equals: 2 } },
      {
        kind: 'float',
        name: 'labelSmoothing',
        low: 0,
        high: 0.5,
        log: false,
        condition: { param: 'warmupEpochs', equals: 2 },
      },
    ];
    const t0 = performance.now();
    expect(countGrid(wide, 1, {}, 1001)).toBe(1001);
    const configs = sampleGridConfigs(wide, 1000, createRng(3));
    expect(performance.now() - t0).toBeLessThan(500);
    expect(new Set(configs.map((c) => keyOf(wide, c))).size).toBe(1000);
  });

  it('chooses the fewest float levels that reach n', () => {
    for (let seed = 0; seed < 30; seed++) {
      const space = randomSpace(seed);
      if (!space.some((s) => s.kind === 'float')) continue;
      for (const n of [1, 5, 27, 100]) {
        const levels = chooseFloatLevels(space, n);
        expect(countGrid(space, levels)).toBeGreaterThanOrEqual(n);
        if (levels > 1) expect(countGrid(space, levels - 1)).toBeLessThan(n);
      }
    }
  });
});

describe('sampleGridConfigs', () => {
  it('enumerates the whole product in lexicographic order when it has n points', () => {
    const configs = sampleGridConfigs(SMALL, 6, createRng(1), { epochs: 3 });
    expect(configs.map((c) => [c.channels, c.optimizer])).toEqual([
      [32, 'adam'],
      [32, 'sgd'],
      [48, 'adam'],
      [48, 'sgd'],
      [64, 'adam'],
      [64, 'sgd'],
    ]);
    expect(configs.every((c) => c.epochs === 3 && c.dropout === DEFAULT_FIXED.dropout)).toBe(true);
    // A single float takes n evenly spaced values.
    const line = sampleGridConfigs(
      [{ kind: 'float', name: 'dropout', low: 0, high: 0.5, log: false }],
      6,
      createRng(1),
    );
    [0, 0.1, 0.2, 0.3, 0.4, 0.5].forEach((v, k) => expect(line[k].dropout).toBeCloseTo(v, 15));
  });

  it('repeats a finite grid from the start when n exceeds it', () => {
    const configs = sampleGridConfigs(SMALL, 10, createRng(1));
    expect(configs.slice(6).map((c) => keyOf(SMALL, c))).toEqual(configs.slice(0, 4).map((c) => keyOf(SMALL, c)));
    expect(sampleGridConfigs([], 3, createRng(1), { channels: 8 })).toEqual(
      [0, 1, 2].map(() => ({ ...DEFAULT_FIXED, channels: 8 })),
    );
    expect(sampleGridConfigs(SMALL, 0, createRng(1))).toEqual([]);
  });

  it('picks n distinct grid points, stratified on every axis, when the grid is larger', () => {
    const cube: SearchSpace = [
      { kind: 'int', name: 'channels', low: 1, high: 4, step: 1 },
      { kind: 'int', name: 'batchSize', low: 1, high: 4, step: 1 },
      { kind: 'int', name: 'epochs', low: 1, high: 4, step: 1 },
    ];
    for (let seed = 0; seed < 20; seed++) {
      const configs = sampleGridConfigs(cube, 16, createRng(seed));
      expect(new Set(configs.map((c) => keyOf(cube, c))).size).toBe(16);
      for (const name of ['channels', 'batchSize', 'epochs'] as const) {
        for (let v = 1; v <= 4; v++) expect(configs.filter((c) => c[name] === v).length).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('takes a seeded random n of a dense grid (size in (n, 2n]) in grid order, all distinct', () => {
    const cube: SearchSpace = [
      { kind: 'int', name: 'channels', low: 1, high: 4, step: 1 },
      { kind: 'int', name: 'batchSize', low: 1, high: 4, step: 1 },
    ];
    const all = bruteForceGrid(cube, 1);
    for (const n of [9, 12, 15]) {
      const keys = sampleGridConfigs(cube, n, createRng(n)).map((c) => keyOf(cube, c));
      expect(new Set(keys).size).toBe(n);
      expect([...keys].sort((a, b) => all.indexOf(a) - all.indexOf(b))).toEqual(keys);
    }
  });

  it('tells cells apart by index: a float between adjacent doubles still gives n configurations', () => {
    const space: SearchSpace = [
      { kind: 'int', name: 'channels', low: 1, high: 2, step: 1 },
      { kind: 'float', name: 'learningRate', low: 1e-8, high: 1.0000000000000002e-8, log: false },
    ];
    expect(sampleGridConfigs(space, 313, createRng(1))).toHaveLength(313);
    expect(sampleGridConfigs(space, 100, createRng(1))).toHaveLength(100);
  });

  it('returns n on-grid configurations for random spaces, distinct whenever the grid allows', () => {
    for (let seed = 0; seed < 60; seed++) {
      const space = randomSpace(seed);
      for (const n of [1, 7, 40]) {
        const configs = sampleGridConfigs(space, n, createRng(seed));
        const levels = chooseFloatLevels(space, n);
        const grid = new Set(bruteForceGrid(space, levels));
        expect(configs).toHaveLength(n);
        for (const c of configs) expect(grid.has(keyOf(space, c))).toBe(true);
        expect(new Set(configs.map((c) => keyOf(space, c))).size).toBe(Math.min(n, grid.size));
        expect(sampleGridConfigs(space, n, createRng(seed))).toEqual(configs);
      }
    }
  });
});

describe('sampleConfigs', () => {
  it('dispatches on the sampler kind', () => {
    expect(sampleConfigs('random', SEED001_SPACE, 5, createRng(4))).toEqual(
      sampleRandomConfigs(SEED001_SPACE, 5, createRng(4)),
    );
    expect(sampleConfigs('grid', SMALL, 6, createRng(4))).toEqual(sampleGridConfigs(SMALL, 6, createRng(9))); // a whole grid reads no rng
    expect(() => sampleConfigs('sobol' as never, SMALL, 1, createRng(4))).toThrow(
      'one of random, halton, grid, but got sobol',
    );
  });
});
