// Trained weights of finished trials, held in module memory (the store holds facts only) so slices
// can be computed after a study ends. Only the trials of the last rung reached and the best trial of
// each rung are kept: a c=32 network is ~4.5 MB, and a large study has hundreds of trials.
import type { TrialResult } from '../../workers/protocol';
import { labStore } from './labStore';

export interface KeptCandidate {
  trialId: number;
  rung: number;
  valAccuracy: number | null;
}

/** The trials whose weights stay: all of the highest rung seen, and each rung's best by validation accuracy. */
export function weightsToKeep(candidates: KeptCandidate[]): Set<number> {
  const keep = new Set<number>();
  if (candidates.length === 0) return keep;
  const lastRung = Math.max(...candidates.map((c) => c.rung));
  const best = new Map<number, KeptCandidate>();
  for (const c of candidates) {
    if (c.rung === lastRung) keep.add(c.trialId);
    const b = best.get(c.rung);
    if (c.valAccuracy !== null && (!b || b.valAccuracy === null || c.valAccuracy > b.valAccuracy)) best.set(c.rung, c);
  }
  best.forEach((c) => keep.add(c.trialId));
  return keep;
}

const kept = new Map<number, KeptCandidate & { weights: Float32Array[] }>();

export function keptWeights(trialId: number): Float32Array[] | undefined {
  return kept.get(trialId)?.weights;
}

/** Forgets every kept weight set (a new study starts). */
export function clearKeptWeights(): void {
  kept.clear();
}

/** The study's onTrialResult: records the probe values as facts and keeps the weights worth keeping. */
export function recordTrialResult(trialId: number, result: TrialResult): void {
  const { probes, landscape, study } = labStore.getState();
  const rung = study?.trials.find((t) => t.trialId === trialId)?.rung ?? 0;
  if (result.weights && result.status === 'completed')
    kept.set(trialId, { trialId, rung, valAccuracy: result.valAccuracy, weights: result.weights });
  const keep = weightsToKeep([...kept.values()]);
  for (const id of kept.keys()) if (!keep.has(id)) kept.delete(id);
  const keptTrialIds = [...kept.keys()].sort((a, b) => a - b);
  labStore.setState({
    probes: { ...probes, [trialId]: result.probes },
    initGradientNorms: { ...labStore.getState().initGradientNorms, [trialId]: result.initGradientNorm },
    landscape: { ...landscape, keptTrialIds, trialIds: landscape.trialIds.filter((id) => kept.has(id)) },
  });
}
