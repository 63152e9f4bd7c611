// What the ground-truth table trains, in which order. The seed project's configuration comes first,
// then scrambled Halton points (Halton 1960) of the seed project's space, so that every prefix of the
// table is itself space-filling; noise-floor repeats (another seed, full fidelity) are spread
// through the order so a partial table already carries a noise estimate.
import { createRng, deriveSeed } from '../rng';
import { sampleHaltonConfigs } from '../samplers/haltonSampler';
import { DEFAULT_FIXED, SEED001_SPACE, type TrialConfig } from '../searchSpace/searchSpace';
import { rowKey, TABLE_VERSION, type TableHeader, type TableRow } from './learningCurveTable';

/** The seed project's final configuration (c32, dropout 0.2, Adam, lr 1e-3, wd 5e-4). */
export const SEED001_CONFIG: Partial<TrialConfig> = {
  channels: 32,
  dropout: 0.2,
  optimizer: 'adam',
  learningRate: 1e-3,
  momentum: 0,
  weightDecay: 5e-4,
};

export interface TableSettings {
  configs: number;
  repeats: number;
  epochs: number;
  tableSeed: number;
  splitSeed: number;
}

export const DEFAULT_TABLE_SETTINGS: TableSettings = {
  configs: 32,
  repeats: 4,
  epochs: 4,
  tableSeed: 2026,
  splitSeed: 2026,
};

export function tableHeader(s: TableSettings): TableHeader {
  return {
    kind: 'header',
    version: TABLE_VERSION,
    dataset: 'cifar10',
    splitSeed: s.splitSeed,
    validationSize: 5000,
    trainImages: 45000,
    epochs: s.epochs,
    fractions: [1 / 27, 1 / 9, 1 / 3, 1],
    // A constant schedule makes epoch k of an E-epoch run the same run as a k-epoch one.
    fixed: {
      batchSize: 128,
      augment: 1,
      lrSchedule: 'constant',
      warmupEpochs: 0,
      batchNorm: 0,
      labelSmoothing: 0,
      nesterov: 0,
      epochs: s.epochs,
    },
    tableSeed: s.tableSeed,
    probe: { images: 256, directions: 4, rho: 0.05, samRho: 0.05, hessian: true },
    reportSplit: 'test',
  };
}

export interface TableConfig {
  configId: string;
  config: TrialConfig;
}

/** c00 is the seed project's configuration; c01.. are Halton points 0.. of its space. */
export function tableConfigs(header: TableHeader, count: number): TableConfig[] {
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`Expected the number of configurations to be a positive integer, but got ${count}`);
  const halton = sampleHaltonConfigs(
    SEED001_SPACE,
    count - 1,
    createRng(deriveSeed(header.tableSeed, 'table', 'halton')),
    header.fixed,
  );
  const seed001: TrialConfig = { ...DEFAULT_FIXED, ...header.fixed, ...SEED001_CONFIG };
  const id = (i: number) => `c${String(i).padStart(2, '0')}`;
  return [{ configId: id(0), config: seed001 }, ...halton.map((config, i) => ({ configId: id(i + 1), config }))];
}

export interface TableUnit {
  key: string;
  configId: string;
  config: TrialConfig;
  replicate: number;
  seed: number;
  dataFraction: number;
}

/** The seed of a configuration's run: the same at every fraction, another one per replicate. */
export function runSeed(header: TableHeader, configId: string, replicate: number): number {
  return deriveSeed(header.tableSeed, 'table', configId, 'replicate', replicate);
}

/**
 * Every unit of work in build order: each configuration's fractions, cheapest first; after every
 * `configs / repeats` configurations, a full-fidelity repeat of one of the first configurations.
 */
export function tableUnits(header: TableHeader, s: TableSettings): TableUnit[] {
  const configs = tableConfigs(header, s.configs);
  const every = s.repeats > 0 ? Math.max(1, Math.floor(s.configs / s.repeats)) : Infinity;
  const units: TableUnit[] = [];
  const unit = (c: TableConfig, replicate: number, dataFraction: number): TableUnit => ({
    key: rowKey(c.configId, replicate, dataFraction),
    configId: c.configId,
    config: c.config,
    replicate,
    seed: runSeed(header, c.configId, replicate),
    dataFraction,
  });
  let repeated = 0;
  configs.forEach((c, i) => {
    for (const f of header.fractions) units.push(unit(c, 0, f));
    if ((i + 1) % every === 0 && repeated < s.repeats) units.push(unit(configs[repeated++], 1, 1));
  });
  while (repeated < s.repeats && repeated < configs.length) units.push(unit(configs[repeated++], 1, 1));
  return units;
}

/** Configurations, best first by the table's own run, that get extra full-fidelity seeds. */
export const TOP_REPEAT_CONFIGS = 8;
/** Extra seeds each, beyond the plan's noise-floor repeat where it has one. */
export const TOP_REPEAT_SEEDS = 2;

/**
 * The top-repeat units: TOP_REPEAT_SEEDS more full-fidelity runs, with new replicate numbers, of
 * each of the TOP_REPEAT_CONFIGS configurations whose replicate-0 full-fidelity accuracy is highest
 * (ties by configId), so the seed noise is measured where a study's choice is made. The ranking
 * reads replicate 0 only, so training the repeats cannot change it. Empty until every planned
 * configuration has its full-fidelity row.
 */
export function topRepeatUnits(header: TableHeader, s: TableSettings, rows: readonly TableRow[]): TableUnit[] {
  const configs = tableConfigs(header, s.configs);
  const full = new Map(
    rows.filter((r) => r.replicate === 0 && r.dataFraction === 1).map((r) => [r.configId, r] as const),
  );
  if (configs.some((c) => !full.has(c.configId))) return [];
  const accuracy = (id: string) => {
    const r = full.get(id)!;
    return r.status === 'completed' ? (r.curve[header.epochs - 1]?.valAccuracy ?? 0) : 0;
  };
  const top = [...configs]
    .sort((a, b) => accuracy(b.configId) - accuracy(a.configId) || a.configId.localeCompare(b.configId))
    .slice(0, TOP_REPEAT_CONFIGS);
  const planned = tableUnits(header, s);
  return top.flatMap((c) => {
    const last = Math.max(0, ...planned.filter((u) => u.configId === c.configId).map((u) => u.replicate));
    return Array.from({ length: TOP_REPEAT_SEEDS }, (_, i) => {
      const replicate = last + 1 + i;
      return {
        key: rowKey(c.configId, replicate, 1),
        configId: c.configId,
        config: c.config,
        replicate,
        seed: runSeed(header, c.configId, replicate),
        dataFraction: 1,
      };
    });
  });
}
