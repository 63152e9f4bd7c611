// Tests for memoryFile.ts: examples a real (synthetic) study leaves survive export and import
// unchanged, NaN included (the oracle is the examples themselves); bad files get a clear sentence.
import { describe, expect, it } from 'vitest';
import { syntheticStudy } from '../../testing/syntheticStudy';
import { MEMORY_FILE_KIND, memoryFileText, importSummary, parseMemoryFile } from './memoryFile';
import { examplesFromStudy, type TrialSignals } from './memory';

function studyExamples() {
  const { study, curves } = syntheticStudy({ numConfigs: 81, seed: 3, pointsPerTrial: 40 });
  // Curves for even trials only: the odd ones keep NaN curve summaries, as trials without signals do.
  const signals = new Map<number, TrialSignals>();
  for (const t of study.trials)
    if (t.trialId % 2 === 0)
      signals.set(t.trialId, {
        lossCurve: curves[t.trialId] ?? [],
        probes: { sharpnessMean: 0.5, gradientNorm: Number.NaN },
      });
  return examplesFromStudy(study, signals, 1_700_000_000_000);
}

describe('memory file', () => {
  const examples = studyExamples();

  it("round-trips a study's examples, writing NaN as null", () => {
    expect(examples.length).toBe(3); // 81 configurations, η = 3: three reach full fidelity
    const nanSummaries = examples
      .flatMap((e) => e.observations)
      .filter((o) => Number.isNaN(o.curveSummary!.trainLoss)).length;
    expect(nanSummaries).toBeGreaterThan(0); // the fixture really holds NaN
    const text = memoryFileText(examples);
    expect(text).not.toContain('NaN');
    const file = JSON.parse(text);
    expect(file.kind).toBe(MEMORY_FILE_KIND);
    expect(file.v).toBe(1);
    const back = parseMemoryFile(text);
    if (!back.ok) throw new Error(back.error);
    expect(back.damaged).toBe(0);
    // A NaN probe comes back as null ("missing"); a NaN curve summary as NaN. Everything else is equal.
    const expected = examples.map((e) => ({
      ...e,
      observations: e.observations.map((o) => ({ ...o, probes: o.probes && { ...o.probes, gradientNorm: null } })),
    }));
    expect(back.examples).toEqual(expected);
    expect(importSummary(back)).toBe(`Imported ${examples.length} examples.`);
  });

  it('counts damaged examples and keeps the good ones', () => {
    const file = JSON.parse(memoryFileText(examples));
    file.examples[0].fullAccuracy = 2;
    file.examples.push({ v: 1, junk: true }, 'nonsense');
    const back = parseMemoryFile(JSON.stringify(file));
    if (!back.ok) throw new Error(back.error);
    expect(back.examples).toHaveLength(examples.length - 1);
    expect(back.damaged).toBe(3);
    expect(importSummary(back)).toBe(
      `Imported ${examples.length - 1} examples; 3 damaged examples were skipped (the first: examples[0].fullAccuracy: Too big: expected number to be <=1, got 2).`,
    );
    expect(importSummary({ ok: true, examples: examples.slice(0, 1), damaged: 1 })).toBe(
      'Imported 1 example; 1 damaged example was skipped.',
    );
  });

  it('says why a file holds no examples', () => {
    const error = (text: string) => {
      const r = parseMemoryFile(text);
      return r.ok ? null : r.error;
    };
    expect(error('not json {')).toMatch(/not JSON/);
    expect(error('[1, 2]')).toMatch(/not a meta-model examples export/);
    expect(error(JSON.stringify({ v: 1, id: 'x', state: {} }))).toMatch(/expected kind 'llp-meta-examples'/);
    expect(error(JSON.stringify({ kind: MEMORY_FILE_KIND, v: 2, examples: [] }))).toMatch(/version/);
    expect(error(JSON.stringify({ kind: MEMORY_FILE_KIND, v: 1, examples: {} }))).toMatch(/no list of examples/);
    expect(error(' '.repeat(50_000_001))).toMatch(/larger than 50 MB/);
    expect(parseMemoryFile(JSON.stringify({ kind: MEMORY_FILE_KIND, v: 1, examples: [] }))).toEqual({
      ok: true,
      examples: [],
      damaged: 0,
    });
  });
});
