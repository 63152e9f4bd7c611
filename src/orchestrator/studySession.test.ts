// The launch recipe with a fake pool (no tfjs): probe settings and weights reach every trial, the
// study is saved after every change of a trial's fate and once at the end, and the recommendation
// comes before the study's examples are remembered.
import { describe, expect, it } from 'vitest';
import type { StudyState } from '../core/study/studyMachine';
import { fakePool, type FakePoolCalls } from '../testing/fakePool';
import { scriptedDefinition, scriptedLabels, truthOutcome } from '../testing/scriptedStudy';
import { startStudySession } from './studySession';

describe('startStudySession', () => {
  it('runs the study with probes, saves in order, then recommends, then remembers', async () => {
    const calls: FakePoolCalls = { runs: [], cancels: [] };
    const order: string[] = [];
    const saved: StudyState[] = [];
    const { done } = startStudySession({
      definition: scriptedDefinition,
      pool: fakePool(truthOutcome, calls),
      trainLabels: scriptedLabels,
      probes: true,
      returnWeights: true,
      save: async (state) => {
        saved.push(state);
      },
      recommend: async (state) => {
        order.push(`recommend ${state.phase} after ${saved.length} saves`);
        return 'pick';
      },
      remember: async (_state, signals) => {
        order.push(`remember ${signals.size}`);
      },
    });
    const { state, recommendation } = await done;
    expect(state.phase).toBe('finished');
    expect(recommendation).toBe('pick');
    expect(calls.runs.length).toBe(state.trials.length);
    expect(calls.runs.every((input) => input.probes !== undefined && input.returnWeights === true)).toBe(true);
    // The initial state, one save per finished trial, and the final state again.
    expect(saved).toHaveLength(1 + state.trials.length + 1);
    expect(saved.at(-1)).toBe(state);
    expect(order).toEqual([`recommend finished after ${saved.length} saves`, `remember ${state.trials.length}`]);
  });

  it('sends no probes when asked for none', async () => {
    const calls: FakePoolCalls = { runs: [], cancels: [] };
    const { done } = startStudySession({
      definition: scriptedDefinition,
      pool: fakePool(truthOutcome, calls),
      trainLabels: scriptedLabels,
      probes: false,
    });
    const { recommendation } = await done;
    expect(recommendation).toBeUndefined();
    expect(calls.runs.every((input) => input.probes === undefined && input.returnWeights !== true)).toBe(true);
  });
});
