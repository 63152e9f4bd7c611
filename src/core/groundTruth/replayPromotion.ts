// The promotion rules a replayed rung can use, each as the lab applies it: validation accuracy
// (plain successive halving), the sharpness composite "accuracy - alpha x sharpness"
// (../metaModel/rankingAudit), each candidate's accuracy extrapolated along a power-law learning
// curve over its own rungs (../metaModel/powerLawExtrapolation), accuracy plus the one probe that
// predicted full accuracy best out of sample on the memory (../metaModel/probeRegression), and the meta-model's predicted full-fidelity accuracy (performance
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
import { fitProbeRegression, predictProbeRegression } from '../metaModel/probeRegression';
import { CHANCE } from './tableConfigurations';

export type PromotionRuleName =
  'accuracy' | 'compositeSharpness' | 'powerLaw' | 'probeRegression' | 'metaModel' | 'metaModelMemory';
export const PROMOTION_RULES: readonly PromotionRuleName[] = [
  'accuracy',
  'compositeSharpness',
  'powerLaw',
  'probeRegression',
  'metaModel',
  'metaModelMemory',
];

/** Rules that read probes pay for them (./replayCost). */
export const readsProbes = (rule: PromotionRuleName) =>
  rule === 'compositeSharpness' || rule === 'probeRegression' || usesMetaModel(rule);
export const usesMetaModel = (rule: PromotionRuleName) => rule === 'metaModel' || rule === 'metaModelMemory';
/** Rules that fit a model in every study (the meta-model, probe regression's OLS on the memory): they replay fewer studies. */
export const refitsPerStudy = (rule: PromotionRuleName) => usesMetaModel(rule) || rule === 'probeRegression';
/** Rules that learn from the table's configurations outside the study (leave-configurations-out). */
export const usesMemory = (rule: PromotionRuleName) => rule === 'metaModelMemory' || rule === 'probeRegression';

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
  decidedBy: 'accuracy' | 'compositeSharpness' | 'powerLaw' | 'probeRegression' | 'metaModel';
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

const sameResource = (a: number, b: number) => Math.abs(a - b) < 1e-9;

/**
 * Accuracy plus the probe that predicted full accuracy best out of sample on the examples read at
 * this rung's resource; accuracy where too few examples, no probe beat accuracy alone, or a live
 * candidate lacks the chosen probe (a prediction and a raw accuracy are not on one scale).
 */
function byProbeRegression(c: RungCandidates, examples: readonly MetaExample[], minExamples: number): RungScores {
  const rows = examples.flatMap((e) => {
    const o = e.observations.find((x) => sameResource(x.resource, c.resource));
    return o && o.valAccuracy !== null
      ? [{ accuracy: o.valAccuracy, probes: o.probes ?? null, fullAccuracy: e.fullAccuracy }]
      : [];
  });
  if (rows.length < minExamples) return byAccuracy(c);
  const fit = fitProbeRegression(rows);
  if (!fit || fit.probe === null) return byAccuracy(c);
  const scores = c.accuracy.map((a, i) => {
    if (a === null) return null;
    const o = c.evidence[i].observations.find((x) => sameResource(x.resource, c.resource));
    return predictProbeRegression(fit, a, o?.probes ?? null);
  });
  if (scores.some((v, i) => v === null && c.accuracy[i] !== null)) return byAccuracy(c);
  return { scores, decidedBy: 'probeRegression' };
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
    case 'probeRegression':
      return byProbeRegression(c, examples, s.metaModel.minExamples);
    case 'metaModel':
    case 'metaModelMemory':
      return byMetaModel(c, examples, s.metaModel);
  }
}
