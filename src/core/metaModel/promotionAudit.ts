// Judging promotions after the fact: once an audit knows every configuration's full-fidelity
// accuracy, each rung transition of a study can be scored by its "promotion regret" — the best
// full-fidelity accuracy among the rung's candidates minus the best among those it promoted (0 when
// the eventual best went on). The same regret for the set plain successive halving would have
// promoted (top n by validation accuracy) makes the two rules comparable on the very same trials.
// Also the cold-study ranking: every configuration predicted from its rung-0 evidence by a model
// fitted only on earlier studies' examples, so none of this study's full-fidelity labels are used.
import { SCHEDULER_DEFAULTS } from '../study/schedulerDefaults';
import { deriveSeed } from '../rng';
import { promote } from '../schedulers/successiveHalving';
import type { StudyState } from '../study/studyMachine';
import { evidenceFor, type MetaExample, type TrialSignals } from './memory';
import { fitPromotionModel, predictFullAccuracy } from './promotionModel';
import { matchingExamples } from './metaModelInputs';
import type { IntervalPrediction } from './select';

export interface PromotionCheck {
  bracket: number;
  rung: number;
  rule: 'accuracy' | 'metaModel';
  candidates: number[];
  /** What the study promoted. */
  promoted: number[];
  /** What the top-n-by-accuracy rule would have promoted from the same trials. */
  byAccuracy: number[];
  regretPts: number;
  accuracyRegretPts: number;
}

/** Best full-fidelity accuracy among the candidates minus the best among `set`, in points (all of it if none of `set` is known). */
export const regretPts = (set: readonly number[], candidates: readonly number[], full: ReadonlyMap<number, number>) => {
  const known = (ids: readonly number[]) => ids.map((id) => full.get(id)).filter((v): v is number => v !== undefined);
  const best = Math.max(...known(candidates));
  const picked = known(set);
  return picked.length === 0 ? 100 * best : 100 * (best - Math.max(...picked));
};

/** Every rung transition of every synchronous bracket, judged at full fidelity. */
export function checkPromotions(state: StudyState, fullAccuracy: ReadonlyMap<number, number>): PromotionCheck[] {
  const checks: PromotionCheck[] = [];
  for (const b of state.brackets) {
    for (let rung = 0; rung + 1 < b.plan.length; rung++) {
      const current = state.trials.filter((t) => t.bracket === b.bracket && t.rung === rung);
      const promoted = state.trials
        .filter((t) => t.bracket === b.bracket && t.rung === rung + 1)
        .map((t) => t.configId);
      if (promoted.length === 0 || current.length === 0) continue;
      const candidates = current.map((t) => t.configId);
      if (!candidates.some((id) => fullAccuracy.has(id))) continue;
      const byAccuracy = promote(
        current.map((t) => ({ ...t, score: t.state === 'completed' ? t.valAccuracy : null })),
        promoted.length,
      ).map((t) => t.configId);
      const record = state.promotions?.find((p) => p.bracket === b.bracket && p.rung === rung);
      checks.push({
        bracket: b.bracket,
        rung,
        rule: record?.rule ?? 'accuracy',
        candidates,
        promoted,
        byAccuracy,
        regretPts: regretPts(promoted, candidates, fullAccuracy),
        accuracyRegretPts: regretPts(byAccuracy, candidates, fullAccuracy),
      });
    }
  }
  return checks;
}

/**
 * Each configuration's full-fidelity accuracy predicted from its first rung only, by a model of
 * earlier studies' examples (same fidelity); null when there are fewer than `minExamples`.
 */
export function predictFromMemory(
  state: StudyState,
  signals: ReadonlyMap<number, TrialSignals>,
  examples: readonly MetaExample[],
  minExamples = SCHEDULER_DEFAULTS.minExamples,
): { predictions: IntervalPrediction[]; model: string; examples: number } | null {
  const memory = matchingExamples(state, examples);
  const model = fitPromotionModel(memory, deriveSeed(state.definition.seed, 'memoryRanking'), { minExamples });
  if (!model) return null;
  const firstResource = Math.min(...state.brackets.map((b) => b.plan[0].resource));
  const evidence = state.configs.map((_, id) => evidenceFor(state, id, signals, firstResource));
  return { predictions: predictFullAccuracy(model, evidence), model: model.selection.chosen, examples: memory.length };
}
