// An independent domain oracle for what an import accepted: walks every number of an accepted
// study (its configurations, trials, plans, curves, probes) or memory example and says which lies
// outside its domain. Written apart from the validators (zod schemas in core/), from the parameter
// table (core/searchSpace/paramDomains) and the ranges the issue names: accuracy in [0, 1], finite
// non-negative losses, whole non-negative steps, ids that point at something.
import { PARAM_DOMAINS } from '../core/searchSpace/paramDomains';
import type { StudyRecord } from '../core/study/studyRecord';
import type { MetaExample } from '../core/metaModel/memory';

type Out = string[];
const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const missing = (x: unknown) => x === null || (typeof x === 'number' && Number.isNaN(x));
const STRINGS: Record<string, readonly string[]> = {
  optimizer: ['adam', 'sgd', 'adamw'],
  lrSchedule: ['constant', 'step', 'cosine'],
};

function checkNumber(
  out: Out,
  where: string,
  x: unknown,
  lo: number,
  hi: number,
  opts: { int?: boolean; open?: boolean; orMissing?: boolean } = {},
) {
  if (opts.orMissing && missing(x)) return;
  const ok = finite(x) && (opts.open ? x > lo : x >= lo) && x <= hi && (!opts.int || Number.isInteger(x));
  if (!ok) out.push(`${where} = ${String(x)}`);
}

export function configOutOfDomain(config: unknown, where: string, out: Out = []): Out {
  if (typeof config !== 'object' || config === null) return [...out, `${where} is not an object`];
  const c = config as Record<string, unknown>;
  for (const [name, d] of Object.entries(PARAM_DOMAINS))
    checkNumber(out, `${where}.${name}`, c[name], d.low, d.high, { int: d.integer, open: d.lowOpen });
  for (const [name, allowed] of Object.entries(STRINGS))
    if (!allowed.includes(c[name] as string)) out.push(`${where}.${name} = ${String(c[name])}`);
  for (const k of Object.keys(c))
    if (!Object.hasOwn(PARAM_DOMAINS, k) && !Object.hasOwn(STRINGS, k)) out.push(`${where} has the field ${k}`);
  return out;
}

/** Every out-of-domain number or dangling id of an accepted study record. */
export function recordOutOfDomain(r: StudyRecord): Out {
  const out: Out = [];
  const s = r.state;
  const def = s.definition;
  for (const [k, v] of Object.entries(def.fixed)) {
    const d = PARAM_DOMAINS[k as keyof typeof PARAM_DOMAINS];
    if (d) checkNumber(out, `definition.fixed.${k}`, v, d.low, d.high, { int: d.integer, open: d.lowOpen });
  }
  s.configs.forEach((c, i) => configOutOfDomain(c, `configs[${i}]`, out));
  s.trials.forEach((t, i) => {
    const w = `trials[${i}]`;
    if (t.trialId !== i) out.push(`${w}.trialId = ${t.trialId}`);
    checkNumber(out, `${w}.configId`, t.configId, 0, s.configs.length - 1, { int: true });
    checkNumber(out, `${w}.valAccuracy`, t.valAccuracy, 0, 1, { orMissing: true });
    checkNumber(out, `${w}.valLoss`, t.valLoss, 0, Number.MAX_VALUE, { orMissing: true });
    checkNumber(out, `${w}.resource`, t.resource, 0, 1, { open: true });
    checkNumber(out, `${w}.dataFraction`, t.dataFraction, 0, 1, { open: true });
    checkNumber(out, `${w}.epochs`, t.epochs, 1, PARAM_DOMAINS.epochs.high, { int: true });
    checkNumber(out, `${w}.rung`, t.rung, 0, 64, { int: true });
    checkNumber(out, `${w}.durationMs`, t.durationMs, 0, Number.MAX_VALUE, { orMissing: true });
    checkNumber(out, `${w}.imagesPerSecond`, t.imagesPerSecond, 0, Number.MAX_VALUE, { orMissing: true });
    if (t.resumeFrom !== null) checkNumber(out, `${w}.resumeFrom`, t.resumeFrom, 0, i - 1, { int: true });
  });
  for (const [i, p] of [...s.plan, ...s.brackets.flatMap((b) => b.plan)].entries()) {
    checkNumber(out, `plan[${i}].numTrials`, p.numTrials, 0, 100_000, { int: true });
    checkNumber(out, `plan[${i}].resource`, p.resource, 0, 1, { open: true });
  }
  for (const b of s.brackets)
    for (const c of b.configIds) checkNumber(out, 'brackets[].configIds[]', c, 0, s.configs.length - 1, { int: true });
  for (const [id, curve] of Object.entries(r.curves)) {
    checkNumber(out, `curves key`, Number(id), 0, s.trials.length - 1, { int: true });
    for (const p of curve) {
      checkNumber(out, `curves[${id}][].step`, p.step, 0, 1e15, { int: true });
      checkNumber(out, `curves[${id}][].epoch`, p.epoch, 0, PARAM_DOMAINS.epochs.high);
      checkNumber(out, `curves[${id}][].loss`, p.loss, 0, Number.MAX_VALUE, { orMissing: true });
      checkNumber(out, `curves[${id}][].accuracy`, p.accuracy, 0, 1, { orMissing: true });
    }
  }
  for (const [id, p] of Object.entries(r.probes)) {
    checkNumber(out, `probes key`, Number(id), 0, s.trials.length - 1, { int: true });
    checkNumber(out, `probes[${id}].loss`, p.loss, 0, Number.MAX_VALUE, { orMissing: true });
    checkNumber(out, `probes[${id}].accuracy`, p.accuracy, 0, 1, { orMissing: true });
    for (const k of ['sharpnessMean', 'sharpnessMax', 'samSharpness', 'gradientNorm', 'ms', 'images'] as const)
      if (!missing(p[k]) && !finite(p[k])) out.push(`probes[${id}].${k} = ${p[k]}`);
  }
  for (const [id, n] of Object.entries(r.initGradientNorms)) {
    checkNumber(out, `initGradientNorms key`, Number(id), 0, s.trials.length - 1, { int: true });
    checkNumber(out, `initGradientNorms[${id}]`, n, 0, Number.MAX_VALUE, { orMissing: true });
  }
  return out;
}

export function exampleOutOfDomain(e: MetaExample, where: string): Out {
  const out = configOutOfDomain(e.config, `${where}.config`);
  checkNumber(out, `${where}.fullAccuracy`, e.fullAccuracy, 0, 1);
  checkNumber(out, `${where}.fidelity.trainImages`, e.fidelity.trainImages, 1, 50_000, { int: true });
  checkNumber(out, `${where}.fidelity.epochs`, e.fidelity.epochs, 1, PARAM_DOMAINS.epochs.high, { int: true });
  for (const o of e.observations) {
    checkNumber(out, `${where}.observations[].resource`, o.resource, 0, 1, { open: true });
    checkNumber(out, `${where}.observations[].valAccuracy`, o.valAccuracy, 0, 1, { orMissing: true });
    checkNumber(out, `${where}.observations[].valLoss`, o.valLoss, 0, Number.MAX_VALUE, { orMissing: true });
    checkNumber(out, `${where}.observations[].curveSummary.trainLoss`, o.curveSummary?.trainLoss, 0, Number.MAX_VALUE, {
      orMissing: true,
    });
    checkNumber(out, `${where}.observations[].curveSummary.trainAccuracy`, o.curveSummary?.trainAccuracy, 0, 1, {
      orMissing: true,
    });
  }
  return out;
}
