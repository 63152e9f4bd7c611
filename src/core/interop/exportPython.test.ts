// The exported Optuna worker: its payload (ladder as pruner steps, budget, stable study name, data
// checksums) against hand-worked values, the payload surviving the trip into Python source, and
// Python syntax (py_compile). Running the workers for real is exportPython.optuna.test.ts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CIFAR10_SHARDS } from '../dataset/cifarChecksums';
import { exportOptunaScript } from './exportPython';
import { optunaLadder, optunaPayload, optunaStudyName } from './optunaStudy';
import { PRESETS } from '../study/presets';
import type { StudyDefinition } from '../study/studyDefinition';

const smoke = PRESETS.find((p) => p.id === 'smoke')!.study;
const withScheduler = (patch: Partial<StudyDefinition['scheduler']>): StudyDefinition => ({
  ...smoke,
  scheduler: { ...smoke.scheduler, ...patch },
});
const python = ['/usr/bin/python3', 'python3'].find((p) => {
  try {
    execFileSync(p, ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
});

/** The JSON the exporter wrote into the script, read back as Python will read it. */
function payloadIn(script: string): unknown {
  const m = script.match(/^STUDY = json\.loads\(r'''([\s\S]*?)'''\)$/m);
  if (!m) throw new Error('no STUDY payload in the script');
  return JSON.parse(m[1]);
}

describe('optunaLadder', () => {
  it("makes successive halving's rungs pruner steps eta^i, the last rung at maxResource", () => {
    expect(optunaLadder(smoke)).toEqual([
      { rung: 0, step: 1, resource: 1 / 9, dataFraction: 1 / 9, epochs: 1 },
      { rung: 1, step: 3, resource: 1 / 3, dataFraction: 1 / 3, epochs: 1 },
      { rung: 2, step: 9, resource: 1, dataFraction: 1, epochs: 1 },
    ]);
    // min 0.1, eta 3: rungs 0.1, 0.3 and 1 (not 0.9), so the last step is 10.
    expect(optunaLadder(withScheduler({ minResource: 0.1 })).map((r) => r.step)).toEqual([1, 3, 10]);
  });
  it("takes the union of Hyperband's brackets, and two rungs for two-step search", () => {
    expect(optunaLadder(withScheduler({ kind: 'hyperband' })).map((r) => [r.step, r.resource])).toEqual([
      [1, 1 / 9],
      [3, 1 / 3],
      [9, 1],
    ]);
    expect(
      optunaLadder(withScheduler({ kind: 'twoStep', minResource: 0.25 })).map((r) => [r.step, r.resource]),
    ).toEqual([
      [1, 0.25],
      [4, 1],
    ]);
  });
  it('grows epochs, not data, for an epoch resource', () => {
    const def = { ...withScheduler({ resource: 'epochs' }), fixed: { ...smoke.fixed, epochs: 9 } };
    expect(optunaLadder(def).map((r) => [r.step, r.dataFraction, r.epochs])).toEqual([
      [1, 1, 1],
      [3, 1, 3],
      [9, 1, 9],
    ]);
    expect(optunaPayload(def).continues).toBe(true);
  });
});

describe('optunaPayload', () => {
  it("carries the budget, the pruner, the training shards' checksums and a stable study name", () => {
    const p = optunaPayload(smoke);
    expect(p.budget).toBe(9);
    expect(p.pruner).toEqual({ kind: 'successiveHalving', reductionFactor: 3, maxStep: 9 });
    expect(p.shards.map((s) => s.name)).toEqual([
      'data_batch_1.bin',
      'data_batch_2.bin',
      'data_batch_3.bin',
      'data_batch_4.bin',
      'data_batch_5.bin',
    ]);
    expect(p.shards[0].sha256).toBe(CIFAR10_SHARDS[0].sha256);
    expect(p.fixed).toMatchObject({ batchSize: 64, epochs: 1, channels: 32, lrSchedule: 'constant' });
    expect(optunaStudyName(smoke)).toBe(optunaStudyName({ ...smoke }));
    expect(optunaStudyName(smoke)).toMatch(/^llp-smoke-seed2026-[0-9a-f]{8}$/);
    expect(optunaStudyName({ ...smoke, seed: 7 })).not.toBe(optunaStudyName(smoke));
    expect(optunaPayload(withScheduler({ kind: 'twoStep', numConfigs: 6, topK: 2 }))).toMatchObject({
      budget: 6,
      topK: 2,
      pruner: { kind: 'none' },
    });
  });
});

describe('exportOptunaScript', () => {
  for (const kind of ['successiveHalving', 'hyperband', 'asha', 'twoStep'] as const) {
    it(`writes the ${kind} study into a valid Python worker`, () => {
      const def = withScheduler({ kind });
      const script = exportOptunaScript(def);
      expect(payloadIn(script)).toEqual(JSON.parse(JSON.stringify(optunaPayload(def))));
      expect(script).toMatch(/^#!\/usr\/bin\/env python3\n# Study "smoke" of Loss Landscape Probe/);
      expect(script).toContain('load_if_exists=True');
      if (!python) return; // syntax needs a Python; CI machines have one
      const file = join(mkdtempSync(join(tmpdir(), 'llp-export-')), 'study.py');
      writeFileSync(file, script);
      execFileSync(python, ['-m', 'py_compile', file]);
    });
  }
  it('keeps quotes and dollar signs in the study inside the payload', () => {
    const def = { ...smoke, name: "it's $& '''odd" };
    expect((payloadIn(exportOptunaScript(def)) as { definition: StudyDefinition }).definition.name).toBe(def.name);
  });
});
