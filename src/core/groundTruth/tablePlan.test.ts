import { describe, expect, it } from 'vitest';
import { fidelityOf } from '../metaModel/memory';
import { findPreset } from '../study/presets';
import { SEED001_SPACE } from '../searchSpace/searchSpace';
import { studyProblems } from '../study/studyProblems';
import { parseTable, rowKey } from './learningCurveTable';
import { DEFAULT_TABLE_SETTINGS, SEED001_CONFIG, tableConfigs, tableHeader, tableUnits } from './tablePlan';

const header = tableHeader(DEFAULT_TABLE_SETTINGS);

describe('tablePlan', () => {
  it("puts the seed project's configuration first, with the table's fixed settings", () => {
    const [first] = tableConfigs(header, 32);
    expect(first.configId).toBe('c00');
    expect(first.config).toMatchObject({
      ...SEED001_CONFIG,
      batchSize: 128,
      augment: 1,
      lrSchedule: 'constant',
      epochs: 4,
    });
  });

  it('draws the same configurations for every prefix (a longer table only appends)', () => {
    const short = tableConfigs(header, 9);
    const long = tableConfigs(header, 33);
    expect(long.slice(0, 9)).toEqual(short);
    expect(new Set(long.map((c) => c.configId)).size).toBe(33);
  });

  it('stratifies like Halton points: the first 9 drawn configurations put one dropout in each ninth of its range', () => {
    // Oracle: Halton's dimension 1 (base 3), scrambled or not, puts one of its first 3^2 points in each 1/9 interval.
    const dropout = SEED001_SPACE.find((p) => p.name === 'dropout')!;
    if (dropout.kind !== 'float') throw new Error('dropout is a float');
    const drawn = tableConfigs(header, 10).slice(1);
    const ninths = drawn
      .map((c) => Math.floor((9 * (c.config.dropout - dropout.low)) / (dropout.high - dropout.low)))
      .sort((a, b) => a - b);
    expect(ninths).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('lists each configuration at every fraction, cheapest first, and the noise-floor repeats', () => {
    const units = tableUnits(header, DEFAULT_TABLE_SETTINGS);
    expect(units.length).toBe(32 * 4 + 4);
    expect(new Set(units.map((u) => u.key)).size).toBe(units.length);
    const c05 = units.filter((u) => u.configId === 'c05' && u.replicate === 0).map((u) => u.dataFraction);
    expect(c05).toEqual([1 / 27, 1 / 9, 1 / 3, 1]);
    const repeats = units.filter((u) => u.replicate === 1);
    expect(repeats.map((u) => u.configId)).toEqual(['c00', 'c01', 'c02', 'c03']);
    expect(repeats.every((u) => u.dataFraction === 1)).toBe(true);
    // A repeat has its own seed; a configuration keeps one seed over its fractions.
    const seedsOf = (id: string, r: number) =>
      new Set(units.filter((u) => u.configId === id && u.replicate === r).map((u) => u.seed));
    expect(seedsOf('c00', 0).size).toBe(1);
    expect([...seedsOf('c00', 1)][0]).not.toBe([...seedsOf('c00', 0)][0]);
    // The first repeat comes after the 8th configuration, not at the end.
    expect(units.findIndex((u) => u.replicate === 1)).toBe(8 * 4);
  });
});

describe('parseTable', () => {
  const line = (v: object) => JSON.stringify(v);
  it('keeps the header and rows and drops only a torn last line', () => {
    const row = { kind: 'trial', configId: 'c00', replicate: 0, dataFraction: 1 };
    const text = [line(header), line(row), '{"kind":"tri'].join('\n');
    const { table, droppedLines } = parseTable(text);
    expect(table.header).toEqual(header);
    expect(table.rows.length).toBe(1);
    expect(droppedLines).toBe(1);
    expect(rowKey('c00', 0, 1 / 3)).toBe('c00/r0/f0.333333');
  });
  it('refuses a torn line in the middle, a missing header and a second header', () => {
    expect(() => parseTable(['{"kind":"tri', line(header)].join('\n'))).toThrow(/line 1/);
    expect(() => parseTable(line({ kind: 'trial' }))).toThrow(/no header/);
    expect(() => parseTable([line(header), line(header)].join('\n'))).toThrow(/second header/);
  });
});

describe('the "real" preset', () => {
  it("runs exactly the table's fidelity and settings, so the table's figures apply to it", () => {
    const { study } = findPreset('real')!;
    expect(studyProblems(study)).toEqual([]);
    expect(fidelityOf(study)).toEqual({ dataset: 'cifar10', trainImages: header.trainImages, epochs: header.epochs });
    expect(study.fixed).toMatchObject({
      batchSize: header.fixed.batchSize,
      augment: header.fixed.augment,
      lrSchedule: header.fixed.lrSchedule,
    });
    expect(study.data.evalImages).toBe(header.validationSize);
    expect(study.seed).toBe(header.splitSeed);
    expect(study.scheduler).toMatchObject({
      resource: 'dataFraction',
      minResource: header.fractions[0],
      maxResource: 1,
      reductionFactor: 3,
    });
  });
});
