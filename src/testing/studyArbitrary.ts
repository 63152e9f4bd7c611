// fast-check arbitraries over study definitions: valid studies (every parameter inside its domain,
// conditions on earlier categoricals) for round-trip properties, and hostile schedulers (subnormal
// minResource, reductionFactor at its floor, huge budgets) for the bounded-planning property.
import fc from 'fast-check';
import { PARAM_DOMAINS, type NumericParam } from '../core/searchSpace/paramDomains';
import type { ParamSpec } from '../core/searchSpace/searchSpace';
import { PARAM_NAMES } from '../core/study/studySchema';
import type { SchedulerSettings, StudyDefinition } from '../core/study/studyDefinition';

/** Doubles in [min, max] without -0. */
export const num = (min: number, max: number) => fc.double({ min, max, noNaN: true }).map((x) => x + 0);

const STRING_CHOICES: Partial<Record<ParamSpec['name'], (string | number)[]>> = {
  optimizer: ['adam', 'sgd', 'adamw'],
  lrSchedule: ['constant', 'step', 'cosine'],
  nesterov: [0, 1],
  batchNorm: [0, 1],
  augment: [0, 1],
};

/** A float, int or categorical spec whose values all lie in the parameter's domain. */
function numericSpec(name: NumericParam): fc.Arbitrary<ParamSpec> {
  const d = PARAM_DOMAINS[name];
  const lo = d.lowOpen ? d.low + (d.high - d.low) * 1e-9 : d.low;
  if (d.integer) {
    return fc.oneof(
      fc
        .tuple(
          fc.integer({ min: lo, max: d.high - 1 }),
          fc.integer({ min: 1, max: d.high }),
          fc.integer({ min: 1, max: 50 }),
        )
        .map(([low, width, step]): ParamSpec => ({
          kind: 'int',
          name,
          low,
          high: Math.min(d.high, low + width),
          step,
        })),
      fc
        .uniqueArray(fc.integer({ min: lo, max: d.high }), { minLength: 1, maxLength: 6 })
        .map((choices): ParamSpec => ({ kind: 'categorical', name, choices })),
    );
  }
  return fc.oneof(
    fc
      .tuple(num(lo, d.high), num(lo, d.high), fc.boolean())
      .filter(([a, b, log]) => a !== b && (!log || Math.min(a, b) > 0))
      .map(([a, b, log]): ParamSpec => ({ kind: 'float', name, low: Math.min(a, b), high: Math.max(a, b), log })),
    fc
      .uniqueArray(num(lo, d.high), { minLength: 1, maxLength: 6 })
      .map((choices): ParamSpec => ({ kind: 'categorical', name, choices })),
  );
}

const specFor = (name: ParamSpec['name']): fc.Arbitrary<ParamSpec> => {
  const choices = Object.hasOwn(STRING_CHOICES, name) ? STRING_CHOICES[name] : undefined;
  if (!choices) return numericSpec(name as NumericParam);
  return fc.subarray(choices, { minLength: 1 }).map((c): ParamSpec => ({ kind: 'categorical', name, choices: c }));
};

/** Random parameters in random order; each may be conditional on an earlier categorical. */
export const spaceArb = fc.shuffledSubarray([...PARAM_NAMES]).chain((names) =>
  fc
    .tuple(
      fc.tuple(...names.map(specFor)),
      fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: names.length, maxLength: names.length }),
    )
    .map(([specs, picks]) =>
      specs.map((spec, i): ParamSpec => {
        const parents = specs.slice(0, i).filter((s) => s.kind === 'categorical');
        const pick = picks[i][0] % (parents.length + 1);
        if (pick === parents.length) return spec;
        const parent = parents[pick] as Extract<ParamSpec, { kind: 'categorical' }>;
        return {
          ...spec,
          condition: { param: parent.name, equals: parent.choices[picks[i][1] % parent.choices.length] },
        };
      }),
    ),
);

export const fixedArb = fc.record(
  {
    channels: fc.integer({ min: 1, max: 1024 }),
    dropout: num(0, 0.95),
    optimizer: fc.constantFrom('adam' as const, 'sgd' as const, 'adamw' as const),
    nesterov: fc.constantFrom(0 as const, 1 as const),
    lrSchedule: fc.constantFrom('constant' as const, 'step' as const, 'cosine' as const),
    warmupEpochs: num(0, 1000),
    batchNorm: fc.constantFrom(0 as const, 1 as const),
    labelSmoothing: num(0, 0.9),
    augment: fc.constantFrom(0 as const, 1 as const),
    learningRate: num(1e-8, 10),
    momentum: num(0, 0.999),
    weightDecay: num(0, 1),
    batchSize: fc.integer({ min: 1, max: 4096 }),
    epochs: fc.integer({ min: 1, max: 1000 }),
  },
  { requiredKeys: [] },
);

const KINDS = ['successiveHalving', 'hyperband', 'asha', 'twoStep'] as const;
const RESOURCES = ['dataFraction', 'epochs', 'both'] as const;

export const schedulerArb: fc.Arbitrary<SchedulerSettings> = fc
  .record({
    kind: fc.constantFrom(...KINDS),
    numConfigs: fc.integer({ min: 1, max: 1000 }),
    reductionFactor: num(1.5, 10),
    lo: num(1e-6, 1),
    hi: num(1e-6, 1),
    resource: fc.constantFrom(...RESOURCES),
    k: fc.option(fc.nat(), { nil: undefined }),
  })
  .map(({ lo, hi, k, ...s }) => ({
    ...s,
    minResource: Math.min(lo, hi),
    maxResource: Math.max(lo, hi),
    ...(k === undefined ? {} : { topK: 1 + (k % s.numConfigs) }),
  }));

/** A fraction in (0, 1] as a link may carry it: subnormal, tiny powers of ten, or ordinary. */
export const hostileFractionArb = fc.oneof(
  fc.constantFrom(5e-324, 1e-320, 1e-310, 1e-200, 1e-9, 1e-4, 1 / 27, 1 / 3, 1),
  fc.integer({ min: 0, max: 323 }).map((e) => 10 ** -e),
  fc.double({ min: Number.MIN_VALUE, max: 1, noNaN: true }),
  num(1e-6, 1),
);

/** Scheduler settings inside the schema's field bounds, but with derived plans of every size. */
export const hostileSchedulerArb: fc.Arbitrary<SchedulerSettings> = fc
  .record({
    kind: fc.constantFrom(...KINDS),
    numConfigs: fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.constantFrom(1, 1000)),
    reductionFactor: fc.oneof(num(1.5, 10), fc.constantFrom(1.5, 1.5000000001, 2, 10)),
    lo: hostileFractionArb,
    hi: hostileFractionArb,
    resource: fc.constantFrom(...RESOURCES),
    k: fc.option(fc.nat(), { nil: undefined }),
  })
  .map(({ lo, hi, k, ...s }) => ({
    ...s,
    minResource: Math.min(lo, hi),
    maxResource: Math.max(lo, hi),
    ...(k === undefined ? {} : { topK: 1 + (k % s.numConfigs) }),
  }));

export const dataArb = fc.integer({ min: 10, max: 25000 }).chain((validationSize) =>
  fc.record({
    dataset: fc.constant('cifar10' as const),
    validationSize: fc.constant(validationSize),
    maxTrainImages: fc.integer({ min: 1, max: 50000 - validationSize }),
    evalImages: fc.integer({ min: 1, max: validationSize }),
  }),
);

const studyOf = (scheduler: fc.Arbitrary<SchedulerSettings>): fc.Arbitrary<StudyDefinition> =>
  fc.record({
    v: fc.constant(2 as const),
    name: fc.stringMatching(/^[A-Za-z0-9 _.,()+-]{1,64}$/),
    seed: fc.integer({ min: 0, max: 4294967295 }),
    space: spaceArb,
    fixed: fixedArb,
    sampler: fc.constantFrom('random' as const, 'halton' as const, 'grid' as const),
    scheduler,
    data: dataArb,
    readEvery: fc.integer({ min: 1, max: 10000 }),
  });

/** Studies every field of which passes the share-link schema. */
export const studyArb = studyOf(schedulerArb);
/** Studies whose fields pass the schema but whose derived plan may be of any size. */
export const hostileStudyArb = studyOf(hostileSchedulerArb);
