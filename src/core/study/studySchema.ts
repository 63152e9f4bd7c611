// The study definition's zod schema, one schema per section so that a share link or a stored
// record with one bad section keeps the others. Strings are restricted to a safe alphabet: nothing
// from a link can carry markup or a URL scheme into the page.
import { z } from 'zod';
import { describeDomain, domainOf, inDomain, PARAM_DOMAINS, type NumericParam } from '../searchSpace/paramDomains';
import { validateSearchSpace, type ParamName, type ParamSpec, type SearchSpace } from '../searchSpace/searchSpace';
import {
  STUDY_SECTIONS,
  type SchedulerSettings,
  type StudyData,
  type StudyDefinition,
  type StudySection,
} from './studyDefinition';

export const PARAM_NAMES = [
  'channels',
  'dropout',
  'optimizer',
  'learningRate',
  'momentum',
  'weightDecay',
  'batchSize',
  'epochs',
  'nesterov',
  'lrSchedule',
  'warmupEpochs',
  'batchNorm',
  'labelSmoothing',
  'augment',
] as const satisfies readonly ParamName[];
/** On/off options (TrialConfig's Flag): a space may only choose 0 or 1 for them. */
const FLAG_PARAMS: readonly ParamName[] = ['nesterov', 'batchNorm', 'augment'];

/** Letters, digits, space and _ . , ( ) + - : no <, quotes, =, : or /, so no markup or URL scheme. */
export const SAFE_TEXT = /^[A-Za-z0-9 _.,()+-]*$/;
const SAFE_TEXT_RULE = 'letters, digits, spaces and _ . , ( ) + -';

/** A received value in words, without echoing unsafe text into messages. */
export function describeValue(x: unknown): string {
  if (x === undefined) return 'nothing';
  if (x === null) return 'null';
  if (typeof x === 'number' || typeof x === 'boolean') return String(x);
  if (typeof x === 'string') {
    if (x.length <= 40 && SAFE_TEXT.test(x)) return `'${x}'`;
    return SAFE_TEXT.test(x) ? `a ${x.length}-character string` : 'a string with disallowed characters';
  }
  if (Array.isArray(x)) return `a list of ${x.length}`;
  return typeof x === 'object' ? 'an object' : typeof x;
}

/**
 * A query parameter's value quoted for a message, as describeValue does for a share link: safe
 * text up to 40 characters verbatim, anything else (markup, bidi or control characters) described.
 */
export function quoteInput(x: string): string {
  if (x.length <= 40 && SAFE_TEXT.test(x)) return `"${x}"`;
  return SAFE_TEXT.test(x) ? `a ${x.length}-character value` : 'a value with disallowed characters';
}

const between = (lo: number, hi: number) => `expected a number between ${lo} and ${hi}`;
const num = (lo: number, hi: number) =>
  z
    .number({ error: between(lo, hi) })
    .min(lo, { error: between(lo, hi) })
    .max(hi, { error: between(lo, hi) });
const int = (lo: number, hi: number) => {
  const error = `expected a whole number between ${lo} and ${hi}`;
  return z.int({ error }).min(lo, { error }).max(hi, { error });
};
const fraction = () =>
  z
    .number({ error: 'expected a fraction in (0, 1]' })
    .gt(0, { error: 'expected a fraction in (0, 1]' })
    .max(1, { error: 'expected a fraction in (0, 1]' });
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `expected one of ${values.map((v) => `'${v}'`).join(', ')}` });
const safeText = (max: number, min = 0) => {
  const error = `expected ${min} to ${max} characters of ${SAFE_TEXT_RULE}`;
  return z.string({ error }).min(min, { error }).max(max, { error }).regex(SAFE_TEXT, { error });
};
const flag = () => z.union([z.literal(0), z.literal(1)], { error: 'expected 0 or 1' });
const obj = <S extends z.ZodRawShape>(shape: S) => z.strictObject(shape, { error: 'expected an object' });

/** A fixed value inside the parameter's domain (../searchSpace/paramDomains), with the domain in the message. */
function domainNumber(name: NumericParam) {
  const d = PARAM_DOMAINS[name];
  const error = `expected ${describeDomain(d)}`;
  const base = d.integer ? z.int({ error }) : z.number({ error });
  return (d.lowOpen ? base.gt(d.low, { error }) : base.min(d.low, { error })).max(d.high, { error }).optional();
}

// Parameter bounds: finite, and within +-1e9 so grid arithmetic stays exact (domains are checked after the shape).
const bound = () => num(-1e9, 1e9);
const paramName = oneOf(PARAM_NAMES);
const choice = z.union([safeText(32, 1), bound()], { error: 'expected a short safe string or a finite number' });
const condition = obj({ param: paramName, equals: choice }).optional();

const paramSpec = z.discriminatedUnion(
  'kind',
  [
    obj({
      kind: z.literal('float'),
      name: paramName,
      low: bound(),
      high: bound(),
      log: z.boolean({ error: 'expected true or false' }),
      condition,
    }),
    obj({
      kind: z.literal('int'),
      name: paramName,
      low: int(-1e9, 1e9),
      high: int(-1e9, 1e9),
      step: int(1, 1e9),
      condition,
    }),
    obj({
      kind: z.literal('categorical'),
      name: paramName,
      choices: z
        .array(choice, { error: 'expected a list' })
        .min(1, { error: 'expected 1 to 64 choices' })
        .max(64, { error: 'expected 1 to 64 choices' }),
      condition,
    }),
  ],
  { error: "expected a parameter of kind 'float', 'int' or 'categorical'" },
);

/** Per-section schemas; cross-field rules inside a section are `checks` (run only once the shape is right). */
export const SECTION_SCHEMAS = {
  name: safeText(64, 1),
  seed: int(0, 4294967295),
  space: z
    .array(paramSpec, { error: 'expected a list of parameters' })
    .max(PARAM_NAMES.length, { error: `expected at most ${PARAM_NAMES.length} parameters` }),
  fixed: obj({
    channels: domainNumber('channels'),
    dropout: domainNumber('dropout'),
    optimizer: oneOf(['adam', 'sgd', 'adamw']).optional(),
    learningRate: domainNumber('learningRate'),
    momentum: domainNumber('momentum'),
    weightDecay: domainNumber('weightDecay'),
    batchSize: domainNumber('batchSize'),
    epochs: domainNumber('epochs'),
    nesterov: flag().optional(),
    lrSchedule: oneOf(['constant', 'step', 'cosine']).optional(),
    warmupEpochs: domainNumber('warmupEpochs'),
    batchNorm: flag().optional(),
    labelSmoothing: domainNumber('labelSmoothing'),
    augment: flag().optional(),
  }),
  sampler: oneOf(['random', 'halton', 'grid']),
  scheduler: obj({
    kind: oneOf(['successiveHalving', 'hyperband', 'asha', 'twoStep']),
    numConfigs: int(1, 1000),
    reductionFactor: num(1.5, 10),
    minResource: fraction(),
    maxResource: fraction(),
    resource: oneOf(['dataFraction', 'epochs', 'both']),
    topK: int(1, 1000).optional(),
    promotion: oneOf(['accuracy', 'metaModel']).optional(),
    ucbKappa: num(0, 5).optional(),
    minExamples: int(3, 1000).optional(),
    promotionGuard: oneOf(['cvGate', 'count', 'none']).optional(),
  }),
  data: obj({
    dataset: z.literal('cifar10', { error: "expected 'cifar10'" }),
    validationSize: int(10, 25000),
    maxTrainImages: int(1, 49990),
    evalImages: int(1, 25000),
  }),
  readEvery: int(1, 10000),
} satisfies { [K in StudySection]: z.ZodType<StudyDefinition[K]> };

/** What is outside the parameter's domain in one spec of a space, or null. */
function domainProblem(spec: ParamSpec): string | null {
  const d = domainOf(spec.name);
  if (!d) return null; // string parameters: their choices are checked by validateSearchSpace
  const must = `${spec.name} must be ${describeDomain(d)}`;
  switch (spec.kind) {
    case 'float':
      if (d.integer) return `"${spec.name}" takes whole numbers, so it must be int or categorical, not float`;
      return inDomain(d, spec.low) && inDomain(d, spec.high)
        ? null
        : `"${spec.name}" ranges from ${spec.low} to ${spec.high}, but ${must}`;
    case 'int':
      return inDomain(d, spec.low) && inDomain(d, spec.high)
        ? null
        : `"${spec.name}" ranges from ${spec.low} to ${spec.high}, but ${must}`;
    case 'categorical': {
      const bad = spec.choices.find((c) => typeof c === 'number' && !inDomain(d, c));
      return bad === undefined ? null : `"${spec.name}" has the choice ${bad}, but ${must}`;
    }
  }
}

/** Rules across fields of one section, as "path: message" problems; the section's shape is already valid. */
export function sectionChecks<K extends StudySection>(section: K, value: StudyDefinition[K]): string[] {
  switch (section) {
    case 'space': {
      // No '<' in any message from a link, even our own "low < high".
      const problems = validateSearchSpace(value as SearchSpace).map((p) => `space: ${p.replaceAll('<', 'less than')}`);
      (value as SearchSpace).forEach((spec, i) => {
        const isFlag = FLAG_PARAMS.includes(spec.name);
        const flagOk =
          spec.kind === 'categorical'
            ? spec.choices.every((c) => c === 0 || c === 1)
            : spec.kind === 'int' && spec.low >= 0 && spec.high <= 1;
        if (isFlag && !flagOk) problems.push(`space[${i}]: "${spec.name}" is on/off, so it must choose among 0 and 1`);
        const outside = isFlag ? null : domainProblem(spec);
        if (outside) problems.push(`space[${i}]: ${outside}`);
      });
      return problems;
    }
    case 'scheduler': {
      const s = value as SchedulerSettings;
      const problems: string[] = [];
      if (s.minResource > s.maxResource)
        problems.push(`scheduler.minResource: expected at most maxResource (${s.maxResource}), got ${s.minResource}`);
      if (s.topK !== undefined && s.topK > s.numConfigs)
        problems.push(`scheduler.topK: expected at most numConfigs (${s.numConfigs}), got ${s.topK}`);
      // ASHA promotes one trial at a time as workers free up: there is no complete rung to predict over.
      if (s.promotion === 'metaModel' && s.kind === 'asha')
        problems.push(
          'scheduler.promotion: the meta-model rule ranks whole rungs, so it works with successiveHalving, hyperband and twoStep, not asha',
        );
      return problems;
    }
    case 'data': {
      const d = value as StudyData;
      const problems: string[] = [];
      if (d.maxTrainImages > 50000 - d.validationSize)
        problems.push(
          `data.maxTrainImages: expected at most 50000 - validationSize = ${50000 - d.validationSize}, got ${d.maxTrainImages}`,
        );
      if (d.evalImages > d.validationSize)
        problems.push(`data.evalImages: expected at most validationSize (${d.validationSize}), got ${d.evalImages}`);
      return problems;
    }
    default:
      return [];
  }
}

/** A field name fit to quote in a message, or a description of it. */
export const safeKey = (k: PropertyKey) =>
  typeof k === 'string' && /^[A-Za-z0-9_$]{1,40}$/.test(k) ? k : 'a field with an unusual name';

function pathText(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${safeKey(p)}`)).join('');
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let x = root;
  for (const p of path) {
    if (typeof x !== 'object' || x === null || !Object.hasOwn(x, p)) return undefined;
    x = (x as Record<PropertyKey, unknown>)[p];
  }
  return x;
}

function checkSection<K extends StudySection>(
  section: K,
  raw: unknown,
): { value?: StudyDefinition[K]; problems: string[] } {
  const parsed = SECTION_SCHEMAS[section].safeParse(raw);
  if (parsed.success) {
    const value = parsed.data as StudyDefinition[K];
    const problems = sectionChecks(section, value);
    return problems.length === 0 ? { value, problems } : { problems };
  }
  const problems = parsed.error.issues.map((issue) => {
    const where = pathText([section, ...issue.path]);
    if (issue.code === 'unrecognized_keys') return `${where}: unexpected field ${issue.keys.map(safeKey).join(', ')}`;
    return `${where}: ${issue.message}, got ${describeValue(valueAt(raw, issue.path))}`;
  });
  return { problems: [...new Set(problems)] };
}

/**
 * Every section of a current-version payload checked against its schema and its cross-field rules:
 * the valid sections, and a "path: message" problem for each invalid one and each unknown field.
 * The same rules for a share link (after migration), a stored record and a study from the page.
 */
export function checkSections(raw: Record<string, unknown>): { partial: Partial<StudyDefinition>; problems: string[] } {
  const problems: string[] = [];
  const partial: Record<string, unknown> = {};
  for (const section of STUDY_SECTIONS) {
    const checked = checkSection(section, Object.hasOwn(raw, section) ? raw[section] : undefined);
    if (checked.value !== undefined) partial[section] = checked.value;
    problems.push(...checked.problems);
  }
  const unknown = Object.keys(raw).filter((k) => k !== 'v' && !(STUDY_SECTIONS as readonly string[]).includes(k));
  if (unknown.length > 0) problems.push(`study: unexpected field ${unknown.map(safeKey).join(', ')}`);
  return { partial: partial as Partial<StudyDefinition>, problems };
}

/**
 * A zod failure as "path: message, got value" problems, the way a share link's are worded, for
 * files and records checked with other schemas (../study/studyStateSchema, ../metaModel/memory).
 */
export function issueProblems(issues: z.ZodError['issues'], raw: unknown, root: string): string[] {
  const problems = issues.map((issue) => {
    const rest = pathText(issue.path);
    const where = rest === '' || rest.startsWith('[') ? `${root}${rest}` : `${root}.${rest}`;
    if (issue.code === 'unrecognized_keys') return `${where}: unexpected field ${issue.keys.map(safeKey).join(', ')}`;
    return `${where}: ${issue.message}, got ${describeValue(valueAt(raw, issue.path))}`;
  });
  return [...new Set(problems)];
}
