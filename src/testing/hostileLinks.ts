// A seeded corpus of hostile launch links (query and fragment) for the link tests in Node and in
// Chromium: garbled fragments, corrupted share links, malicious query values, and valid lz-string
// compression around bad content (markup, prototype keys, extreme numbers, budgets no machine can
// run, plans that once froze the page). Plus valid links, which must still open. Deterministic.
import LZString from 'lz-string';
import { PRESETS } from '../core/study/presets';
import { createRng, type Rng } from '../core/rng';
import { encodeStudy } from '../core/link/urlState';

export type HostileKind = 'garbled' | 'corrupted' | 'query' | 'payload' | 'valid';
export interface HostileLink {
  kind: HostileKind;
  label: string;
  search: string;
  hash: string;
}

/** Text that must never reach the page as markup, a URL scheme, or invisible reordering. */
export const MALICIOUS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload=window.__pwned=1>',
  "'-alert(1)-'",
  'javascript:window.__pwned=1',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '<a href="javascript:alert(1)">x</a>',
  'a\u202Egnp.exe',
  '\u2066tiny\u2069',
  'ti\u200Bny',
  'x\u0000y',
  'line\nbreak',
  '\u001b[31mred',
  'tab\there',
  '\uFEFFbom',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  '%3Cscript%3Ewindow.__pwned=1%3C/script%3E',
  '&#60;script&#62;',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  '\uD800',
  '\uDFFF\uD800',
  '😀'.repeat(30),
  'A'.repeat(5000),
  '',
  ' ',
  'ＴＩＮＹ',
  'tiny ',
  'TINY',
] as const;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const WIDE = `${ALPHABET}%&=#?/\\<>"'\` .:;!@^*()[]{}|~\u0000\u0007\u001b\u202E\u2066\u200B\uFEFF\u00e9\u4e2d😀\uD800`;
const pack = (json: string) => LZString.compressToEncodedURIComponent(json);
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.nextInt(xs.length)];
const randomText = (rng: Rng, alphabet: string, length: number) =>
  Array.from({ length }, () => alphabet[rng.nextInt(alphabet.length)]).join('');
/** A query value as a link carries it: raw, or percent-encoded (URLSearchParams decodes both). */
function q(rng: Rng, value: string): string {
  const raw = value.replace(/[\ud800-\udfff]/g, '%ED%A0%80'); // a lone surrogate, as a URL carries it (encodeURIComponent throws on it)
  return rng.next() < 0.5 && raw === value ? encodeURIComponent(value) : raw.replace(/[&#\s]/g, encodeURIComponent);
}

function garbled(rng: Rng): HostileLink[] {
  const out: HostileLink[] = [];
  const prefixes = ['#s=', '#S=', '#', '#x=1&s=', '#s=&s=', '#s', '#s==', '##s=', '#%73=', ''];
  for (let i = 0; i < 320; i++) {
    const length = pick(rng, [0, 1, 3, 16, 64, 300, 2000]);
    const body = randomText(rng, i % 2 === 0 ? ALPHABET : WIDE, length);
    out.push({ kind: 'garbled', label: `garbled ${i}`, search: '', hash: `${pick(rng, prefixes)}${body}` });
  }
  out.push({ kind: 'garbled', label: 'oversized fragment', search: '', hash: `#s=${'A'.repeat(9000)}` });
  out.push({ kind: 'garbled', label: 'oversized query', search: `?preset=${'x'.repeat(5000)}`, hash: '' });
  return out;
}

function corrupted(rng: Rng): HostileLink[] {
  const out: HostileLink[] = [];
  for (let i = 0; i < 220; i++) {
    const link = encodeStudy(pick(rng, PRESETS).study);
    let payload = link;
    switch (i % 8) {
      case 0:
        payload = link.slice(0, 1 + rng.nextInt(link.length - 1));
        break;
      case 1: {
        const a = link.split('');
        for (let k = 0; k < 1 + rng.nextInt(4); k++) a[rng.nextInt(a.length)] = pick(rng, ALPHABET.split(''));
        payload = a.join('');
        break;
      }
      case 2:
        payload = link + randomText(rng, ALPHABET, 1 + rng.nextInt(40));
        break;
      case 3:
        payload = `${link}&s=${link.slice(0, 20)}`;
        break;
      case 4:
        payload = link.replace(/\+/g, ' ');
        break;
      case 5:
        payload = encodeURIComponent(link).replace(/%/g, rng.next() < 0.5 ? '%' : '%25');
        break;
      case 6: {
        const at = rng.nextInt(link.length);
        payload = link.slice(0, at) + randomText(rng, WIDE, 1 + rng.nextInt(3)) + link.slice(at);
        break;
      }
      case 7:
        payload = link.split('').reverse().join('');
        break;
    }
    const prefix = i % 11 === 0 ? '#x=1&s=' : i % 13 === 0 ? '#S=' : '#s=';
    out.push({ kind: 'corrupted', label: `corrupted ${i} (${i % 8})`, search: '', hash: `${prefix}${payload}` });
  }
  return out;
}

function query(rng: Rng): HostileLink[] {
  const out: HostileLink[] = [];
  const params = ['preset', 'backend', 'view', 'hide', 'lock', 'debug'];
  for (const param of params) {
    for (const value of MALICIOUS)
      out.push({
        kind: 'query',
        label: `?${param}=${JSON.stringify(value.slice(0, 20))}`,
        search: `?${param}=${q(rng, value)}`,
        hash: '',
      });
  }
  for (let i = 0; i < 40; i++) {
    const parts = Array.from(
      { length: 1 + rng.nextInt(6) },
      () => `${pick(rng, [...params, 'Preset', '__proto__', 'constructor', 's'])}=${q(rng, pick(rng, MALICIOUS))}`,
    );
    out.push({
      kind: 'query',
      label: `mixed query ${i}`,
      search: `?${parts.join('&')}`,
      hash: rng.next() < 0.3 ? `#s=${encodeStudy(PRESETS[0].study)}` : '',
    });
  }
  out.push({
    kind: 'query',
    label: 'hide list of prototype names',
    search: '?hide=__proto__,constructor,toString,settings',
    hash: '',
  });
  return out;
}

type Json = Record<string, unknown>;
const clone = (x: unknown) => JSON.parse(JSON.stringify(x)) as Json;

/** Study JSON around bad content, every payload validly compressed. */
function payloads(rng: Rng): HostileLink[] {
  const out: HostileLink[] = [];
  const add = (label: string, json: string, search = '') =>
    out.push({ kind: 'payload', label, search, hash: `#s=${pack(json)}` });
  const base = () => clone(pick(rng, PRESETS).study);
  const at = (study: Json, path: (string | number)[], value: unknown) => {
    let x = study as Record<string | number, unknown>;
    for (const p of path.slice(0, -1)) x = x[p] as Record<string | number, unknown>;
    x[path[path.length - 1]] = value;
    return study;
  };
  const strings: (string | number)[][] = [
    ['name'],
    ['sampler'],
    ['scheduler', 'kind'],
    ['scheduler', 'resource'],
    ['data', 'dataset'],
    ['fixed', 'optimizer'],
    ['scheduler', 'promotion'],
  ];
  for (const path of strings)
    for (const m of MALICIOUS.slice(0, 16)) add(`markup at ${path.join('.')}`, JSON.stringify(at(base(), path, m)));
  for (const m of ['<b>x</b>', '__proto__', 'constructor', 'javascript:x'])
    add(`markup as a key ${m}`, JSON.stringify({ ...base(), [m]: 1 }));
  // JSON escapes decode into markup only after parsing.
  add(
    'escaped markup in name',
    JSON.stringify(base()).replace(
      /"name":"[^"]*"/,
      '"name":"\\u003cscript\\u003ewindow.__pwned=1\\u003c/script\\u003e"',
    ),
  );
  add('lone surrogate in name', JSON.stringify(base()).replace(/"name":"[^"]*"/, '"name":"\\ud800x"'));
  for (const section of ['', '"scheduler":{', '"fixed":{', '"data":{', '"space":[{']) {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const json = JSON.stringify(base());
      const target = section === '' ? '{' : section;
      add(
        `${key} in ${section || 'top'}`,
        json.replace(target, `${target}"${key}":{"polluted":true,"prototype":{"polluted":true}},`),
      );
    }
  }
  const numbers: (string | number)[][] = [
    ['seed'],
    ['scheduler', 'numConfigs'],
    ['scheduler', 'reductionFactor'],
    ['scheduler', 'minResource'],
    ['scheduler', 'maxResource'],
    ['data', 'maxTrainImages'],
    ['data', 'validationSize'],
    ['data', 'evalImages'],
    ['readEvery'],
    ['fixed', 'epochs'],
    ['fixed', 'channels'],
    ['fixed', 'batchSize'],
    ['fixed', 'learningRate'],
    ['fixed', 'dropout'],
  ];
  const literals = [
    '1e999',
    '-1e999',
    '5e-324',
    '1e-320',
    '-0',
    '9007199254740993',
    '1e308',
    '"NaN"',
    '"Infinity"',
    'null',
    'true',
    '[]',
    '{}',
    '"1"',
    '0x10',
    '1_000',
  ];
  for (const path of numbers)
    for (const lit of literals) {
      const json = JSON.stringify(at(base(), path, '@@LIT@@')).replace('"@@LIT@@"', lit);
      add(`${lit} at ${path.join('.')}`, json);
    }
  // Plans and budgets no machine can run, and the plans that froze the page.
  const budgets: [string, (s: Json) => Json][] = [
    [
      'hyperband minResource 5e-324',
      (s) =>
        at(
          at(at(s, ['scheduler', 'kind'], 'hyperband'), ['scheduler', 'reductionFactor'], 1.5),
          ['scheduler', 'minResource'],
          5e-324,
        ),
    ],
    [
      'hyperband minResource 1e-9',
      (s) =>
        at(
          at(at(s, ['scheduler', 'kind'], 'hyperband'), ['scheduler', 'reductionFactor'], 1.5),
          ['scheduler', 'minResource'],
          1e-9,
        ),
    ],
    [
      'hyperband minResource 1e-4',
      (s) =>
        at(
          at(at(s, ['scheduler', 'kind'], 'hyperband'), ['scheduler', 'reductionFactor'], 1.5),
          ['scheduler', 'minResource'],
          1e-4,
        ),
    ],
    ['asha minResource 1e-320', (s) => at(at(s, ['scheduler', 'kind'], 'asha'), ['scheduler', 'minResource'], 1e-320)],
    ['successive halving 5e-324', (s) => at(s, ['scheduler', 'minResource'], 5e-324)],
    [
      'channels 1024 batch 4096',
      (s) => at(at(at(s, ['fixed', 'channels'], 1024), ['fixed', 'batchSize'], 4096), ['space'], []),
    ],
    [
      '1000 x 45,000 x 1000 epochs',
      (s) =>
        at(
          at(
            at(at(s, ['scheduler', 'numConfigs'], 1000), ['fixed', 'epochs'], 1000),
            ['data', 'maxTrainImages'],
            45000,
          ),
          ['data', 'validationSize'],
          5000,
        ),
    ],
    [
      'demo2 name, years of work',
      (s) =>
        at(
          at(at(at(s, ['name'], 'demo2'), ['scheduler', 'numConfigs'], 1000), ['fixed', 'epochs'], 1000),
          ['data', 'maxTrainImages'],
          40000,
        ),
    ],
    [
      'negative channels range',
      (s) => at(s, ['space'], [{ kind: 'int', name: 'channels', low: -64, high: 64, step: 16 }]),
    ],
    ['dropout up to 5', (s) => at(s, ['space'], [{ kind: 'float', name: 'dropout', low: 0, high: 5, log: false }])],
    [
      'learning rate up to 1e9',
      (s) => at(s, ['space'], [{ kind: 'float', name: 'learningRate', low: 1e-4, high: 1e9, log: true }]),
    ],
    [
      'grid over conditional parents',
      (s) =>
        at(
          at(at(s, ['sampler'], 'grid'), ['scheduler', 'numConfigs'], 1000),
          ['space'],
          [
            { kind: 'categorical', name: 'optimizer', choices: ['adam', 'sgd', 'adamw'] },
            ...['channels', 'batchSize', 'epochs'].map((name) => ({
              kind: 'categorical',
              name,
              choices: Array.from({ length: 64 }, (_, i) => i + 1),
            })),
            {
              kind: 'float',
              name: 'momentum',
              low: 0,
              high: 0.9,
              log: false,
              condition: { param: 'optimizer', equals: 'sgd' },
            },
            {
              kind: 'float',
              name: 'dropout',
              low: 0,
              high: 0.9,
              log: false,
              condition: { param: 'channels', equals: 3 },
            },
            {
              kind: 'float',
              name: 'weightDecay',
              low: 0,
              high: 0.9,
              log: false,
              condition: { param: 'batchSize', equals: 3 },
            },
          ],
        ),
    ],
    [
      'space of 10,000 parameters',
      (s) =>
        at(
          s,
          ['space'],
          Array.from({ length: 10000 }, () => ({ kind: 'int', name: 'channels', low: 1, high: 2, step: 1 })),
        ),
    ],
    [
      '64 choices of markup',
      (s) => at(s, ['space'], [{ kind: 'categorical', name: 'optimizer', choices: MALICIOUS.slice(0, 12) }]),
    ],
    ['version 3', (s) => at(s, ['v'], 3)],
    ['version 1 with a v2 scheduler', (s) => at(s, ['v'], 1)],
  ];
  for (const [label, mutate] of budgets)
    for (let k = 0; k < 4; k++)
      add(`${label} (${k})`, JSON.stringify(mutate(base())), k === 3 ? `?preset=${pick(rng, PRESETS).id}&lock=1` : '');
  add('deep nesting', '['.repeat(20000) + ']'.repeat(20000));
  add('huge string', JSON.stringify({ ...base(), name: 'a'.repeat(60000) }));
  add('whitespace bomb', JSON.stringify(base()) + ' '.repeat(200000));
  for (const raw of ['null', '42', '"x"', '[]', 'true', '{}', '{"v":2}', '{"v":{"valueOf":1}}', '{"v":"2"}'])
    add(`bare ${raw}`, raw);
  return out;
}

function valid(rng: Rng): HostileLink[] {
  const out: HostileLink[] = PRESETS.map((p) => ({
    kind: 'valid' as const,
    label: `preset ${p.id} as a link`,
    search: '',
    hash: `#s=${encodeStudy(p.study)}`,
  }));
  for (const p of PRESETS)
    out.push({
      kind: 'valid',
      label: `?preset=${p.id}`,
      search: `?preset=${p.id}&view=${rng.next() < 0.5 ? 'lab' : 'present'}&hide=settings,library&lock=1`,
      hash: '',
    });
  for (let i = 0; i < 40; i++) {
    const study = clone(pick(rng, PRESETS).study);
    study.seed = rng.nextInt(1_000_000);
    study.name = `custom ${i}`;
    (study.scheduler as Json).numConfigs = 1 + rng.nextInt(30);
    out.push({
      kind: 'valid',
      label: `custom study ${i}`,
      search: rng.next() < 0.3 ? '?backend=wasm' : '',
      hash: `#s=${encodeStudy(study as never)}`,
    });
  }
  return out;
}

/** The corpus: over 1,000 links, the same every time for a seed. */
export function hostileLinks(seed = 2026): HostileLink[] {
  const rng = createRng(seed);
  return [...garbled(rng), ...corrupted(rng), ...query(rng), ...payloads(rng), ...valid(rng)];
}

/** What no notice, label or study string may contain: markup, a URL scheme, control, bidi or invisible characters, lone surrogates. */
export const UNSAFE_ECHO =
  /[<>]|javascript:|data:text|[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udfff]/i;

/** What tfjs does with the page's query when it loads (its environment's getQueryParams): it throws on a malformed escape. */
export const tfjsQueryParams = (search: string): string =>
  search.replace(
    /[?&]([^=?&]+)(?:=([^&]*))?/g,
    (_, k: string, v?: string) => `${decodeURIComponent(k)}=${decodeURIComponent(v ?? '')}`,
  );
