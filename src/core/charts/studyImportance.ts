// Hyperparameter importance of a study by fANOVA (Hutter, Hoos & Leyton-Brown 2014; ../stats/importance)
// over the equal-budget sample: each hyperparameter's share of the variance of validation accuracy
// explained by its main effect, with log-uniform parameters read in log10.
import { axisFeature, paramAxes } from './hyperparameterAxes';
import type { Rng } from '../rng';
import type { ParamName } from '../searchSpace/searchSpace';
import { fanovaImportance } from '../stats/importance';
import { equalBudgetSample } from './studyScores';
import type { StudyState } from '../study/studyMachine';

/** Fewer scores than this leave the forest nothing to split; the chart warns below 20. */
export const MIN_IMPORTANCE_TRIALS = 4;

export interface StudyImportance {
  params: { name: ParamName; importance: number }[];
  trials: number;
  /** Why there is nothing to show, in words; null when params holds the result. */
  note: string | null;
}

export function studyImportance(study: StudyState, rng: Rng): StudyImportance {
  const { trials } = equalBudgetSample(study);
  const axes = paramAxes(study.definition.space);
  if (axes.length === 0)
    return {
      params: [],
      trials: trials.length,
      note: 'The search space is empty: every trial had the same hyperparameters.',
    };
  if (trials.length < MIN_IMPORTANCE_TRIALS) {
    return {
      params: [],
      trials: trials.length,
      note: `fANOVA needs at least ${MIN_IMPORTANCE_TRIALS} completed trials at equal budget; ${trials.length} so far.`,
    };
  }
  const rows = trials.map((t) => axes.map((a) => axisFeature(a, study.configs[t.configId])));
  const shares = fanovaImportance(
    rows,
    trials.map((t) => t.valAccuracy!),
    rng,
    { numTrees: trials.length > 200 ? 16 : 32 },
  );
  const params = axes
    .map((a, j) => ({ name: a.name, importance: shares[j] }))
    .sort((p, q) => q.importance - p.importance);
  const note = shares.every((s) => s === 0)
    ? 'Every trial scored the same: no hyperparameter explains any variance.'
    : null;
  return { params, trials: trials.length, note };
}
