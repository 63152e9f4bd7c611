// The exported Optuna script: content (space, seed, pruner, model) and Python syntax (py_compile,
// when a python3 is on the machine); and the import path on a results file the test writes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportOptunaScript } from './exportPython';
import { importResults } from './importResults';
import { PRESETS } from './presets';
import { rankConfigs } from './studyMachine';

const smoke = PRESETS.find((p) => p.id === 'smoke')!.study;
const python = ['/usr/bin/python3', 'python3'].find((p) => { try { execFileSync(p, ['--version']); return true; } catch { return false; } });

describe('exportOptunaScript', () => {
  for (const kind of ['successiveHalving', 'hyperband', 'asha', 'twoStep'] as const) {
    it(`writes a valid Python script for ${kind}`, () => {
      const script = exportOptunaScript({ ...smoke, scheduler: { ...smoke.scheduler, kind } });
      expect(script).toContain('params["learningRate"] = trial.suggest_float("learningRate", 0.0005, 0.01, log=True)');
      expect(script).toContain('if params["optimizer"] == "sgd":\n        params["momentum"] = trial.suggest_float("momentum", 0, 0.9, log=False)');
      expect(script).toContain(`SEED = ${smoke.seed}`);
      expect(script).toContain('optuna.samplers.RandomSampler(seed=2026)');
      expect(script).toContain(kind === 'hyperband' ? 'HyperbandPruner' : kind === 'twoStep' ? 'NopPruner' : 'SuccessiveHalvingPruner');
      expect(script).toContain('nn.Linear(4 * c * 16, 512)');
      if (!python) return; // syntax needs a Python; CI machines have one
      const dir = mkdtempSync(join(tmpdir(), 'llp-export-'));
      const file = join(dir, 'study.py');
      writeFileSync(file, script);
      execFileSync(python, ['-m', 'py_compile', file]);
      expect(existsSync(file)).toBe(true);
    });
  }
});

describe('importResults', () => {
  it('reads the exported script\'s results.json into a finished study the charts can use', () => {
    const file = JSON.stringify({ format: 'loss-landscape-probe/optuna-results', version: 1, study: 'smoke', trials: [
      { number: 0, state: 'COMPLETE', value: 0.41, params: { channels: 32, dropout: 0.2, optimizer: 'adam', learningRate: 0.001, weightDecay: 0.0005 } },
      { number: 1, state: 'PRUNED', value: null, params: { channels: 64, optimizer: 'sgd', momentum: 0.9 } },
      { number: 2, state: 'COMPLETE', value: 0.52, params: { channels: 48, optimizer: 'sgd', momentum: 0.5, learningRate: 0.004 } },
    ] });
    const r = importResults(file, smoke);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.skipped).toBe(1);
    expect(r.state.trials.map((t) => t.state)).toEqual(['completed', 'cancelled', 'completed']);
    expect(r.state.configs[2]).toMatchObject({ channels: 48, optimizer: 'sgd', momentum: 0.5, learningRate: 0.004 });
    expect(rankConfigs(r.state)[0]).toMatchObject({ configId: 2, valAccuracy: 0.52 });
  });
  it('reads a CSV with params_ columns and a value column', () => {
    const r = importResults('number,params_channels,params_learningRate,params_optimizer,value,state\n0,32,0.002,adam,0.44,COMPLETE\n1,64,0.009,sgd,,FAIL\n', smoke);
    expect(r.ok && r.state.configs[0].learningRate).toBe(0.002);
    expect(r.ok && r.state.trials[1].state).toBe('failed');
  });
  it('refuses other files with a message', () => {
    expect(importResults('{"hello": 1}', smoke)).toMatchObject({ ok: false, error: expect.stringMatching(/format field missing/) });
    expect(importResults('a,b\n1,2', smoke)).toMatchObject({ ok: false, error: expect.stringMatching(/"value"/) });
    expect(importResults('{not json', smoke)).toMatchObject({ ok: false, error: expect.stringMatching(/not valid JSON/) });
  });
});
