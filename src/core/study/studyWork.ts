// A study's training work in one unit, full-training-set epochs (dataFraction × epochs trained),
// done so far and planned: the measured progress the study's ETA (../eta) extrapolates.
import { budgetAt, continuesFromWeights, planBrackets } from '../schedulers/schedule';
import { isTerminal, type StudyState, type TrialRecord } from './studyMachine';
import type { StudyDefinition } from './studyDefinition';

/** Steps of a running trial, as its worker reports them. */
export interface TrialSteps {
  stepsDone: number;
  stepsTotal: number;
}

/** What one trial trains: a continued trial (epoch resources) pays only for its extra epochs. */
export const trialWork = (t: TrialRecord): number => t.dataFraction * Math.max(0, t.epochs - t.startEpochs);

/** Every rung of every bracket as planned (ASHA: its synchronous equivalent, as summarisePlan). */
export function plannedWork(def: StudyDefinition): number {
  const continues = continuesFromWeights(def);
  const work = (resource: number) => {
    const b = budgetAt(def, resource);
    return b.dataFraction * b.epochs;
  };
  let total = 0;
  for (const b of planBrackets(def)) {
    b.rungs.forEach((r, i) => {
      total += r.numTrials * (work(r.resource) - (continues && i > 0 ? work(b.rungs[i - 1].resource) : 0));
    });
  }
  return total;
}

/**
 * Work done: settled trials count in full (a failed one will not be trained again), a running one
 * by its reported steps. Planned never falls below what the trials on record need (ASHA can run
 * more than its synchronous plan), and a finished study is all done.
 */
export function studyWork(
  state: StudyState,
  live: Readonly<Record<number, TrialSteps | undefined>>,
): { done: number; planned: number } {
  let done = 0,
    recorded = 0;
  for (const t of state.trials) {
    const w = trialWork(t);
    recorded += w;
    if (isTerminal(t)) done += w;
    else if (t.state === 'running') {
      const steps = live[t.trialId];
      if (steps && steps.stepsTotal > 0) done += w * Math.min(1, steps.stepsDone / steps.stepsTotal);
    }
  }
  const planned = Math.max(plannedWork(state.definition), recorded);
  return { done: state.phase === 'finished' ? planned : done, planned };
}
