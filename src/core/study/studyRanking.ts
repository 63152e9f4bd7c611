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
