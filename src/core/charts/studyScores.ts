// What the analysis charts read from a study: the equal-budget random-search sample (the trials
// every tuning curve and importance estimate assume), and the successive-halving ladder of each
// configuration across rungs with the rank agreement between consecutive rungs (Spearman's rho).
import { spearman } from '../stats/rankCorrelation';
import type { StudyState, TrialRecord, TrialState } from '../study/studyMachine';

export interface EqualBudgetSample {
  /** Completed trials of the sample, in trial order. */
  trials: TrialRecord[];
  /** Their validation accuracies. */
  scores: number[];
  /** The budget they share; null before any trial exists. */
  resource: number | null;
  diverged: number;
  /** Queued or running. */
  pending: number;
  /** Failed or cancelled. */
  lost: number;
}

/**
 * Rung-0 trials that share one budget: all of them under successive halving or ASHA; under
 * Hyperband, the largest bracket's (ties: the smaller budget). Random search at equal budget.
 */
export function equalBudgetSample(study: StudyState): EqualBudgetSample {
  const groups = new Map<number, TrialRecord[]>();
  for (const t of study.trials) if (t.rung === 0) groups.set(t.resource, [...(groups.get(t.resource) ?? []), t]);
  let resource: number | null = null;
  for (const [r, ts] of groups) {
    if (
      resource === null ||
      ts.length > groups.get(resource)!.length ||
      (ts.length === groups.get(resource)!.length && r < resource)
    )
      resource = r;
  }
  const group = resource === null ? [] : groups.get(resource)!;
  const trials = group.filter(
    (t) => t.state === 'completed' && t.valAccuracy !== null && Number.isFinite(t.valAccuracy),
  );
  const count = (states: TrialState[]) => group.filter((t) => states.includes(t.state)).length;
  return {
    trials,
    scores: trials.map((t) => t.valAccuracy!),
    resource,
    diverged: count(['diverged']),
    pending: count(['queued', 'running']),
    lost: count(['failed', 'cancelled']),
  };
}

export interface LadderNode {
  trialId: number;
  configId: number;
  rung: number;
  valAccuracy: number | null;
  state: TrialState;
  /** The configuration has a trial at a higher rung. */
  promoted: boolean;
}

export interface LadderLink {
  configId: number;
  from: LadderNode;
  to: LadderNode;
}

export interface RungAgreement {
  from: number;
  to: number;
  /** Configurations scored at both rungs. */
  pairs: number;
  /** Spearman's rho of their scores; NaN below 3 pairs or with a constant side. */
  rho: number;
}

export interface Ladder {
  /** Rung indices present, ascending, with how many trials each holds. */
  rungs: { rung: number; trials: number; resource: number }[];
  nodes: LadderNode[];
  links: LadderLink[];
  agreement: RungAgreement[];
}

/** Each configuration's trials by rung, joined rung to rung. A retried trial keeps its record, so one node per trial. */
export function rungLadder(study: StudyState): Ladder {
  const byConfig = new Map<number, TrialRecord[]>();
  for (const t of study.trials) byConfig.set(t.configId, [...(byConfig.get(t.configId) ?? []), t]);
  const nodes: LadderNode[] = [];
  const links: LadderLink[] = [];
  for (const [configId, trials] of byConfig) {
    const sorted = [...trials].sort((a, b) => a.rung - b.rung || a.trialId - b.trialId);
    const top = sorted[sorted.length - 1].rung;
    let previous: LadderNode | null = null;
    for (const t of sorted) {
      const node: LadderNode = {
        trialId: t.trialId,
        configId,
        rung: t.rung,
        valAccuracy: t.valAccuracy,
        state: t.state,
        promoted: t.rung < top,
      };
      nodes.push(node);
      if (previous && previous.rung < node.rung) links.push({ configId, from: previous, to: node });
      previous = node;
    }
  }
  const rungMap = new Map<number, { rung: number; trials: number; resource: number }>();
  for (const t of study.trials) {
    const r = rungMap.get(t.rung) ?? { rung: t.rung, trials: 0, resource: t.resource };
    r.trials++;
    r.resource = Math.max(r.resource, t.resource);
    rungMap.set(t.rung, r);
  }
  const rungs = [...rungMap.values()].sort((a, b) => a.rung - b.rung);

  const scoreAt = new Map<string, number>();
  for (const n of nodes)
    if (n.state === 'completed' && n.valAccuracy !== null) scoreAt.set(`${n.configId}:${n.rung}`, n.valAccuracy);
  const agreement = rungs.slice(1).map(({ rung }) => {
    const from = rungs[rungs.findIndex((r) => r.rung === rung) - 1].rung;
    const pairs = [...byConfig.keys()]
      .filter((c) => scoreAt.has(`${c}:${from}`) && scoreAt.has(`${c}:${rung}`))
      .map((c) => [scoreAt.get(`${c}:${from}`)!, scoreAt.get(`${c}:${rung}`)!] as const);
    const rho =
      pairs.length >= 3
        ? spearman(
            pairs.map((p) => p[0]),
            pairs.map((p) => p[1]),
          )
        : NaN;
    return { from, to: rung, pairs: pairs.length, rho };
  });
  return { rungs, nodes, links, agreement };
}

/** Each configuration's latest scored trial (the highest rung it completed), keyed by configId. */
export function finalScores(study: StudyState): Map<number, { rung: number; valAccuracy: number }> {
  const out = new Map<number, { rung: number; valAccuracy: number }>();
  for (const t of study.trials) {
    if (t.state !== 'completed' || t.valAccuracy === null) continue;
    const seen = out.get(t.configId);
    if (!seen || t.rung >= seen.rung) out.set(t.configId, { rung: t.rung, valAccuracy: t.valAccuracy });
  }
  return out;
}
