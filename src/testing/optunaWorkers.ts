// Test support for the exported Optuna worker: a micro study small enough for two CPU workers in
// about a minute, Debian's Python (the one that sees python3-optuna and python3-torch), worker
// processes run for real, and an independent read of the Optuna storage to check the results file.
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { SEED001_SPACE } from '../core/searchSpace/searchSpace';
import type { StudyDefinition } from '../core/study/studyDefinition';

export const DATA_DIR = join(import.meta.dirname, '..', '..', 'data', 'cifar10');

/**
 * Twelve configurations (narrow networks) under ASHA with reduction factor 2: rungs of
 * 128, 256 and 512 training images, one epoch, batch 16, scored on 500 validation images.
 */
export const MICRO_OPTUNA_STUDY: StudyDefinition = {
  v: 2,
  name: 'optuna-micro',
  seed: 2026,
  sampler: 'random',
  readEvery: 2,
  space: SEED001_SPACE.map((p) => (p.name === 'channels' ? { ...p, low: 8, high: 16, step: 8 } : p)),
  fixed: { batchSize: 16, epochs: 1 },
  scheduler: {
    kind: 'asha',
    resource: 'dataFraction',
    numConfigs: 12,
    reductionFactor: 2,
    minResource: 0.25,
    maxResource: 1,
  },
  data: { dataset: 'cifar10', validationSize: 5000, maxTrainImages: 512, evalImages: 500 },
};

/** Debian's python3 when it imports optuna and torch; null (with the reason) when it does not. */
export function debianPython(): { python: string } | { python: null; why: string } {
  const python = '/usr/bin/python3';
  try {
    execFileSync(python, ['-c', 'import optuna, torch'], { stdio: 'pipe' });
    return { python };
  } catch (e) {
    return {
      python: null,
      why: `${python} cannot import optuna and torch (apt-get install -y python3-optuna python3-torch): ${String(e).slice(0, 200)}`,
    };
  }
}

export interface WorkerRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The worker's closing `summary:` line. */
  summary: {
    worker: string;
    study: string;
    storage: string;
    trials: number[];
    complete: number;
    pruned: number;
    failed: number;
    seconds: number;
  } | null;
  ms: number;
}

/** One worker process of `script`, to its end; kept to one torch thread (the machine is shared). */
export function runWorker(
  python: string,
  script: string,
  args: string[],
  cwd: string,
  timeoutMs: number,
): Promise<WorkerRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(python, [script, '--threads', '1', ...args], {
      cwd,
      env: { ...process.env, OMP_NUM_THREADS: '1' },
    });
    let stdout = '',
      stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith('summary: '));
      resolve({
        code,
        stdout,
        stderr,
        summary: line ? JSON.parse(line.slice('summary: '.length)) : null,
        ms: performance.now() - started,
      });
    });
  });
}

export interface StoredTrial {
  number: number;
  state: string;
  config: Record<string, unknown> | null;
  intermediate: Record<string, number>;
  worker: string | null;
  /** A ticket taken after another worker took the last one: told FAIL, never trained. */
  overBudget: boolean;
}

/** The study as Optuna's own storage holds it, read without the worker script. */
export function readStorage(python: string, storage: string, studyName: string): StoredTrial[] {
  const code = `
import json, sys, optuna
study = optuna.load_study(study_name=sys.argv[2], storage=sys.argv[1])
print(json.dumps([{"number": t.number, "state": t.state.name, "config": t.user_attrs.get("config"),
  "intermediate": {str(k): v for k, v in t.intermediate_values.items()}, "worker": t.user_attrs.get("worker"),
  "overBudget": bool(t.user_attrs.get("overBudget"))}
  for t in study.get_trials(deepcopy=False)]))`;
  return JSON.parse(execFileSync(python, ['-c', code, storage, studyName], { encoding: 'utf8', maxBuffer: 64 << 20 }));
}
