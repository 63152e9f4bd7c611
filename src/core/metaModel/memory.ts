// The meta-model's memory across studies: (low-fidelity evidence, full-fidelity accuracy) examples
// that every finished study or audit leaves behind, so the next study's meta-model starts warm
// rather than cold (warm-starting from earlier tasks, as in Feurer, Springenberg & Hutter 2015,
// "Initializing Bayesian Hyperparameter Optimization via Meta-Learning", here with the earlier
// tasks' own curves).
// An example only transfers between studies with the same "full fidelity" (training images and
// epochs at resource 1): the label means "accuracy after that much training". Stored examples are
// checked with a zod schema on the way back in, because IndexedDB and imported files can be damaged.
import { z } from 'zod';
import { budgetAt } from '../schedulers/schedule';
import type { TrialConfig } from '../searchSpace/searchSpace';
import { issueProblems, SECTION_SCHEMAS } from '../study/studySchema';
import { PARAM_DOMAINS } from '../searchSpace/paramDomains';
import { MAX_RUNGS } from '../schedulers/planLimits';
import type { LossPoint } from '../lossPoint';
import type { StudyDefinition } from '../study/studyDefinition';
import { trainedToEnd, type StudyState } from '../study/studyMachine';
import { summarizeCurve, type ConfigEvidence, type FidelityObservation, type ProbeSignals } from './features';

/** What "full fidelity" means for a study: an example's label is only comparable under the same one. */
export interface Fidelity {
  dataset: 'cifar10';
  trainImages: number;
  epochs: number;
}

export interface MetaExample {
  v: 1;
  fidelity: Fidelity;
  config: TrialConfig;
  /** Low-fidelity observations (resource < 1), curves kept as summaries only. */
  observations: FidelityObservation[];
  /** Validation accuracy at full fidelity; a diverged full run counts as chance. */
  fullAccuracy: number;
  /** Where it came from: the study's name and seed, and whether a study or an audit trained it fully. */
  source: { study: string; seed: number; configId: number; kind: 'study' | 'audit' };
  createdAt: number;
}

/** What the orchestrator keeps of each finished trial for the meta-model. */
export interface TrialSignals {
  lossCurve: readonly LossPoint[];
  probes: ProbeSignals | null;
}

export function fidelityOf(def: StudyDefinition): Fidelity {
  const full = budgetAt(def, 1);
  return {
    dataset: def.data.dataset,
    trainImages: Math.round(full.dataFraction * def.data.maxTrainImages),
    epochs: full.epochs,
  };
}

export const fidelityKey = (f: Fidelity) => `${f.dataset}:${f.trainImages}x${f.epochs}`;
/**
 * What an example's label is the answer for: this configuration, trained to this full fidelity,
 * scored on the validation split this seed draws. A study must not learn from an example with the
 * identity of one of its own configurations, whichever study left it: that is the answer itself.
 */
export function exampleIdentity(f: Fidelity, splitSeed: number, config: TrialConfig): string {
  const canonical = Object.keys(config)
    .sort()
    .map((k) => {
      const v = config[k as keyof TrialConfig];
      return `${k}=${typeof v === 'number' ? Number(v.toPrecision(10)) : v}`;
    });
  return `${fidelityKey(f)}|${splitSeed}|${canonical.join(',')}`;
}

/** Fidelity, study name and seed: the examples one run of one study leaves. */
export const sourceKey = (f: Fidelity, study: string, seed: number) => `${fidelityKey(f)}|${study}|${seed}`;
export const describeFidelity = (f: Fidelity) =>
  `${f.trainImages} images x ${f.epochs} epoch${f.epochs === 1 ? '' : 's'}`;

/** fidelityKey's inverse, for showing stored counts in words; null for a key this version did not write. */
export function parseFidelityKey(key: string): Fidelity | null {
  const m = /^cifar10:([1-9][0-9]{0,8})x([1-9][0-9]{0,8})$/.exec(key);
  return m ? { dataset: 'cifar10', trainImages: Number(m[1]), epochs: Number(m[2]) } : null;
}

/** A configuration's low-fidelity observations, from the state and the trials' signals (a trial without any has no curve or probes). */
export function evidenceFor(
  state: StudyState,
  configId: number,
  signals: ReadonlyMap<number, TrialSignals>,
  maxResource = 1,
): ConfigEvidence {
  const observations = state.trials
    .filter((t) => t.configId === configId && trainedToEnd(t) && t.resource < 1 && t.resource <= maxResource + 1e-12)
    .map((t): FidelityObservation => {
      const s = signals.get(t.trialId);
      return {
        rung: t.rung,
        resource: t.resource,
        valAccuracy: t.state === 'completed' ? t.valAccuracy : null,
        valLoss: t.state === 'completed' ? t.valLoss : null,
        lossCurve: s?.lossCurve ?? [],
        probes: s?.probes ?? null,
      };
    });
  return { config: state.configs[configId], observations };
}

/** Keeps the curve summary, drops the points: a stored example stays a few hundred bytes. */
export function compactObservation(o: FidelityObservation): FidelityObservation {
  return {
    rung: o.rung,
    resource: o.resource,
    valAccuracy: o.valAccuracy,
    valLoss: o.valLoss,
    lossCurve: [],
    curveSummary: o.curveSummary ?? summarizeCurve(o.lossCurve),
    probes: o.probes ?? null,
  };
}

/** Full-fidelity accuracy per configuration, for configurations with a low-fidelity observation too. */
export function makeExamples(
  state: StudyState,
  signals: ReadonlyMap<number, TrialSignals>,
  fullAccuracy: ReadonlyMap<number, number>,
  kind: MetaExample['source']['kind'],
  now: number,
  numClasses = 10,
): MetaExample[] {
  const def = state.definition;
  const fidelity = fidelityOf(def);
  const out: MetaExample[] = [];
  for (const [configId, accuracy] of fullAccuracy) {
    const evidence = evidenceFor(state, configId, signals);
    if (evidence.observations.length === 0) continue; // nothing cheap to learn from
    out.push({
      v: 1,
      fidelity,
      config: evidence.config,
      observations: evidence.observations.map(compactObservation),
      fullAccuracy: Number.isFinite(accuracy) ? accuracy : 1 / numClasses,
      source: { study: def.name, seed: def.seed, configId, kind },
      createdAt: now,
    });
  }
  return out;
}

/** The full-fidelity results a study itself produced: its trials at resource 1 (diverged at chance). */
export function studyFullAccuracies(state: StudyState, numClasses = 10): Map<number, number> {
  const out = new Map<number, number>();
  for (const t of state.trials) {
    if (t.resource < 1 - 1e-12 || !trainedToEnd(t)) continue;
    out.set(t.configId, t.state === 'completed' && t.valAccuracy !== null ? t.valAccuracy : 1 / numClasses);
  }
  return out;
}

/** Examples a finished (or stopped) study leaves: its configurations that reached full fidelity. */
export function examplesFromStudy(
  state: StudyState,
  signals: ReadonlyMap<number, TrialSignals>,
  now: number,
): MetaExample[] {
  return makeExamples(state, signals, studyFullAccuracies(state), 'study', now);
}

/** Same study, same configuration, same fidelity: the same example (a later one replaces it). */
export const exampleKey = (e: MetaExample) =>
  `${fidelityKey(e.fidelity)}|${e.source.study}|${e.source.seed}|${e.source.configId}`;

/** Union by exampleKey, later examples winning (an audit's full run replaces nothing it did not train). */
export function mergeExamples(existing: readonly MetaExample[], added: readonly MetaExample[]): MetaExample[] {
  const byKey = new Map(existing.map((e) => [exampleKey(e), e]));
  for (const e of added) byKey.set(exampleKey(e), e);
  return [...byKey.values()];
}

// ---- Validation of stored examples ----

// Every number inside the domain the lab itself produces, so a file's example cannot carry a
// negative loss or an accuracy of 5 into the meta-model. JSON and structured clone keep a missing
// value differently (null vs NaN): both are read as missing.
const missing = z.union([z.null(), z.nan()]);
const finiteOrNull = z.union([z.number(), missing]);
const nonNegativeOrNull = z.union([z.number().min(0), missing]);
const accuracyOrNull = z.union([z.number().min(0).max(1), missing]);
const probeSchema = z
  .object({
    sharpnessMean: finiteOrNull.optional(),
    sharpnessMax: finiteOrNull.optional(),
    samSharpness: finiteOrNull.optional(),
    gradientNorm: nonNegativeOrNull.optional(),
    topEigenvalue: finiteOrNull.optional(),
    hessianTrace: finiteOrNull.optional(),
    initGradientNorm: nonNegativeOrNull.optional(),
  })
  .nullable();
const asNaN = (v: number | null) => (v === null ? NaN : v);
const observationSchema = z.object({
  rung: z.int().min(0).max(MAX_RUNGS),
  resource: z.number().gt(0).lt(1),
  valAccuracy: z.number().min(0).max(1).nullable(),
  valLoss: z.number().min(0).nullable(),
  lossCurve: z.array(z.object({ step: z.number(), epoch: z.number(), loss: z.number(), accuracy: z.number() })).max(0),
  curveSummary: z.object({
    trainLoss: nonNegativeOrNull.transform(asNaN),
    trainAccuracy: accuracyOrNull.transform(asNaN),
    lossSlope: finiteOrNull.transform(asNaN),
    lastEpochGain: finiteOrNull.transform(asNaN),
  }),
  probes: probeSchema,
});
const configSchema = SECTION_SCHEMAS.fixed.required();
export const metaExampleSchema = z.object({
  v: z.literal(1),
  fidelity: z.object({
    dataset: z.literal('cifar10'),
    trainImages: z
      .int()
      .min(1)
      .max(SECTION_SCHEMAS.data.shape.maxTrainImages.maxValue ?? 49990),
    epochs: z.int().min(PARAM_DOMAINS.epochs.low).max(PARAM_DOMAINS.epochs.high),
  }),
  config: configSchema,
  observations: z.array(observationSchema).min(1).max(32),
  fullAccuracy: z.number().min(0).max(1),
  source: z.object({
    study: SECTION_SCHEMAS.name,
    seed: SECTION_SCHEMAS.seed,
    configId: z.int().min(0).max(100_000),
    kind: z.enum(['study', 'audit']),
  }),
  createdAt: z.number().min(0).max(8.64e15),
});

/** Stored values back to examples; damaged ones are counted, not trusted and not fatal. */
export function checkExamples(raw: readonly unknown[]): {
  examples: MetaExample[];
  damaged: number;
  /** What is wrong with the first damaged one ("examples[4].fullAccuracy: ..., got 2"). */
  firstProblem?: string;
} {
  const examples: MetaExample[] = [];
  let damaged = 0;
  let firstProblem: string | undefined;
  raw.forEach((value, i) => {
    const parsed = metaExampleSchema.safeParse(value);
    if (parsed.success) examples.push(parsed.data as MetaExample);
    else {
      damaged++;
      firstProblem ??= issueProblems(parsed.error.issues, value, `examples[${i}]`)[0];
    }
  });
  return firstProblem === undefined ? { examples, damaged } : { examples, damaged, firstProblem };
}
