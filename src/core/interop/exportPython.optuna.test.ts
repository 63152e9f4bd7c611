// The exported study as a real distributed Optuna run (npm run test:optuna): the lab's exporter
// writes the worker, two worker processes fill one SQLite study at once on the real CIFAR-10, and
// the results file imports back with the configurations and values Optuna's storage holds. Also:
// the worker's splits are the lab's indices, and a corrupt batch stops it. Needs Debian's
// python3-optuna and python3-torch (.ci/run installs them); about a minute on two CPU cores.
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCifar10 } from '../../cli/nodeDataset';
import { studySplits } from '../../orchestrator/studySplits';
import { nestedSubset, stratifiedSplit } from '../dataset/dataSplit';
import { studyUniverse } from '../dataset/studyUniverse';
import { deriveSeed } from '../rng';
import { findPreset } from '../study/presets';
import { DATA_DIR, MICRO_OPTUNA_STUDY as def, debianPython, readStorage, runWorker } from '../../testing/optunaWorkers';
import { exportOptunaScript } from './exportPython';
import { importResults } from './importResults';
import { optunaLadder, optunaStudyName } from './optunaStudy';

describe.runIf(process.env.LLP_OPTUNA === '1')('the exported Optuna worker, run for real', () => {
  let python = '',
    dir = '',
    script = '',
    data = '';
  beforeAll(() => {
    const found = debianPython();
    if (found.python === null) throw new Error(found.why);
    python = found.python;
    dir = mkdtempSync(join(tmpdir(), 'llp-optuna-'));
    script = join(dir, 'study.py');
    writeFileSync(script, exportOptunaScript(def));
    // Only the five training batches: a worker that opened the test batch would fail here.
    data = join(dir, 'cifar10');
    mkdirSync(data);
    for (let i = 1; i <= 5; i++) symlinkSync(join(DATA_DIR, `data_batch_${i}.bin`), join(data, `data_batch_${i}.bin`));
  });

  it("splits the real training images exactly as the lab does (validation, evaluation and every rung's subset)", async () => {
    const out = join(dir, 'splits.json');
    const run = await runWorker(python, script, ['--data', data, '--print-splits', out], dir, 120_000);
    expect(run.code, run.stderr).toBe(0);
    const py = JSON.parse(readFileSync(out, 'utf8')) as { validation: number[]; eval: number[]; train: number[][] };
    const lab = studySplits(def, loadCifar10('train').labels);
    expect(py.eval).toEqual(Array.from(lab.evalIndices));
    optunaLadder(def).forEach((r, i) => expect(py.train[i]).toEqual(Array.from(lab.trainIndicesAt(r.dataFraction))));
    expect(py.validation).toHaveLength(studyUniverse(def.data).heldOut);
    expect(py.train[py.train.length - 1].some((i) => py.validation.includes(i))).toBe(false);
  }, 180_000);

  it('splits a study that needs every image (real) exactly as the lab always has', async () => {
    const real = findPreset('real')!.study;
    const realScript = join(dir, 'real.py');
    writeFileSync(realScript, exportOptunaScript(real));
    const out = join(dir, 'real-splits.json');
    const run = await runWorker(python, realScript, ['--data', data, '--print-splits', out], dir, 120_000);
    expect(run.code, run.stderr).toBe(0);
    const py = JSON.parse(readFileSync(out, 'utf8')) as { eval: number[]; train: number[][] };
    const labels = loadCifar10('train').labels;
    // The oracle: the split over all 50,000 indices in the official order, as before chunked data.
    const split = stratifiedSplit(labels, 10, 5000, deriveSeed(real.seed, 'validation'));
    expect(py.eval).toEqual(Array.from(nestedSubset(split.validation, labels, 10, 1, deriveSeed(real.seed, 'eval'))));
    expect(py.train[py.train.length - 1]).toEqual(Array.from(split.train));
  }, 180_000);

  it('refuses a CIFAR-10 batch whose sha256 is not the published one', async () => {
    const bad = join(dir, 'corrupt');
    mkdirSync(bad);
    const bytes = readFileSync(join(DATA_DIR, 'data_batch_3.bin'));
    bytes[12345] ^= 1;
    writeFileSync(join(bad, 'data_batch_3.bin'), bytes);
    for (const i of [1, 2, 4, 5]) symlinkSync(join(DATA_DIR, `data_batch_${i}.bin`), join(bad, `data_batch_${i}.bin`));
    const run = await runWorker(
      python,
      script,
      ['--data', bad, '--print-splits', join(dir, 'never.json')],
      dir,
      120_000,
    );
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/CIFAR-10 shard data_batch_3\.bin failed verification: expected sha256 bbe85965/);
  }, 180_000);

  it('two workers fill one SQLite study within its budget, the pruner prunes, and the results import back', async () => {
    const storage = `sqlite:///${join(dir, 'study.db')}`;
    const name = optunaStudyName(def);
    const started = performance.now();
    const workers = await Promise.all(
      [1, 2].map(() => runWorker(python, script, ['--storage', storage, '--data', data], dir, 420_000)),
    );
    const wallSeconds = (performance.now() - started) / 1000;
    const exported = await runWorker(
      python,
      script,
      ['--storage', storage, '--n-trials', '0', '--export', join(dir, 'results.json')],
      dir,
      120_000,
    );

    for (const w of [...workers, exported]) {
      expect(w.code, w.stderr.slice(-2000)).toBe(0);
      expect(w.stdout).toContain(`joined Optuna study ${name} at ${storage}`);
    }
    const [a, b] = workers.map((w) => w.summary!);
    console.log(
      `[optuna] worker ${a.worker}: ${a.trials.length} trials (${a.pruned} pruned, ${a.complete} complete); ` +
        `worker ${b.worker}: ${b.trials.length} trials (${b.pruned} pruned, ${b.complete} complete); wall ${wallSeconds.toFixed(1)} s`,
    );
    // Both ran trials; together they ran the budget exactly, each trial once.
    expect(a.trials.length).toBeGreaterThan(0);
    expect(b.trials.length).toBeGreaterThan(0);
    expect([...a.trials, ...b.trials].sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(a.failed + b.failed).toBe(0);
    expect(a.pruned + b.pruned).toBeGreaterThan(0);

    // Optuna's own storage, read without the worker script, agrees.
    // Two workers can both pass the budget check before the last ticket is taken; the one that
    // loses the race stores a FAIL marked overBudget, untrained, and the results file leaves it out.
    const all = readStorage(python, storage, name);
    const late = all.filter((t) => t.overBudget);
    expect(late.length).toBeLessThanOrEqual(2); // at most one per worker: it stops after one
    expect(late.every((t) => t.state === 'FAIL' && t.number >= 12 && Object.keys(t.intermediate).length === 0)).toBe(
      true,
    );
    const stored = all.filter((t) => !t.overBudget);
    expect(stored).toHaveLength(12);
    expect(new Set(stored.map((t) => t.worker))).toEqual(new Set([a.worker, b.worker]));
    expect(stored.filter((t) => t.state === 'PRUNED').length).toBe(a.pruned + b.pruned);

    // The results file imports back with the same configurations and the same value at every rung.
    const imported = importResults(readFileSync(join(dir, 'results.json'), 'utf8'), def);
    if (!imported.ok) throw new Error(imported.error);
    const { state, curves } = imported;
    expect(state.definition).toEqual(def);
    expect(imported.skipped).toBe(a.pruned + b.pruned);
    expect(state.configs).toHaveLength(12);
    const ladder = optunaLadder(def);
    for (const t of stored) {
      const configId = state.configs.findIndex((c) => isDeepStrictEqual(c, t.config));
      expect(configId, `trial ${t.number}'s configuration ${JSON.stringify(t.config)}`).toBeGreaterThanOrEqual(0);
      const rows = state.trials.filter((r) => r.configId === configId);
      expect(rows.map((r) => [ladder[r.rung].step, r.valAccuracy])).toEqual(
        Object.entries(t.intermediate).map(([step, v]) => [Number(step), v]),
      );
      expect(rows.every((r) => r.state === 'completed' && (curves[r.trialId]?.length ?? 0) > 0)).toBe(true);
      // A pruned trial stops below the last rung; a complete one reaches it.
      expect(rows[rows.length - 1].rung === ladder.length - 1).toBe(t.state === 'COMPLETE');
    }
  }, 600_000);
});
