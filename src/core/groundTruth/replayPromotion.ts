// The promotion rules a replayed rung can use, each as the lab applies it: validation accuracy
// (plain successive halving), the sharpness composite "accuracy - alpha x sharpness"
// (../metaModel/rankingAudit), each candidate's accuracy extrapolated along a power-law learning
// curve over its own rungs (../metaModel/powerLawExtrapolation), and the meta-model's predicted full-fidelity accuracy (performance
// prediction, Baker et al. 2018; ../metaModel/promotionModel) learnt from the study's own full runs
// ("in-study") or from those plus the table's other configurations ("memory"). Every fallback
// mirrors ../metaModel/promotionScoring's: too few examples, a failed fit or a closed gate -> accuracy.
import type { ConfigEvidence } from '../metaModel/features';
import type { MetaExample } from '../metaModel/memory';
import { predictFullAccuracy, type PromotionModel } from '../metaModel/promotionModel';
import { examplesAtResource, GATE_CONFIDENCE, gateAtResource } from '../metaModel/cvGate';
import { compositeScores } from '../metaModel/rankingAudit';
import type { PromotionGuard } from '../study/studyDefinition';
import { extrapolateAccuracy } from '../metaModel/powerLawExtrapolation';
import { CHANCE } from './tableConfigurations';

export type PromotionRuleName = 'accuracy' | 'compositeSharpness' | 'powerLaw' | 'metaModel' | 'metaModelMemory';
export const PROMOTION_RULES: readonly PromotionRuleName[] = [
  'accuracy',
  'compositeSharpness',
  'powerLaw',
  'metaModel',
  'metaModelMemory',
];

/** Rules that read probes pay for them (./replayCost). */
export const readsProbes = (rule: PromotionRuleName) => rule === 'compositeSharpness' || usesMetaModel(rule);
export const usesMetaModel = (rule: PromotionRuleName) => rule === 'metaModel' || rule === 'metaModelMemory';

/** One complete rung: each candidate's accuracy (null = diverged), sharpness and evidence so far. */
export interface RungCandidates {
  resource: number;
  accuracy: (number | null)[];
  sharpness: (number | null)[];
  evidence: ConfigEvidence[];
}

export interface RungScores {
  /** Higher promotes first; null (diverged) never promotes. */
  scores: (number | null)[];
  decidedBy: 'accuracy' | 'compositeSharpness' | 'powerLaw' | 'metaModel';
}

export interface MetaModelSettings {
  minExamples: number;
  guard: PromotionGuard;
  /** Seeds the gate's bootstrap. */
  seed: number;
  /** Fits (or returns a cached fit of) the promotion model; null when too few rows. */
  fit: (examples: readonly MetaExample[]) => PromotionModel | null;
}

export interface PromotionSettings {
  alpha: number;
  metaModel: MetaModelSettings;
}

const byAccuracy = (c: RungCandidates): RungScores => ({ scores: [...c.accuracy], decidedBy: 'accuracy' });

function byMetaModel(c: RungCandidates, examples: readonly MetaExample[], s: MetaModelSettings): RungScores {
  if (examples.length < s.minExamples) return byAccuracy(c);
  if (s.guard !== 'none' && examplesAtResource(examples, c.resource) < s.minExamples) return byAccuracy(c);
  let model: PromotionModel | null;
  try {
    model = s.fit(examples);
  } catch {
    return byAccuracy(c);
  }
  if (!model) return byAccuracy(c);
  if (s.guard === 'cvGate') {
    const gate = gateAtResource(model, c.resource, s.seed);
    if (!gate || gate.confidence < GATE_CONFIDENCE) return byAccuracy(c);
  }
  const predicted = predictFullAccuracy(model, c.evidence);
  // As the study machine: a diverged trial stays last, a missing prediction keeps its accuracy.
  const scores = c.accuracy.map((a, i) =>
    a === null ? null : Number.isFinite(predicted[i].mean) ? predicted[i].mean : a,
  );
  return { scores, decidedBy: 'metaModel' };
}

/** Each candidate's accuracy extrapolated to the full budget along its own rungs (power law); accuracy where it cannot be. */
function byPowerLaw(c: RungCandidates): RungScores {
  let extrapolated = 0;
  const scores = c.accuracy.map((a, i) => {
    if (a === null) return null;
    const points = c.evidence[i].observations.map((o) => ({ resource: o.resource, accuracy: o.valAccuracy }));
    const predicted = extrapolateAccuracy(points, { chance: CHANCE });
    if (predicted === null) return a;
    extrapolated++;
    return predicted;
  });
  return { scores, decidedBy: extrapolated > 0 ? 'powerLaw' : 'accuracy' };
}

/** Scores of one rung under a rule; `examples` are what a meta-model rule may learn from now. */
export function scoreRung(
  rule: PromotionRuleName,
  c: RungCandidates,
  examples: readonly MetaExample[],
  s: PromotionSettings,
): RungScores {
  switch (rule) {
    case 'accuracy':
      return byAccuracy(c);
    case 'compositeSharpness': {
      const live = c.accuracy.map((a, i) => (a === null ? -1 : i)).filter((i) => i >= 0);
      const composite = compositeScores(
        live.map((i) => c.accuracy[i] ?? CHANCE),
        live.map((i) => c.sharpness[i]),
        s.alpha,
      );
      if (!composite.usedSharpness) return byAccuracy(c);
      const scores: (number | null)[] = c.accuracy.map(() => null);
      live.forEach((i, k) => {
        scores[i] = composite.scores[k];
      });
      return { scores, decidedBy: 'compositeSharpness' };
    }
    case 'powerLaw':
      return byPowerLaw(c);
    case 'metaModel':
    case 'metaModelMemory':
      return byMetaModel(c, examples, s.metaModel);
  }
}
