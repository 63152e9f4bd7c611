// Tests for searchSpace.ts: ranges, step grids, log-uniformity (half the mass below the
// geometric midpoint), conditional momentum, determinism and each validation rule.
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import {
  DEFAULT_FIXED,
  SEED001_SPACE,
  describeConfig,
  sampleRandomConfigs,
  validateSearchSpace,
  type ParamSpec,
  type SearchSpace,
} from './searchSpace';

const N = 4000;
const configs = sampleRandomConfigs(SEED001_SPACE, N, createRng(1));

describe('SEED001_SPACE', () => {
  it('is valid', () => {
    expect(validateSearchSpace(SEED001_SPACE)).toEqual([]);
  });

  it('samples every value inside its range and ints on the step grid', () => {
    for (const c of configs) {
      expect([32, 48, 64]).toContain(c.channels);
      expect(c.dropout).toBeGreaterThanOrEqual(0.1);
      expect(c.dropout).toBeLessThanOrEqual(0.3);
      expect(['adam', 'sgd']).toContain(c.optimizer);
      expect(c.learningRate).toBeGreaterThanOrEqual(5e-4);
      expect(c.learningRate).toBeLessThanOrEqual(1e-2);
      expect(c.weightDecay).toBeGreaterThanOrEqual(1e-4);
      expect(c.weightDecay).toBeLessThanOrEqual(1e-3);
      expect(c.batchSize).toBe(DEFAULT_FIXED.batchSize);
      expect(c.epochs).toBe(DEFAULT_FIXED.epochs);
    }
    for (const ch of [32, 48, 64]) {
      const share = configs.filter((c) => c.channels === ch).length / N;
      expect(Math.abs(share - 1 / 3)).toBeLessThan(0.04);
    }
  });

  it('is log-uniform for learningRate and weightDecay, linear for dropout', () => {
    const below = (xs: number[], t: number) => xs.filter((x) => x < t).length / xs.length;
    // SE of a proportion at n=4000 is ~0.008, so 0.03 is > 3.5 sigma.
    expect(
      Math.abs(
        below(
          configs.map((c) => c.learningRate),
          Math.sqrt(5e-4 * 1e-2),
        ) - 0.5,
      ),
    ).toBeLessThan(0.03);
    expect(
      Math.abs(
        below(
          configs.map((c) => c.weightDecay),
          Math.sqrt(1e-4 * 1e-3),
        ) - 0.5,
      ),
    ).toBeLessThan(0.03);
    expect(
      Math.abs(
        below(
          configs.map((c) => c.dropout),
          0.2,
        ) - 0.5,
      ),
    ).toBeLessThan(0.03);
    // Log-uniform CDF at 2.5e-3 is ln(5)/ln(20) = 0.537; a linear sampler would give 0.21.
    expect(
      Math.abs(
        below(
          configs.map((c) => c.learningRate),
          2.5e-3,
        ) -
          Math.log(5) / Math.log(20),
      ),
    ).toBeLessThan(0.03);
  });

  it('gives momentum only to sgd, in [0, 0.9]', () => {
    const sgd = configs.filter((c) => c.optimizer === 'sgd');
    const adam = configs.filter((c) => c.optimizer === 'adam');
    expect(Math.abs(sgd.length / N - 0.5)).toBeLessThan(0.03);
    for (const c of adam) expect(c.momentum).toBe(0);
    for (const c of sgd) {
      expect(c.momentum).toBeGreaterThanOrEqual(0);
      expect(c.momentum).toBeLessThanOrEqual(0.9);
    }
    expect(new Set(sgd.map((c) => c.momentum)).size).toBe(sgd.length);
  });
});

describe('sampleRandomConfigs', () => {
  it('is deterministic for a seed, differs across seeds, and n configs are a prefix', () => {
    const a = sampleRandomConfigs(SEED001_SPACE, 20, createRng(7));
    expect(sampleRandomConfigs(SEED001_SPACE, 20, createRng(7))).toEqual(a);
    expect(sampleRandomConfigs(SEED001_SPACE, 20, createRng(8))).not.toEqual(a);
    expect(sampleRandomConfigs(SEED001_SPACE, 5, createRng(7))).toEqual(a.slice(0, 5));
  });

  it('takes inactive and unlisted params from fixed', () => {
    const out = sampleRandomConfigs(SEED001_SPACE, 200, createRng(3), { batchSize: 128, epochs: 3, momentum: 0.5 });
    for (const c of out) {
      expect(c.batchSize).toBe(128);
      expect(c.epochs).toBe(3);
      if (c.optimizer === 'adam') expect(c.momentum).toBe(0.5);
    }
    const onlySgd: SearchSpace = [
      { kind: 'categorical', name: 'optimizer', choices: ['sgd'] },
      {
        kind: 'float',
        name: 'momentum',
        low: 0.8,
        high: 0.9,
        log: false,
        condition: { param: 'optimizer', equals: 'sgd' },
      },
    ];
    for (const c of sampleRandomConfigs(onlySgd, 50, createRng(4))) {
      expect(c.momentum).toBeGreaterThanOrEqual(0.8);
      expect(c.channels).toBe(32);
    }
  });

  it('rejects a bad n or an invalid space with a precise message', () => {
    expect(() => sampleRandomConfigs(SEED001_SPACE, -1, createRng(1))).toThrow('non-negative integer, but got -1');
    expect(sampleRandomConfigs(SEED001_SPACE, 0, createRng(1))).toEqual([]);
    const bad: SearchSpace = [{ kind: 'float', name: 'dropout', low: 0.5, high: 0.1, log: false }];
    expect(() => sampleRandomConfigs(bad, 1, createRng(1))).toThrow(/Invalid search space: .*low < high/);
  });
});

describe('validateSearchSpace', () => {
  const cases: [string, ParamSpec[], RegExp][] = [
    ['low >= high', [{ kind: 'float', name: 'dropout', low: 0.3, high: 0.3, log: false }], /needs low < high/],
    [
      'log with low <= 0',
      [{ kind: 'float', name: 'learningRate', low: 0, high: 1, log: true }],
      /log-scaled, so it needs low > 0/,
    ],
    ['step <= 0', [{ kind: 'int', name: 'channels', low: 16, high: 64, step: 0 }], /needs step > 0/],
    ['non-integer int', [{ kind: 'int', name: 'channels', low: 16.5, high: 64, step: 16 }], /must be integers/],
    ['empty choices', [{ kind: 'categorical', name: 'batchSize', choices: [] }], /at least one choice/],
    [
      'bad optimizer',
      [{ kind: 'categorical', name: 'optimizer', choices: ['adam', 'rmsprop'] }],
      /cannot take the choice "rmsprop"/,
    ],
    [
      'string for numeric',
      [{ kind: 'categorical', name: 'batchSize', choices: ['64'] }],
      /cannot take the choice "64"/,
    ],
    ['float optimizer', [{ kind: 'float', name: 'optimizer', low: 0, high: 1, log: false }], /must be categorical/],
    [
      'duplicate name',
      [
        { kind: 'float', name: 'dropout', low: 0.1, high: 0.2, log: false },
        { kind: 'float', name: 'dropout', low: 0.1, high: 0.3, log: false },
      ],
      /"dropout" is listed more than once/,
    ],
    [
      'condition on a later param',
      [
        {
          kind: 'float',
          name: 'momentum',
          low: 0,
          high: 0.9,
          log: false,
          condition: { param: 'optimizer', equals: 'sgd' },
        },
        { kind: 'categorical', name: 'optimizer', choices: ['adam', 'sgd'] },
      ],
      /not an earlier parameter/,
    ],
    [
      'condition on a non-categorical',
      [
        { kind: 'float', name: 'dropout', low: 0.1, high: 0.3, log: false },
        {
          kind: 'float',
          name: 'momentum',
          low: 0,
          high: 0.9,
          log: false,
          condition: { param: 'dropout', equals: 0.2 },
        },
      ],
      /not categorical/,
    ],
    [
      'condition value never taken',
      [
        { kind: 'categorical', name: 'optimizer', choices: ['adam', 'sgd'] },
        {
          kind: 'float',
          name: 'momentum',
          low: 0,
          high: 0.9,
          log: false,
          condition: { param: 'optimizer', equals: 'SGD' },
        },
      ],
      /never takes/,
    ],
    [
      'unknown name',
      [{ kind: 'float', name: 'lr' as 'learningRate', low: 0.1, high: 0.3, log: false }],
      /not a known parameter/,
    ],
  ];
  it.each(cases)('catches %s', (_label, space, pattern) => {
    const problems = validateSearchSpace(space);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(pattern);
  });
});

describe('describeConfig', () => {
  it('formats the defaults and an sgd config', () => {
    expect(describeConfig(DEFAULT_FIXED)).toBe('c32 adam lr=1.0e-3 wd=5.0e-4 drop=0.20');
    expect(
      describeConfig({ ...DEFAULT_FIXED, channels: 48, optimizer: 'sgd', momentum: 0.9, learningRate: 0.01 }),
    ).toBe('c48 sgd lr=1.0e-2 m=0.90 wd=5.0e-4 drop=0.20');
  });
});
