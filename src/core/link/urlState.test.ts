// Tests for urlState.ts: property-based round trips over random valid studies, the v1 -> v2
// migration on the presets, and a corpus of over 200 bad links that must all fail cleanly.
import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../study/presets';
import { DEFAULT_FIXED } from '../searchSpace/searchSpace';
import { studyArb } from '../../testing/studyArbitrary';
import { studyV1ToV2, type StudyDefinitionV1 } from './urlMigrations';
import { PARAM_NAMES } from '../study/studySchema';
import type { StudyDefinition } from '../study/studyDefinition';
import { completeStudy, decodeStudy, encodeStudy, MAX_LINK_CHARS, studyHash, type DecodeResult } from './urlState';

const SAFE = /^[A-Za-z0-9 _.,()+-]*$/;
const pack = (x: unknown) => LZString.compressToEncodedURIComponent(typeof x === 'string' ? x : JSON.stringify(x));

// ---- Invariants every decode must keep ----------------------------------------------------------
function expectSafe(result: DecodeResult): void {
  const text = JSON.stringify(result);
  expect(text).not.toContain('<');
  expect(text.toLowerCase()).not.toContain('javascript:');
  if (!result.ok) {
    expect(result.error.length).toBeGreaterThan(10);
    expect(result.problems.length).toBeGreaterThan(0);
  }
  const study = result.ok ? result.study : result.partial;
  const strings: string[] = [];
  JSON.stringify(study ?? {}, (_, v: unknown) => (typeof v === 'string' && strings.push(v), v));
  for (const s of strings) expect(s).toMatch(SAFE);
}

/** A link that still decodes must be a valid study: re-encoding it decodes to itself. */
function expectCleanOutcome(result: DecodeResult): void {
  expectSafe(result);
  if (result.ok) expect(decodeStudy(encodeStudy(result.study))).toEqual({ ok: true, study: result.study, notes: [] });
}

const SAMPLES = fc.sample(studyArb, { seed: 4242, numRuns: 40 });
const BASE = PRESETS[2].study;

/** A preset as a version-1 link carried it: no sampler, no scheduler.resource. */
function asV1(study: StudyDefinition): StudyDefinitionV1 {
  const { sampler: _sampler, scheduler, ...rest } = study;
  const { resource: _resource, topK: _topK, ...v1Scheduler } = scheduler;
  return { ...rest, v: 1, scheduler: { ...v1Scheduler, kind: 'successiveHalving' } };
}

describe('encodeStudy / decodeStudy round trip', () => {
  it('returns every valid study unchanged (property)', () => {
    fc.assert(
      fc.property(studyArb, (study) => {
        const link = studyHash(study);
        expect(link.length).toBeLessThan(MAX_LINK_CHARS);
        expect(decodeStudy(link)).toEqual({ ok: true, study, notes: [] });
        expect(decodeStudy(link.slice(1))).toEqual({ ok: true, study, notes: [] }); // "s=..." and bare payloads too
        expect(decodeStudy(encodeStudy(study))).toEqual({ ok: true, study, notes: [] });
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('knows exactly the TrialConfig parameter names', () => {
    expect([...PARAM_NAMES].sort()).toEqual(Object.keys(DEFAULT_FIXED).sort());
  });

  it('migrates v1 links (the presets) to v2 with a note', () => {
    for (const preset of PRESETS) {
      const result = decodeStudy(`#s=${pack(asV1(preset.study))}`);
      expect(studyV1ToV2(asV1(preset.study))).toEqual(preset.study);
      expect(result).toEqual({ ok: true, study: preset.study, notes: [expect.stringContaining('version 1')] });
      if (result.ok)
        expect(result.study).toMatchObject({ v: 2, sampler: 'random', scheduler: { resource: 'dataFraction' } });
    }
  });

  it('names the field, the rule and the value, and returns the valid sections', () => {
    const bad = { ...BASE, scheduler: { ...BASE.scheduler, reductionFactor: 0 } };
    const result = decodeStudy(`#s=${pack(bad)}`);
    expect(result).toMatchObject({
      ok: false,
      error: 'scheduler.reductionFactor: expected a number between 1.5 and 10, got 0',
    });
    if (result.ok) return;
    expect(Object.keys(result.partial ?? {}).sort()).toEqual([
      'data',
      'fixed',
      'name',
      'readEvery',
      'sampler',
      'seed',
      'space',
      'v',
    ]);
    expect(completeStudy(result.partial ?? {}, { ...BASE, name: 'fallback' })).toEqual(BASE);
    expect(decodeStudy(`#s=${pack({ ...BASE, v: 7 })}`)).toMatchObject({
      ok: false,
      error: expect.stringContaining('study format version 7'),
    });
    expect(decodeStudy(BASE.name)).toMatchObject({ ok: false, error: expect.stringContaining('could not decompress') });
  });
});

// ---- The bad-link corpus ------------------------------------------------------------------------
type Case = { label: string; link: string; mustFail: boolean };
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const SCRIPTS = [
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '" onerror="alert(1)',
  '<img src=x onerror=alert(1)>',
  'JaVaScRiPt:void(0)',
];

/** Sets a value at a dotted path in a deep copy of BASE (array indices as numbers). */
function withValue(path: (string | number)[], value: unknown): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(BASE)) as Record<string, unknown>;
  let x = copy as Record<string | number, unknown>;
  for (const p of path.slice(0, -1)) x = x[p] as Record<string | number, unknown>;
  x[path[path.length - 1]] = value;
  return copy;
}
/** Raw JSON text with a literal (e.g. 1e999) that JSON.stringify cannot produce. */
const withLiteral = (path: (string | number)[], literal: string) =>
  JSON.stringify(withValue(path, '@@LIT@@')).replace('"@@LIT@@"', literal);

function buildCorpus(): Case[] {
  const rng = fc.sample(fc.array(fc.nat(), { minLength: 2000, maxLength: 2000 }), { seed: 99, numRuns: 1 })[0];
  let r = 0;
  const next = (n: number) => rng[r++ % rng.length] % n;
  const cases: Case[] = [];
  SAMPLES.forEach((study, i) => {
    const link = encodeStudy(study);
    const json = JSON.stringify(study);
    cases.push({ label: `truncated ${i}`, link: `#s=${link.slice(0, 1 + next(link.length - 1))}`, mustFail: false });
    const flipped = link.split('');
    for (let k = 0; k <= next(3); k++) flipped[next(flipped.length)] = ALPHABET[next(ALPHABET.length)];
    cases.push({ label: `character-flipped ${i}`, link: `#s=${flipped.join('')}`, mustFail: false });
    const at = next(json.length);
    const bitFlipped =
      json.slice(0, at) + String.fromCharCode(json.charCodeAt(at) ^ (1 << next(7))) + json.slice(at + 1);
    cases.push({ label: `bit-flipped JSON ${i}`, link: `#s=${pack(bitFlipped)}`, mustFail: false });
  });
  cases.push(
    { label: 'oversized link', link: `#s=${'A'.repeat(MAX_LINK_CHARS + 1)}`, mustFail: true },
    { label: 'oversized bare payload', link: 'B'.repeat(20000), mustFail: true },
    {
      label: 'oversized after decompression',
      link: `#s=${pack(withValue(['name'], 'a'.repeat(70000)))}`,
      mustFail: true,
    },
    { label: 'whitespace bomb', link: `#s=${pack(JSON.stringify(BASE) + ' '.repeat(1e6))}`, mustFail: true },
    { label: 'deep nesting', link: `#s=${pack('['.repeat(30000) + ']'.repeat(30000))}`, mustFail: true },
  );
  for (const v of [3, 99, 0, -1, 1.5, '2', null, [2], true, 2 ** 53])
    cases.push({ label: `version ${JSON.stringify(v)}`, link: `#s=${pack(withValue(['v'], v))}`, mustFail: true });
  const { v: _v, ...noVersion } = BASE;
  cases.push({ label: 'no version', link: `#s=${pack(noVersion)}`, mustFail: true });
  const stringSpots: (string | number)[][] = [
    ['name'],
    ['sampler'],
    ['scheduler', 'kind'],
    ['scheduler', 'resource'],
    ['data', 'dataset'],
    ['space', 2, 'choices', 0],
    ['space', 4, 'condition', 'equals'],
    ['fixed', 'optimizer'],
    ['space', 0, 'name'],
    ['space', 1, 'kind'],
  ];
  for (const spot of stringSpots)
    for (const s of SCRIPTS)
      cases.push({ label: `script at ${spot.join('.')}`, link: `#s=${pack(withValue(spot, s))}`, mustFail: true });
  for (const s of SCRIPTS)
    cases.push({ label: 'script as a key', link: `#s=${pack({ ...BASE, [s]: 1 })}`, mustFail: true });
  const json = JSON.stringify(BASE);
  for (const [where, text] of [
    ['top', json.replace('{', '{"__proto__":{"polluted":true},')],
    ['scheduler', json.replace('"scheduler":{', '"scheduler":{"__proto__":{"polluted":true},')],
    ['fixed', json.replace('"fixed":{', '"fixed":{"__proto__":{"polluted":true},')],
    ['data', json.replace('"data":{', '"data":{"constructor":{"prototype":{"polluted":true}},')],
    ['space item', json.replace('"space":[{', '"space":[{"__proto__":{"polluted":true},')],
    ['condition', json.replace('"condition":{', '"condition":{"__proto__":{"polluted":true},')],
    ['top constructor', json.replace('{', '{"constructor":{"prototype":{"polluted":true}},')],
    ['prototype', json.replace('{', '{"prototype":{"polluted":true},')],
  ])
    cases.push({ label: `prototype keys in ${where}`, link: `#s=${pack(text)}`, mustFail: true });
  const numberSpots: (string | number)[][] = [
    ['seed'],
    ['scheduler', 'numConfigs'],
    ['scheduler', 'reductionFactor'],
    ['scheduler', 'minResource'],
    ['scheduler', 'maxResource'],
    ['data', 'validationSize'],
    ['readEvery'],
    ['space', 1, 'low'],
    ['fixed', 'epochs'],
  ];
  for (const spot of numberSpots) {
    for (const literal of ['1e999', '-1e999', '"NaN"', '"Infinity"', 'null', '"1"', 'true', '[]', '{}']) {
      cases.push({
        label: `${literal} at ${spot.join('.')}`,
        link: `#s=${pack(withLiteral(spot, literal))}`,
        mustFail: true,
      });
    }
  }
  for (const [section, value] of [
    ['space', {}],
    ['space', 'x'],
    ['fixed', []],
    ['fixed', 3],
    ['scheduler', null],
    ['data', 'cifar10'],
    ['name', 42],
    ['name', ''],
    ['sampler', 'sobol'],
    ['seed', -1],
    ['seed', 2.5],
    ['seed', 2 ** 32],
  ] as const) {
    cases.push({
      label: `wrong ${section} ${JSON.stringify(value)}`,
      link: `#s=${pack(withValue([section], value))}`,
      mustFail: true,
    });
  }
  for (const [path, value] of [
    [['scheduler', 'reductionFactor'], 1],
    [['scheduler', 'reductionFactor'], 11],
    [['scheduler', 'numConfigs'], 0],
    [['scheduler', 'numConfigs'], 1001],
    [['scheduler', 'numConfigs'], 2.5],
    [['scheduler', 'minResource'], 0],
    [['scheduler', 'maxResource'], 1.5],
    [['scheduler', 'maxResource'], 0.05],
    [['scheduler', 'topK'], 28],
    [['data', 'evalImages'], 6000],
    [['data', 'maxTrainImages'], 46000],
    [['data', 'validationSize'], 5],
    [['space', 1, 'low'], 0.5],
    [['space', 3, 'low'], -1],
    [['space', 0, 'name'], 'epochz'],
    [['space', 1, 'name'], 'nesterov'],
    [['space', 5, 'name'], 'channels'],
    [['space', 4, 'condition', 'equals'], 'rmsprop'],
    [['fixed', 'dropout'], 1],
    [['readEvery'], 0],
  ] as [(string | number)[], unknown][])
    cases.push({
      label: `out of range ${path.join('.')}=${String(value)}`,
      link: `#s=${pack(withValue(path, value))}`,
      mustFail: true,
    });
  for (const link of [
    '',
    '#',
    '#s=',
    '#x=1',
    '#s=%%%',
    '#s=%E0%A4%A',
    '#s=<script>',
    '#s=javascript:alert(1)',
    '#s=abc def',
    pack('not json'),
    pack('[1,2,3]'),
    pack('"a string"'),
    pack('42'),
    pack('null'),
    `#s=${'A'.repeat(300)}`,
  ]) {
    cases.push({ label: `garbage ${JSON.stringify(link.slice(0, 20))}`, link, mustFail: true });
  }
  return cases;
}

describe('decodeStudy on bad links', () => {
  const corpus = buildCorpus();

  it('has a corpus of at least 200 bad links', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
  });

  it('never throws, fails with a clear message or stays valid, and never lets markup through', () => {
    let failed = 0;
    for (const c of corpus) {
      let result: DecodeResult | undefined;
      expect(() => {
        result = decodeStudy(c.link);
      }, c.label).not.toThrow();
      if (!result) continue;
      if (c.mustFail) expect(result.ok, `${c.label}: ${JSON.stringify(result).slice(0, 200)}`).toBe(false);
      if (!result.ok) failed++;
      expectCleanOutcome(result);
    }
    expect(failed).toBeGreaterThan(corpus.length * 0.8);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(DEFAULT_FIXED).not.toHaveProperty('polluted');
  });

  it('explains each kind of failure', () => {
    const error = (link: string) => {
      const r = decodeStudy(link);
      return r.ok ? '' : r.error;
    };
    expect(error(`#s=${'A'.repeat(MAX_LINK_CHARS + 1)}`)).toMatch(
      /too long \(8193 characters; a study link has at most 8192\)/,
    );
    expect(error(`#s=${pack(withValue(['name'], 'a'.repeat(70000)))}`)).toMatch(
      /too large \(\d+ characters once decompressed; at most 65536\)/,
    );
    expect(error(`#s=${pack('{"v":2')}`)).toBe("The link's study is truncated or corrupt (not valid JSON)");
    expect(error(`#s=${pack(withValue(['v'], 3))}`)).toMatch(/newer version of the lab \(study format version 3\)/);
    expect(error(`#s=${pack(withValue(['name'], SCRIPTS[0]))}`)).toBe(
      'name: expected 1 to 64 characters of letters, digits, spaces and _ . , ( ) + -, got a string with disallowed characters',
    );
    expect(error(`#s=${pack(withLiteral(['seed'], '1e999'))}`)).toBe(
      'seed: expected a whole number between 0 and 4294967295, got Infinity',
    );
    expect(
      error(`#s=${pack(JSON.stringify(BASE).replace('"fixed":{', '"fixed":{"__proto__":{"polluted":true},'))}`),
    ).toBe('fixed: unexpected field __proto__');
    expect(error(`#s=${pack(withValue(['scheduler', 'maxResource'], 0.05))}`)).toBe(
      'scheduler.minResource: expected at most maxResource (0.05), got 0.1111111111111111',
    );
    expect(error(`#s=${pack(withValue(['space', 1, 'low'], 0.5))}`)).toBe(
      'space: param "dropout" needs low less than high, got low=0.5 high=0.3',
    );
    expect(error('#x=1')).toBe('The link has no study in it (expected #s=...)');
  });

  it('gives a note for anything beside or after the study, and refuses #S=', () => {
    const link = encodeStudy(BASE);
    expect(decodeStudy(`#s=${link}`)).toEqual({ ok: true, study: BASE, notes: [] });
    expect(decodeStudy(`#x=1&s=${link}`)).toEqual({
      ok: true,
      study: BASE,
      notes: ['The link also held x beside the study; it was ignored.'],
    });
    expect(decodeStudy(`#s=${link}&<b>=1`)).toMatchObject({
      ok: true,
      notes: ['The link also held a field with an unusual name beside the study; it was ignored.'],
    });
    expect(decodeStudy(`#s=${link}&s=${link}`)).toMatchObject({
      ok: true,
      notes: ['The link held 2 studies (s=); only the first was read.'],
    });
    // lz-string stops at its end-of-stream marker, so junk after a valid payload still decompresses.
    expect(decodeStudy(`#s=${link}AAAA`)).toEqual({
      ok: true,
      study: BASE,
      notes: ['The link had 4 extra characters after its study; they were ignored.'],
    });
    expect(decodeStudy(`#S=${link}`)).toMatchObject({
      ok: false,
      error: 'The link has no study in it (expected #s=...)',
    });
    expect(decodeStudy(`#x=1&y=${link}`)).toMatchObject({
      ok: false,
      error: 'The link has no study in it (expected #s=...)',
    });
  });

  it("checks each parameter's range against its domain (negative channels, dropout 5, learning rate 1e9)", () => {
    const problems = (path: (string | number)[], value: unknown) => {
      const r = decodeStudy(`#s=${pack(withValue(path, value))}`);
      return r.ok ? [] : r.problems;
    };
    // BASE's space: channels int 32..64, dropout float 0.1..0.3, optimizer, learningRate float log, momentum, weightDecay.
    expect(problems(['space', 0, 'low'], -16)).toEqual([
      'space[0]: "channels" ranges from -16 to 64, but channels must be a whole number between 1 and 1024',
    ]);
    expect(problems(['space', 1, 'high'], 5)).toEqual([
      'space[1]: "dropout" ranges from 0.1 to 5, but dropout must be a number between 0 and 0.95',
    ]);
    expect(problems(['space', 3, 'high'], 1e9)).toEqual([
      'space[3]: "learningRate" ranges from 0.0005 to 1000000000, but learningRate must be a number in (0, 10]',
    ]);
    expect(problems(['space', 0], { kind: 'float', name: 'channels', low: 16, high: 64, log: false })).toEqual([
      'space[0]: "channels" takes whole numbers, so it must be int or categorical, not float',
    ]);
    expect(problems(['space', 0], { kind: 'categorical', name: 'channels', choices: [16, 0] })).toEqual([
      'space[0]: "channels" has the choice 0, but channels must be a whole number between 1 and 1024',
    ]);
    expect(problems(['fixed', 'learningRate'], 0)).toEqual(['fixed.learningRate: expected a number in (0, 10], got 0']);
    expect(problems(['fixed', 'channels'], 2048)).toEqual([
      'fixed.channels: expected a whole number between 1 and 1024, got 2048',
    ]);
  });
});
