// Valid import files of every kind the lab reads, seeded: the starting points of the hostile file
// corpus (./hostileFiles). Each is what the lab or the exported Optuna worker really writes: a saved
// study (record versions 2 and 1), the worker's results (versions 2 and 1), Optuna's
// trials_dataframe().to_csv(), the lab's trials CSV, and a meta-model memory file.
import { createRng, deriveSeed } from '../core/rng';
import { PRESETS } from '../core/study/presets';
import { optunaLadder, OPTUNA_RESULTS_FORMAT } from '../core/interop/optunaStudy';
import { trialsToCsv } from '../core/interop/trialsCsv';
import { examplesFromStudy, type TrialSignals } from '../core/metaModel/memory';
import { memoryFileText } from '../core/metaModel/memoryFile';
import type { StudyState } from '../core/study/studyMachine';
import type { LossPoint } from '../core/lossPoint';
import { syntheticStudy } from './syntheticStudy';

export type FileKind = 'study-v2' | 'study-v1' | 'optuna-v2' | 'optuna-v1' | 'optuna-csv' | 'lab-csv' | 'memory';
export const FILE_KINDS: readonly FileKind[] = [
  'study-v2',
  'study-v1',
  'optuna-v2',
  'optuna-v1',
  'optuna-csv',
  'lab-csv',
  'memory',
];
export type Json = Record<string, unknown>;

export const SMOKE = PRESETS.find((p) => p.id === 'smoke')!.study;

/** A finished synthetic study with whole-number steps, as the trainer counts them. */
function finished(seed: number): { study: StudyState; curves: Record<number, LossPoint[]> } {
  const s = syntheticStudy({ numConfigs: 6, seed, pointsPerTrial: 16 });
  const curves: Record<number, LossPoint[]> = {};
  for (const [id, c] of Object.entries(s.curves))
    curves[Number(id)] = c.map((p) => ({ ...p, step: Math.round(p.step) }));
  return { study: s.study, curves };
}

export function studyRecordSeed(seed: number, v: 1 | 2): Json {
  const { study, curves } = finished(seed);
  const rng = createRng(deriveSeed(seed, 'probes'));
  const probes: Json = {};
  const norms: Json = {};
  for (const t of study.trials.filter((t) => t.state === 'completed').slice(0, 4)) {
    probes[t.trialId] = {
      loss: 1 + rng.next(),
      accuracy: rng.next(),
      images: 256,
      sharpnessMean: 0.1 * rng.next(),
      sharpnessMax: 0.3,
      samSharpness: 0.2,
      gradientNorm: 1.5,
      topEigenvalue: 4,
      ms: 90,
    };
    norms[t.trialId] = 2 + rng.next();
  }
  const record: Json = {
    v,
    id: `seed-${seed}`,
    createdAt: 1_700_000_000_000 + seed,
    updatedAt: 1_700_000_100_000,
    state: study,
  };
  if (v === 2)
    return JSON.parse(JSON.stringify({ ...record, curves, probes, initGradientNorms: norms, backend: 'wasm' })) as Json;
  const v1Curves: Json = {};
  for (const [id, c] of Object.entries(curves))
    v1Curves[id] = c.map(({ step, loss, accuracy }) => ({ step, loss, accuracy }));
  return JSON.parse(JSON.stringify({ ...record, curves: v1Curves })) as Json;
}

/** A configuration the smoke preset's space could sample (channels 32-64, dropout 0.1-0.3, lr 5e-4 to 1e-2, ...). */
const params = (rng: ReturnType<typeof createRng>) => {
  const optimizer = rng.next() < 0.5 ? 'adam' : 'sgd';
  return {
    channels: [32, 48, 64][rng.nextInt(3)],
    dropout: Math.round(100 * (0.1 + 0.2 * rng.next())) / 100,
    optimizer,
    learningRate: Number((5e-4 * 20 ** rng.next()).toPrecision(3)),
    momentum: optimizer === 'sgd' ? Math.round(90 * rng.next()) / 100 : 0,
    weightDecay: 5e-4,
    batchSize: 64,
    epochs: 1,
  };
};

/** The exported worker's results.json, version 2, on the smoke preset's ladder (steps 1, 3, 9). */
export function optunaV2Seed(seed: number): Json {
  const rng = createRng(deriveSeed(seed, 'optuna-v2'));
  const ladder = optunaLadder(SMOKE);
  const trials = Array.from({ length: 6 }, (_, number) => {
    const reach = 1 + rng.nextInt(ladder.length);
    const rungs = ladder.slice(0, reach).map((r) => ({
      rung: r.rung,
      step: r.step,
      valAccuracy: Math.round(100 * (0.1 + 0.3 * rng.next() + 0.1 * r.rung)) / 100,
      valLoss: 2.1,
      durationMs: 900,
      imagesPerSecond: 250,
      backend: 'torch-cpu',
      diverged: false,
      curve: [
        [2, 0, 2.3, 0.1],
        [4, 0, 2.2, 0.15],
      ],
    }));
    return {
      number,
      state: reach === ladder.length ? 'COMPLETE' : 'PRUNED',
      value: rungs[rungs.length - 1].valAccuracy,
      params: params(rng),
      intermediate: Object.fromEntries(rungs.map((r) => [String(r.step), r.valAccuracy])),
      rungs,
      retrains: null,
      worker: 'w0',
    };
  });
  return { format: OPTUNA_RESULTS_FORMAT, version: 2, study: SMOKE.name, definition: SMOKE, trials };
}

export function optunaV1Seed(seed: number): Json {
  const rng = createRng(deriveSeed(seed, 'optuna-v1'));
  const trials = Array.from({ length: 5 }, (_, number) => ({
    number,
    state: number === 4 ? 'FAIL' : 'COMPLETE',
    value: number === 4 ? null : Math.round(100 * rng.next()) / 100,
    params: params(rng),
  }));
  return { format: OPTUNA_RESULTS_FORMAT, version: 1, trials };
}

/** Optuna's trials_dataframe().to_csv(): pandas' index, datetimes, params_*, user_attrs_* with quoted JSON, state. */
export function optunaCsvSeed(seed: number): string {
  const rng = createRng(deriveSeed(seed, 'optuna-csv'));
  const header =
    ',number,value,datetime_start,datetime_complete,duration,params_channels,params_learningRate,params_momentum,params_optimizer,params_augment,user_attrs_rungs,state';
  const rows = Array.from({ length: 6 }, (_, i) => {
    const p = params(rng);
    const state = i === 5 ? 'FAIL' : i === 4 ? 'PRUNED' : 'COMPLETE';
    const value = state === 'FAIL' ? '' : String(Math.round(100 * rng.next()) / 100);
    const momentum = p.optimizer === 'sgd' ? String(p.momentum) : '';
    const attrs = `"{""1"": 0.2, ""3"": ""a,b""}"`;
    return `${i},${i},${value},2026-01-02 10:00:00.1,2026-01-02 10:01:00.5,0 days 00:01:00.4,${p.channels},${p.learningRate},${momentum},${p.optimizer},${rng.next() < 0.5 ? 'True' : 'False'},${attrs},${state}`;
  });
  return [header, ...rows].join('\n') + '\n';
}

export function labCsvSeed(seed: number): string {
  return trialsToCsv(finished(seed).study);
}

/** The examples of eight finished studies: enough for the promotion model to fit on. */
export function memorySeed(seed: number): string {
  const examples = Array.from({ length: 8 }, (_, k) => {
    const { study, curves } = finished(seed * 8 + k);
    const signals = new Map<number, TrialSignals>(
      study.trials.map((t) => [t.trialId, { lossCurve: curves[t.trialId] ?? [], probes: null }]),
    );
    return examplesFromStudy(study, signals, 1_700_000_000_000 + seed * 8 + k);
  }).flat();
  return memoryFileText(examples);
}

/** One valid file of a kind, as its tool writes it. */
export function seedText(kind: FileKind, seed: number): string {
  switch (kind) {
    case 'study-v2':
      return JSON.stringify(studyRecordSeed(seed, 2));
    case 'study-v1':
      return JSON.stringify(studyRecordSeed(seed, 1));
    case 'optuna-v2':
      return JSON.stringify(optunaV2Seed(seed));
    case 'optuna-v1':
      return JSON.stringify(optunaV1Seed(seed));
    case 'optuna-csv':
      return optunaCsvSeed(seed);
    case 'lab-csv':
      return labCsvSeed(seed);
    case 'memory':
      return memorySeed(seed);
  }
}
