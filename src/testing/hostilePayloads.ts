// Hostile study payloads for the link corpus (./hostileLinks): study JSON around bad content
// (markup, prototype keys, extreme numbers, budgets no machine can run, plans that once froze the
// page), every payload validly compressed, so the decoder's validation is what must stop it.
import { PRESETS } from '../core/study/presets';
import type { Rng } from '../core/rng';
import { clone, MALICIOUS, pack, pick, type HostileLink, type Json } from './hostileText';

/** Study JSON around bad content, every payload validly compressed. */
export function hostilePayloads(rng: Rng): HostileLink[] {
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
