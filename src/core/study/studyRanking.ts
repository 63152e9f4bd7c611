// The final ranking of a study: each configuration at the largest resource it reached, then by
// validation accuracy there, so a configuration stopped early never outranks one trained further.
import type { TrialConfig } from '../searchSpace/searchSpace';
import { rankTrials } from '../schedulers/successiveHalving';
import { isTerminal, trialScore, type StudyState, type TrialRecord, type TrialState } from './studyMachine';

export interface RankedConfig {
  configId: number;
  config: TrialConfig;
  rung: number;
  resource: number;
  dataFraction: number;
  epochs: number;
  valAccuracy: number | null;
  state: TrialState;
}

/** Final ranking: the largest resource reached first, then validation accuracy there (diverged last). */
export function rankConfigs(state: StudyState): RankedConfig[] {
  const last = new Map<number, TrialRecord>();
  for (const t of state.trials) {
    if (!isTerminal(t) || t.state === 'cancelled') continue;
    const seen = last.get(t.configId);
    if (!seen || t.resource >= seen.resource) last.set(t.configId, t);
  }
  const byResource = new Map<number, TrialRecord[]>();
  for (const t of last.values()) byResource.set(t.resource, [...(byResource.get(t.resource) ?? []), t]);
  return [...byResource.keys()]
    .sort((a, b) => b - a)
    .flatMap((r) => rankTrials(byResource.get(r)!.map((t) => ({ ...t, trialId: t.configId, score: trialScore(t) }))))
    .map((t) => ({
      configId: t.configId,
      config: state.configs[t.configId],
      rung: t.rung,
      resource: t.resource,
      dataFraction: t.dataFraction,
      epochs: t.epochs,
      valAccuracy: t.valAccuracy,
      state: t.state,
    }));
}

/**
 * The study's best: the top of its ranking, so at the highest rung any configuration reached. One
 * definition for the ranking, the saved-studies list and the recommendation: a score on less data
 * (a lucky rung-1 reading) is never shown as the study's best beside the final rung's.
 */
export function studyBest(state: StudyState): RankedConfig | null {
  return rankConfigs(state)[0] ?? null;
}

export interface RankingGroup {
  /** The rung its entries share; null when they differ (Hyperband's brackets reach one resource at different rungs). */
  rung: number | null;
  resource: number;
  dataFraction: number;
  epochs: number;
  entries: RankedConfig[];
}

/** The ranking split by the resource (rung) each configuration reached, highest first, so no list mixes them. */
export function rankingByRung(ranking: readonly RankedConfig[]): RankingGroup[] {
  const groups: RankingGroup[] = [];
  for (const r of ranking) {
    const last = groups[groups.length - 1];
    if (last && last.resource === r.resource) {
      last.entries.push(r);
      if (last.rung !== r.rung) last.rung = null;
    } else
      groups.push({ rung: r.rung, resource: r.resource, dataFraction: r.dataFraction, epochs: r.epochs, entries: [r] });
  }
  return groups;
}
