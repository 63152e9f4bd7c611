// Bounded planning as a property: any study a link can carry (fields within the schema, derived
// plans of any size) is either refused with a message or planned and initialised in under 50 ms,
// within the caps of ./planLimits. Before the caps, minResource 5e-324 looped forever and a grid
// over several conditional parents took over 20 s.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileStudyArb } from '../../testing/studyArbitrary';
import { findPreset } from '../study/presets';
import { MAX_CONFIGURATIONS, MAX_RUNGS, MAX_TRIALS } from './planLimits';
import { planBrackets, summarisePlan } from './schedule';
import { initStudy } from '../study/studyMachine';
import { studyProblems } from '../study/studyProblems';
import type { StudyDefinition } from '../study/studyDefinition';

/**
 * CPU milliseconds of the fastest of three runs: work done, not wall time, so that other processes
 * on a loaded machine (two cores here) cannot fail the test; a hang is slow by either measure.
 */
function fastest(f: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const before = process.cpuUsage();
    f();
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

function planAndInit(def: StudyDefinition): void {
  const brackets = planBrackets(def);
  summarisePlan(def);
  const state = initStudy(def);
  expect(brackets.every((b) => b.rungs.length <= MAX_RUNGS)).toBe(true);
  expect(state.configs.length).toBeLessThanOrEqual(MAX_CONFIGURATIONS);
  expect(brackets.reduce((n, b) => n + b.rungs.reduce((m, r) => m + r.numTrials, 0), 0)).toBeLessThanOrEqual(
    MAX_TRIALS,
  );
}

describe('bounded planning', () => {
  it('any accepted definition plans and initialises in under 50 ms; any other is refused as fast (property)', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(hostileStudyArb, (def) => {
        let problems: string[] = [];
        expect(
          fastest(() => {
            problems = studyProblems(def);
          }),
        ).toBeLessThan(50);
        if (problems.length > 0) {
          refused++;
          return;
        }
        accepted++;
        expect(fastest(() => planAndInit(def))).toBeLessThan(50);
      }),
      { numRuns: 300, seed: 12 },
    );
    // Both sides of the property were exercised.
    expect(accepted).toBeGreaterThan(30);
    expect(refused).toBeGreaterThan(30);
  });

  it('names the real field when a tiny minResource would overflow the plan', () => {
    const base = findPreset('tiny')!.study;
    for (const kind of ['successiveHalving', 'asha', 'hyperband'] as const) {
      const problems = studyProblems({
        ...base,
        scheduler: { ...base.scheduler, kind, reductionFactor: 1.5, minResource: 1e-320 },
      });
      expect(problems.join(' ')).toMatch(/^Expected minResource to be at least/);
      expect(problems.join(' ')).not.toMatch(/numConfigs|NaN/);
    }
  });

  it('a grid over several conditional parents of 64 choices initialises 1,000 configurations in under 50 ms', () => {
    const base = findPreset('tiny')!.study;
    const choices = Array.from({ length: 64 }, (_, i) => i + 1);
    const def: StudyDefinition = {
      ...base,
      sampler: 'grid',
      scheduler: { ...base.scheduler, numConfigs: 1000 },
      space: [
        { kind: 'categorical', name: 'optimizer', choices: ['adam', 'sgd', 'adamw'] },
        { kind: 'categorical', name: 'channels', choices },
        { kind: 'categorical', name: 'batchSize', choices },
        { kind: 'categorical', name: 'epochs', choices },
        {
          kind: 'float',
          name: 'momentum',
          low: 0,
          high: 0.9,
          log: false,
          condition: { param: 'optimizer', equals: 'sgd' },
        },
        { kind: 'float', name: 'dropout', low: 0, high: 0.9, log: false, condition: { param: 'channels', equals: 3 } },
        {
          kind: 'float',
          name: 'weightDecay',
          low: 0,
          high: 0.9,
          log: false,
          condition: { param: 'batchSize', equals: 3 },
        },
        {
          kind: 'float',
          name: 'learningRate',
          low: 1e-4,
          high: 0.9,
          log: true,
          condition: { param: 'epochs', equals: 3 },
        },
      ],
    };
    expect(studyProblems(def)).toEqual([]);
    expect(fastest(() => planAndInit(def))).toBeLessThan(50);
  });
});
