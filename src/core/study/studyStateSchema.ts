// The zod schema of a saved study's state and per-trial facts, as strict as the share link's study
// schema (./studySchema) whose configuration and definition rules it reuses: every number inside
// its domain, every id pointing at something that exists. What passes can be charted, exported,
// saved and reopened without a check further down.
import { z } from 'zod';
import { DEFAULT_FIXED, type SearchSpace, type TrialConfig } from '../searchSpace/searchSpace';
import { PARAM_DOMAINS } from '../searchSpace/paramDomains';
import { MAX_RUNGS } from '../schedulers/planLimits';
import { describeValue, issueProblems, SECTION_SCHEMAS } from './studySchema';
import type { StudyState } from './studyMachine';

/** Trials (and configurations) a record may hold: imported external results have up to 100,000. */
export const MAX_RECORD_TRIALS = 100_000;
/** Losses come out of float32 tensors: anything finite up to float32's largest value. */
const FLOAT32_MAX = 3.4028234663852886e38;

const count = (lo: number, hi: number) => {
  const error = `expected a whole number between ${lo} and ${hi}`;
  return z.int({ error }).min(lo, { error }).max(hi, { error });
};
const range = (lo: number, hi: number, what = `a number between ${lo} and ${hi}`) =>
  z
    .number({ error: `expected ${what}` })
    .min(lo, { error: `expected ${what}` })
    .max(hi, { error: `expected ${what}` });
const fraction = () => {
  const error = 'expected a fraction in (0, 1]';
  return z.number({ error }).gt(0, { error }).max(1, { error });
};
/** A value that may be missing: null (JSON) or NaN (structured clone, a diverged loss). */
const missingOr = (what: string, lo: number, hi: number) =>
  z.union([range(lo, hi, what), z.null(), z.nan()], { error: `expected ${what}, or null` });
const accuracy = () => range(0, 1, 'an accuracy between 0 and 1');
const missingAccuracy = () => missingOr('an accuracy between 0 and 1', 0, 1);
const missingLoss = () => missingOr('a finite loss of at least 0', 0, FLOAT32_MAX);
const nonNegative = (what: string) => missingOr(what, 0, Number.MAX_VALUE);
const safeCode = z.string({ error: 'expected a short code' }).regex(/^[A-Za-z0-9_.-]{1,64}$/, {
  error: 'expected a short code of letters, digits and _ . -',
});
const idKey = /^(0|[1-9][0-9]{0,5})$/;

/** A configuration: the share link's fixed-value rules with every field present. */
export const trialConfigSchema = SECTION_SCHEMAS.fixed.required();

const rungPlan = z.object({
  rung: count(0, MAX_RUNGS),
  numTrials: count(0, MAX_RECORD_TRIALS),
  resource: fraction(),
});
const trial = z.object({
  trialId: count(0, MAX_RECORD_TRIALS),
  configId: count(0, MAX_RECORD_TRIALS),
  bracket: count(0, MAX_RUNGS),
  rung: count(0, MAX_RUNGS),
  resource: fraction(),
  dataFraction: fraction(),
  epochs: count(PARAM_DOMAINS.epochs.low, PARAM_DOMAINS.epochs.high),
  resumeFrom: count(0, MAX_RECORD_TRIALS).nullable(),
  startEpochs: count(0, PARAM_DOMAINS.epochs.high),
  state: z.enum(['queued', 'running', 'completed', 'diverged', 'failed', 'cancelled'], {
    error: 'expected a trial state (queued, running, completed, diverged, failed or cancelled)',
  }),
  attempts: count(0, 100),
  valAccuracy: missingAccuracy(),
  valLoss: missingLoss(),
  durationMs: nonNegative('a duration of at least 0 ms'),
  imagesPerSecond: nonNegative('a throughput of at least 0 images per second'),
  backend: z
    .string({ error: 'expected a backend name' })
    .regex(/^[a-z0-9-]{1,24}$/, { error: 'expected a backend name' })
    .nullable(),
  error: z.object({ code: safeCode, message: z.string({ error: 'expected text' }).max(65_536) }).nullable(),
});
const bracketState = z.object({
  bracket: count(0, MAX_RUNGS),
  plan: z.array(rungPlan).max(MAX_RUNGS + 1),
  configIds: z.array(count(0, MAX_RECORD_TRIALS)).max(MAX_RECORD_TRIALS),
  rung: count(0, MAX_RUNGS),
  done: z.boolean({ error: 'expected true or false' }),
  awaitingScores: z.boolean({ error: 'expected true or false' }).optional(),
});
const ranked = z.object({ trialId: count(0, MAX_RECORD_TRIALS), score: missingAccuracy() });
const asha = z.object({
  reductionFactor: range(1.5, 10),
  maxTrials: count(0, MAX_RECORD_TRIALS).nullable(),
  rungs: z
    .array(
      z.object({
        rung: count(0, MAX_RUNGS),
        resource: fraction(),
        results: z.array(ranked).max(MAX_RECORD_TRIALS),
        promoted: z.array(count(0, MAX_RECORD_TRIALS)).max(MAX_RECORD_TRIALS),
      }),
    )
    .max(MAX_RUNGS + 1),
  running: z
    .array(z.object({ trialId: count(0, MAX_RECORD_TRIALS), rung: count(0, MAX_RUNGS) }))
    .max(MAX_RECORD_TRIALS),
  nextTrialId: count(0, MAX_RECORD_TRIALS),
});
const byConfig = <T extends z.ZodType>(s: T) =>
  z.record(z.string().regex(idKey, { error: 'expected a configuration id' }), s);
const promotion = z.object({
  bracket: count(0, MAX_RUNGS),
  rung: count(0, MAX_RUNGS),
  rule: z.enum(['metaModel', 'accuracy'], { error: "expected 'metaModel' or 'accuracy'" }),
  scores: byConfig(range(-1e6, 1e6)).nullable(),
  predictions: byConfig(
    z.object({ mean: range(-1e6, 1e6), lower: range(-1e6, 1e6), upper: range(-1e6, 1e6) }),
  ).nullable(),
  note: z.string({ error: 'expected text' }).max(65_536),
});

/** The state without its definition (checked by the share link's parseStudy) and without cross-references. */
const stateShape = z.object({
  configs: z
    .array(z.preprocess(withDefaults, trialConfigSchema), { error: 'expected a list of configurations' })
    .max(MAX_RECORD_TRIALS),
  brackets: z.array(bracketState, { error: 'expected a list of brackets' }).max(MAX_RECORD_TRIALS),
  asha: asha.nullable().default(null),
  trials: z.array(trial, { error: 'expected a list of trials' }).max(MAX_RECORD_TRIALS, {
    error: `expected at most ${MAX_RECORD_TRIALS} trials`,
  }),
  plan: z.array(rungPlan, { error: 'expected a list of rungs' }).max(MAX_RUNGS + 1),
  rung: count(0, MAX_RUNGS),
  phase: z.enum(['running', 'finished', 'stopped'], { error: "expected 'running', 'finished' or 'stopped'" }),
  promotions: z.array(promotion).max(10_000).optional(),
});

/** Records from before a parameter existed lack it: it had its default value then. Present values are kept as given. */
function withDefaults(x: unknown): unknown {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return x;
  // A field this lab does not know is left for the strict schema to name.
  if (Object.keys(x).some((k) => !Object.hasOwn(DEFAULT_FIXED, k))) return x;
  return { ...DEFAULT_FIXED, ...(x as Partial<TrialConfig>) };
}

/**
 * Where a configuration cannot be charted on the study's search space, as "name: ..., got value",
 * or null: a log axis (charts, fANOVA) needs a positive value. Results from elsewhere are read with
 * the current study's space, so other values off its range are kept (the charts clamp them); an
 * inactive conditional parameter is not checked.
 */
export function outsideSpace(config: TrialConfig, space: SearchSpace): string | null {
  for (const spec of space) {
    if (spec.condition && config[spec.condition.param] !== spec.condition.equals) continue;
    const v = config[spec.name];
    if (spec.kind === 'float' && spec.log && !(typeof v === 'number' && v > 0))
      return `${spec.name}: expected a positive value (the study's space reads it on a log scale), got ${describeValue(v)}`;
  }
  return null;
}

/** Ids that must point at something: trial ids in order, configurations, resumed trials, brackets' members. */
function crossProblems(s: Omit<StudyState, 'definition'>, space: SearchSpace): string[] {
  const problems: string[] = [];
  for (const [i, c] of s.configs.entries()) {
    const outside = outsideSpace(c, space);
    if (outside) return [`state.configs[${i}].${outside}`];
  }
  const configs = s.configs.length;
  const bad = (where: string, what: string, v: number) => problems.push(`${where}: ${what}, got ${v}`);
  s.trials.forEach((t, i) => {
    if (problems.length > 0) return;
    if (t.trialId !== i) bad(`state.trials[${i}].trialId`, `expected ${i} (trials are numbered in order)`, t.trialId);
    else if (t.configId >= configs)
      bad(`state.trials[${i}].configId`, `expected a configuration id below ${configs}`, t.configId);
    else if (t.resumeFrom !== null && (t.resumeFrom >= i || s.trials[t.resumeFrom].configId !== t.configId))
      bad(`state.trials[${i}].resumeFrom`, 'expected an earlier trial of the same configuration', t.resumeFrom);
    else if (t.startEpochs > t.epochs)
      bad(`state.trials[${i}].startEpochs`, `expected at most the trial's epochs (${t.epochs})`, t.startEpochs);
  });
  s.brackets.forEach((b, i) => {
    const j = b.configIds.findIndex((c) => c >= configs);
    if (j >= 0)
      bad(`state.brackets[${i}].configIds[${j}]`, `expected a configuration id below ${configs}`, b.configIds[j]);
  });
  for (const [i, p] of (s.promotions ?? []).entries())
    for (const [what, m] of [
      ['scores', p.scores],
      ['predictions', p.predictions],
    ] as const) {
      const key = Object.keys(m ?? {}).find((k) => Number(k) >= configs);
      if (key !== undefined)
        bad(`state.promotions[${i}].${what}`, `expected configuration ids below ${configs}`, Number(key));
    }
  return problems;
}

export type StateCheck = { ok: true; state: Omit<StudyState, 'definition'> } | { ok: false; problems: string[] };

/** A stored or imported state (its definition aside) checked whole: shape and domains, then ids and the space. */
export function checkStudyState(raw: unknown, space: SearchSpace): StateCheck {
  const parsed = stateShape.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: issueProblems(parsed.error.issues, raw, 'state') };
  const state = parsed.data as Omit<StudyState, 'definition'>;
  const problems = crossProblems(state, space);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, state };
}

// ---- Per-trial facts beside the state ----

const point = z.object({
  step: count(0, 1e12),
  epoch: range(0, PARAM_DOMAINS.epochs.high),
  loss: missingLoss(),
  accuracy: missingAccuracy(),
});
/** A curve point; JSON's null (a NaN that went through an export) reads back as NaN. */
export const curvePointSchema = point.transform((p) => ({
  step: p.step,
  epoch: p.epoch,
  loss: p.loss ?? NaN,
  accuracy: p.accuracy ?? NaN,
}));
const probeNumber = missingOr('a finite number', -FLOAT32_MAX, FLOAT32_MAX).transform((v) => v ?? NaN);
const probeCount = nonNegative('a number of at least 0').transform((v) => v ?? NaN);
export const probeValuesSchema = z.object({
  loss: missingLoss().transform((v) => v ?? NaN),
  accuracy: accuracy().nullable().or(z.nan()),
  images: probeCount,
  sharpnessMean: probeNumber,
  sharpnessMax: probeNumber,
  samSharpness: probeNumber,
  gradientNorm: probeCount,
  topEigenvalue: probeNumber.optional(),
  hessianTrace: probeNumber.optional(),
  ms: probeCount,
});
export const gradientNormSchema = probeCount;

/** Entries keyed by trial id (own keys, below `trials`), each value parsed by `schema`. */
export function perTrialFacts<T>(
  raw: unknown,
  what: string,
  trials: number,
  schema: z.ZodType<T>,
): { ok: true; facts: Record<number, T> } | { ok: false; problem: string } {
  if (raw === undefined) return { ok: true, facts: {} };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, problem: `its ${what} are not an object` };
  const facts: Record<number, T> = {};
  for (const key of Object.keys(raw)) {
    if (!idKey.test(key) || Number(key) >= trials)
      return { ok: false, problem: `its ${what} name a trial it does not have` };
    const value = (raw as Record<string, unknown>)[key];
    const parsed = schema.safeParse(value);
    if (!parsed.success)
      return {
        ok: false,
        problem: `its ${what} of trial ${key} are damaged (${issueProblems(parsed.error.issues, value, what)[0]})`,
      };
    facts[Number(key)] = parsed.data;
  }
  return { ok: true, facts };
}
