import { describe, expect, it } from 'vitest';
import { learningCurveFixture } from '../../testing/learningCurveFixture';
import { ruleReport } from '../../core/groundTruth/ruleReport';
import { DEFAULT_SIMULATION, simulateRule } from '../../core/groundTruth/simulateStudies';
import { tableConfigurations } from '../../core/groundTruth/tableConfigurations';
import { replayStudies } from './replayStudies';

const table = learningCurveFixture();
const configs = tableConfigurations(table);
const settings = { ...DEFAULT_SIMULATION, studies: 60 };

describe('replayStudies', () => {
  it('reports what bench:simulate reports for the same studies, with the paired difference from accuracy', async () => {
    const seen: number[] = [];
    const got = await replayStudies(
      table,
      configs,
      { scheduler: 'successiveHalving', rule: 'compositeSharpness', poolSize: 6, studies: 60, settings },
      (done, total) => {
        expect(total).toBe(120);
        seen.push(done);
      },
      () => false,
    );
    const base = simulateRule(table, configs, 'successiveHalving', 'accuracy', 6, settings);
    const run = simulateRule(table, configs, 'successiveHalving', 'compositeSharpness', 6, settings);
    expect(got).toEqual(ruleReport(run, base, '45000 images x 4 epochs', settings.seed));
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(120);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('stops when cancelled', async () => {
    let calls = 0;
    const got = await replayStudies(
      table,
      configs,
      { scheduler: 'successiveHalving', rule: 'accuracy', poolSize: 6, studies: 60, settings },
      () => calls++,
      () => calls > 1,
    );
    expect(got).toBeNull();
  });
});
