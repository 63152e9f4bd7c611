import { describe, expect, it } from 'vitest';
import { learningCurveFixture } from '../../testing/learningCurveFixture';
import { replayPlan } from './replayPlans';
import { DEFAULT_SIMULATION, drawPool, replayStudyNumber, simulateRule } from './simulateStudies';
import { tableConfigurations } from './tableConfigurations';

const table = learningCurveFixture();
const configs = tableConfigurations(table);
const s = { ...DEFAULT_SIMULATION, studies: 12 };

describe('replayStudyNumber', () => {
  it('replays study k alone exactly as the k-th study of a batch, on the k-th drawn pool', () => {
    for (const rule of ['accuracy', 'compositeSharpness', 'probeRegression'] as const) {
      const batch = simulateRule(table, configs, 'hyperband', rule, 6, s);
      const plan = replayPlan(table.header, 'hyperband', 6);
      for (const k of [0, 5, 11]) {
        const alone = replayStudyNumber(table, configs, plan, 6, rule, k, s);
        expect(alone.pool.map((c) => c.configId)).toEqual(drawPool(configs, 6, s.seed, k).map((c) => c.configId));
        expect(alone.outcome).toEqual(batch.outcomes[k]);
      }
    }
  });
});
