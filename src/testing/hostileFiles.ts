// The hostile import-file corpus: malformed and adversarial files of every kind the lab imports,
// derived from valid seeds (./hostileFileSeeds) by seeded mutations (out-of-domain numbers, wrong
// types, dangling ids, huge strings, deep nesting, prototype keys, truncations, wrong versions,
// ragged CSV rows, quote bombs, huge row counts), plus valid variants that must still be accepted.
// Deterministic: one seed gives one corpus. The few files of many MiB come from largeHostileFiles.
import { createRng, deriveSeed, type Rng } from '../core/rng';
import { FILE_KINDS, seedText, type FileKind, type Json } from './hostileFileSeeds';
import { csvMutations } from './hostileCsvFiles';

export interface HostileFile {
  kind: FileKind;
  label: string;
  /** A file name for the page's file input. */
  name: string;
  text: string;
  /** A valid variant: the import must accept it. */
  mustAccept: boolean;
}

type Path = (string | number)[];
const MARK = '\u0000HOSTILE\u0000';
const MARK_JSON = JSON.stringify(MARK);
export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.nextInt(xs.length)];

/** Raw JSON literals put where a value was: out-of-domain numbers, JSON's non-numbers, wrong types. */
export const HOSTILE_LITERALS = [
  '-1e308',
  '1e308',
  '1e309',
  '-1e309',
  '-1',
  '0',
  '-0',
  '1.5',
  '2',
  '1e9',
  '5e-324',
  '9007199254740993',
  '0.5',
  '1e-9',
  '"NaN"',
  '"Infinity"',
  '"12"',
  'null',
  'true',
  'false',
  '{}',
  '[]',
  '""',
  '"<script>window.__pwned=1</script>"',
  '{"__proto__":{"polluted":true}}',
  `"${'A'.repeat(70_000)}"`,
  `"${'B'.repeat(500)}"`,
  `${'['.repeat(30)}1${']'.repeat(30)}`,
];

const isObj = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const clone = (x: unknown) => JSON.parse(JSON.stringify(x)) as Json;
const extension = (kind: FileKind) => (kind.endsWith('csv') ? 'csv' : 'json');
const showPath = (p: Path) =>
  p
    .map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`))
    .join('')
    .slice(1);

/** Every leaf's path (the first three items of each list), in document order. */
function leaves(x: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(x)) x.slice(0, 3).forEach((v, i) => leaves(v, [...path, i], out));
  else if (isObj(x)) for (const k of Object.keys(x)) leaves(x[k], [...path, k], out);
  else out.push(path);
  return out;
}
function objects(x: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(x)) x.slice(0, 2).forEach((v, i) => objects(v, [...path, i], out));
  else if (isObj(x)) {
    out.push(path);
    for (const k of Object.keys(x)) objects(x[k], [...path, k], out);
  }
  return out;
}
function get(x: unknown, path: Path): unknown {
  let v = x;
  for (const k of path) v = (v as Record<string | number, unknown>)?.[k];
  return v;
}
function set(x: Json, path: Path, value: unknown): Json {
  const parent = get(x, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1]] = value;
  return x;
}
/** The document with one value replaced by a raw JSON literal (which JSON.stringify could not write: 1e309). */
function withLiteral(doc: Json, path: Path, literal: string): string {
  return JSON.stringify(set(clone(doc), path, MARK)).replace(MARK_JSON, literal);
}

/** Paths the issue names for each JSON kind: the parameters, accuracies, losses, ids and versions. */
function targets(kind: FileKind, doc: Json): Path[] {
  const params = ['channels', 'dropout', 'learningRate', 'momentum', 'weightDecay', 'batchSize', 'epochs'];
  switch (kind) {
    case 'study-v2':
    case 'study-v1': {
      const curveId = Object.keys(doc.curves as Json)[0];
      const probeId = Object.keys((doc.probes as Json) ?? {})[0];
      return [
        ...params.map((p) => ['state', 'configs', 0, p]),
        ...['valAccuracy', 'configId', 'epochs', 'dataFraction', 'resource', 'valLoss', 'resumeFrom', 'trialId'].map(
          (f) => ['state', 'trials', 1, f],
        ),
        ['state', 'plan', 0, 'numTrials'],
        ['state', 'plan', 1, 'resource'],
        ['state', 'brackets', 0, 'configIds', 0],
        ['state', 'rung'],
        ['state', 'definition', 'fixed', 'epochs'],
        ['state', 'definition', 'scheduler', 'numConfigs'],
        ...['loss', 'step', 'accuracy', ...(kind === 'study-v2' ? ['epoch'] : [])].map((f) => [
          'curves',
          curveId,
          1,
          f,
        ]),
        ...(probeId
          ? [
              ['probes', probeId, 'loss'],
              ['probes', probeId, 'gradientNorm'],
              ['initGradientNorms', probeId],
            ]
          : []),
        ['createdAt'],
        ['v'],
      ];
    }
    case 'optuna-v2':
      return [
        ...params.map((p) => ['trials', 0, 'params', p]),
        ['trials', 0, 'intermediate', '1'],
        ['trials', 0, 'number'],
        ['trials', 1, 'retrains'],
        ['trials', 0, 'rungs', 0, 'valLoss'],
        ['trials', 0, 'rungs', 0, 'durationMs'],
        ['trials', 0, 'rungs', 0, 'step'],
        ['trials', 0, 'rungs', 0, 'curve', 0, 0],
        ['trials', 0, 'rungs', 0, 'curve', 0, 2],
        ['trials', 0, 'rungs', 0, 'curve', 1],
        ['version'],
      ];
    case 'optuna-v1':
      return [
        ...params.map((p) => ['trials', 0, 'params', p]),
        ['trials', 1, 'value'],
        ['trials', 1, 'state'],
        ['version'],
      ];
    case 'memory':
      return [
        ...params.map((p) => ['examples', 0, 'config', p]),
        ['examples', 0, 'fullAccuracy'],
        ['examples', 0, 'observations', 0, 'valAccuracy'],
        ['examples', 0, 'observations', 0, 'valLoss'],
        ['examples', 0, 'observations', 0, 'resource'],
        ['examples', 0, 'fidelity', 'trainImages'],
        ['examples', 0, 'source', 'configId'],
        ['v'],
      ];
    default:
      return [];
  }
}

/** Ids that point at nothing, per kind. */
function danglingIds(kind: FileKind, doc: Json): [string, Json][] {
  const out: [string, Json][] = [];
  if (kind.startsWith('study')) {
    const state = doc.state as { configs: unknown[]; trials: Json[] };
    const n = state.configs.length,
      t = state.trials.length;
    for (const id of [n, n + 5, 99_999])
      out.push([`trials[2].configId = ${id}`, set(clone(doc), ['state', 'trials', 2, 'configId'], id)]);
    out.push([`trials[2].resumeFrom = ${t}`, set(clone(doc), ['state', 'trials', 2, 'resumeFrom'], t)]);
    out.push(['trials[0].resumeFrom = 0 (itself)', set(clone(doc), ['state', 'trials', 0, 'resumeFrom'], 0)]);
    out.push([`curves key ${t}`, set(clone(doc), ['curves', String(t)], [])]);
    out.push(['curves key -1', set(clone(doc), ['curves', '-1'], [])]);
    out.push(['curves key 1.5', set(clone(doc), ['curves', '1.5'], [])]);
    out.push([`brackets[0].configIds[0] = ${n}`, set(clone(doc), ['state', 'brackets', 0, 'configIds', 0], n)]);
    out.push(['trials[1] duplicated', set(clone(doc), ['state', 'trials', 1], state.trials[0])]);
    if (kind === 'study-v2') out.push([`probes key ${t + 1}`, set(clone(doc), ['probes', String(t + 1)], {})]);
  } else if (kind === 'optuna-v2') {
    out.push(['trials[1].retrains = 999', set(clone(doc), ['trials', 1, 'retrains'], 999)]);
    out.push(['trials[1].retrains = 1 (itself)', set(clone(doc), ['trials', 1, 'retrains'], 1)]);
    out.push(['trials[0].intermediate step 2 (not a rung)', set(clone(doc), ['trials', 0, 'intermediate', '2'], 0.3)]);
    out.push(['trials[1].number = trials[0].number', set(clone(doc), ['trials', 1, 'number'], 0)]);
    out.push(['trials[0].rungs[0].step = 7', set(clone(doc), ['trials', 0, 'rungs', 0, 'step'], 7)]);
  } else if (kind === 'memory') {
    out.push(['examples[0].source.configId = 1e9', set(clone(doc), ['examples', 0, 'source', 'configId'], 1e9)]);
  }
  return out;
}

/** Valid variants of a JSON file: the importer must accept every one. */
function validJson(text: string, doc: Json): [string, string][] {
  const reversed = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.map(reversed)
      : isObj(x)
        ? Object.fromEntries(
            Object.keys(x)
              .reverse()
              .map((k) => [k, reversed(x[k])]),
          )
        : x;
  return [
    ['as written', text],
    ['with a byte-order mark', `\uFEFF${text}`],
    ['surrounded by whitespace', `\n  ${text}\n\n`],
    ['pretty-printed', JSON.stringify(doc, null, 2)],
    ['keys in reverse order', JSON.stringify(reversed(doc))],
    ['CRLF pretty-printed', JSON.stringify(doc, null, 1).replace(/\n/g, '\r\n')],
  ];
}

function jsonMutations(
  kind: FileKind,
  seed: number,
  rng: Rng,
  add: (label: string, text: string, ok?: boolean) => void,
) {
  const text = seedText(kind, seed);
  const doc = JSON.parse(text) as Json;
  for (const [label, t] of validJson(text, doc)) add(`valid, ${label}`, t, true);
  // 1. Out-of-domain numbers and wrong types, where the issue saw them and anywhere else.
  const named = targets(kind, doc).filter((p) => get(doc, p) !== undefined || p.length === 1);
  for (const p of named)
    for (const literal of HOSTILE_LITERALS.filter(() => rng.next() < 0.3))
      add(`${showPath(p)} = ${literal.slice(0, 24)}`, withLiteral(doc, p, literal));
  const all = leaves(doc);
  for (let i = 0; i < 40; i++) {
    const p = pick(rng, all);
    const literal = pick(rng, HOSTILE_LITERALS);
    add(`${showPath(p)} = ${literal.slice(0, 24)}`, withLiteral(doc, p, literal));
  }
  // 2. Dangling ids, missing fields, prototype keys.
  for (const [label, d] of danglingIds(kind, doc)) add(label, JSON.stringify(d));
  const objs = objects(doc);
  for (let i = 0; i < 6; i++) {
    const p = pick(rng, objs);
    const o = get(doc, p) as Json;
    const keys = Object.keys(o);
    if (keys.length === 0) continue;
    const k = pick(rng, keys);
    const d = clone(doc);
    delete (get(d, p) as Json)[k];
    add(`${showPath([...p, k]) || k} removed`, JSON.stringify(d));
  }
  for (const key of ['__proto__', 'constructor', 'prototype']) {
    for (let i = 0; i < 3; i++) {
      const p = i === 0 ? [] : pick(rng, objs);
      const d = clone(doc);
      (get(d, p) as Json)['\u0000KEY\u0000'] = { polluted: true, prototype: { polluted: true } };
      add(`${key} key in ${showPath(p) || 'the top'}`, JSON.stringify(d).replace('"\\u0000KEY\\u0000"', `"${key}"`));
    }
  }
  // 3. Versions.
  const versionKey = kind.startsWith('optuna') ? 'version' : 'v';
  for (const v of ['0', '3', '99', '"2"', '1.5', 'null', '-1', '1e309', '2.0000000000000001'])
    add(`${versionKey} = ${v}`, withLiteral(doc, [versionKey], v));
  if (kind.startsWith('study')) add('definition.v = 9', withLiteral(doc, ['state', 'definition', 'v'], '9'));
  if (kind === 'optuna-v2' || kind === 'optuna-v1')
    add('format missing', JSON.stringify({ ...doc, format: undefined }));
  if (kind === 'memory') add("kind = 'other'", JSON.stringify({ ...doc, kind: 'other' }));
  // 4. Broken text: truncations, other JSON, nesting, sizes.
  for (const f of [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99])
    add(`truncated at ${f * 100}%`, text.slice(0, Math.floor(text.length * f)));
  add('truncated by one character', text.slice(0, -1));
  for (const other of [
    '',
    ' ',
    'null',
    'true',
    '0',
    '[]',
    '{}',
    '"text"',
    '[1, 2',
    'NaN',
    '\u0000',
    '\uFEFF',
    '{"a":1}{"b":2}',
  ])
    add(`the file is ${JSON.stringify(other)}`, other);
  add('wrapped in a list', `[${text}]`);
  add('two copies', `${text}${text}`);
  add('nested 100,000 deep', `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
  add('nested 30 deep at a leaf', withLiteral(doc, pick(rng, all), `${'{"a":'.repeat(30)}1${'}'.repeat(30)}`));
  add('a 2 MiB string at a leaf', withLiteral(doc, pick(rng, all), `"${'x'.repeat(2 ** 21)}"`));
  add('binary bytes', String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i)));
  add('a lone surrogate in a string', text.replace(/"([a-z]{3,})"/, '"\\ud800$1"'));
}

/** The corpus: every kind from three seeds each, about 2,000 files, none larger than a few MiB. */
export function hostileFiles(seed = 2026): HostileFile[] {
  const out: HostileFile[] = [];
  for (const kind of FILE_KINDS) {
    const rng = createRng(deriveSeed(seed, 'hostileFiles', kind));
    for (const s of [1, 2, 3]) {
      const add = (label: string, text: string, ok = false) =>
        out.push({
          kind,
          label: `${kind} (seed ${s}): ${label}`,
          name: `${kind}-${out.length}.${extension(kind)}`,
          text,
          mustAccept: ok,
        });
      if (kind.endsWith('csv')) csvMutations(kind, seedText(kind, s), rng, add);
      else jsonMutations(kind, s, rng, add);
    }
  }
  return out;
}

/** Files of many MiB: a 30 MiB quote bomb, too many rows, a file over the size limit, a deep nest. */
export function largeHostileFiles(): HostileFile[] {
  const file = (kind: FileKind, label: string, text: string, mustAccept = false): HostileFile => ({
    kind,
    label: `${kind}: ${label}`,
    name: `${kind}-large-${label.replace(/[^a-z0-9]+/gi, '-')}.${extension(kind)}`,
    text,
    mustAccept,
  });
  const csv = seedText('optuna-csv', 1).split('\n');
  const row = csv[2];
  return [
    file('optuna-csv', 'one quoted cell of quotes, 30 MiB', `number,value\n0,"${'"'.repeat(30 * 2 ** 20)}\n`),
    file('optuna-csv', 'a 30 MiB file of quotes', '"'.repeat(30 * 2 ** 20)),
    file('lab-csv', '100,002 rows', [csv[0], ...Array.from({ length: 100_002 }, () => row)].join('\n')),
    file(
      'optuna-csv',
      '1,000 valid rows',
      [csv[0], ...Array.from({ length: 1000 }, (_, i) => row.replace(/^1,1,/, `${i},${i},`))].join('\n'),
      true,
    ),
    file(
      'optuna-csv',
      '20,000 rows, more than a study has',
      [csv[0], ...Array.from({ length: 20_000 }, (_, i) => row.replace(/^1,1,/, `${i},${i},`))].join('\n'),
    ),
    file('study-v2', 'over the size limit, 65 MiB', ' '.repeat(65 * 2 ** 20)),
    file('memory', 'nested 5 million deep', '['.repeat(5_000_000)),
  ];
}
