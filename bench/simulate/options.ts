// Command-line options of bench:simulate, validated with precise messages.
import { parseArgs } from 'node:util';
import { DEFAULT_SIMULATION } from '../../src/core/groundTruth/simulateStudies';
import type { SimulationRequest } from '../../src/core/groundTruth/simulationReport';
import { PROMOTION_RULES } from '../../src/core/groundTruth/replayPromotion';
import { REPLAY_SCHEDULERS } from '../../src/core/groundTruth/replayPlans';
import type { PromotionGuard } from '../../src/core/study/studyDefinition';
import { DEFAULT_TABLE_PATH } from '../table/tableFile';

/** What the simulator is asked (SimulationRequest), plus where the table comes from and how to print. */
export interface SimulateOptions extends SimulationRequest {
  table: string;
  /** Replay the synthetic test fixture (src/testing) instead of a table file. */
  fixture: boolean;
  json: boolean;
}

export const USAGE = `npm run bench:simulate [-- --json] [--table file | --fixture] [--studies 10000] [--meta-studies 1000 (rules that refit per study)]
  [--pool 9,27] [--seed 2026] [--schedulers ${REPLAY_SCHEDULERS.join(',')}] [--rules ${PROMOTION_RULES.join(',')}]
  [--guard count|cvGate|none] [--candidates ridge|all] [--min-examples 8] [--bootstrap 1000]
  [--table-bootstrap 100] [--table-bootstrap-studies 50]`;

function fail(message: string): never {
  console.error(`${message}\nusage: ${USAGE}`);
  process.exit(2);
}

const int = (name: string, raw: string, min: number): number => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) fail(`Expected --${name} to be an integer >= ${min}, but got ${raw}`);
  return n;
};

function list<T extends string>(name: string, raw: string, allowed: readonly T[]): T[] {
  const items = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = items.filter((s) => !allowed.includes(s as T));
  if (items.length === 0 || bad.length > 0)
    fail(`Expected --${name} to be a comma-separated list of ${allowed.join(', ')}, but got ${raw}`);
  return items as T[];
}

export function parseSimulateOptions(argv: string[]): SimulateOptions {
  const d = DEFAULT_SIMULATION;
  const { values } = parseArgs({
    args: argv,
    options: {
      table: { type: 'string', default: DEFAULT_TABLE_PATH },
      fixture: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      studies: { type: 'string', default: String(d.studies) },
      'meta-studies': { type: 'string', default: String(d.metaModelStudies) },
      pool: { type: 'string', default: '9,27' },
      seed: { type: 'string', default: String(d.seed) },
      schedulers: { type: 'string', default: REPLAY_SCHEDULERS.join(',') },
      rules: { type: 'string', default: PROMOTION_RULES.join(',') },
      guard: { type: 'string', default: d.guard },
      candidates: { type: 'string', default: d.candidates },
      'min-examples': { type: 'string', default: String(d.minExamples) },
      alpha: { type: 'string', default: String(d.alpha) },
      bootstrap: { type: 'string', default: '1000' },
      'table-bootstrap': { type: 'string', default: '100' },
      'table-bootstrap-studies': { type: 'string', default: '50' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const poolSizes = values.pool.split(',').map((s) => int('pool', s.trim(), 2));
  const guard = list<PromotionGuard>('guard', values.guard, ['count', 'cvGate', 'none'])[0];
  const candidates = list('candidates', values.candidates, ['ridge', 'all'] as const)[0];
  const alpha = Number(values.alpha);
  if (!Number.isFinite(alpha) || alpha < 0) fail(`Expected --alpha to be a number >= 0, but got ${values.alpha}`);
  return {
    table: values.table,
    fixture: values.fixture,
    json: values.json,
    poolSizes,
    schedulers: list('schedulers', values.schedulers, REPLAY_SCHEDULERS),
    rules: list('rules', values.rules, PROMOTION_RULES),
    bootstrap: int('bootstrap', values.bootstrap, 100),
    tableBootstrap: {
      tables: int('table-bootstrap', values['table-bootstrap'], 0),
      studiesPerTable: int('table-bootstrap-studies', values['table-bootstrap-studies'], 1),
    },
    simulation: {
      seed: int('seed', values.seed, 0),
      studies: int('studies', values.studies, 1),
      metaModelStudies: int('meta-studies', values['meta-studies'], 1),
      alpha,
      minExamples: int('min-examples', values['min-examples'], 3),
      guard,
      candidates,
    },
  };
}
