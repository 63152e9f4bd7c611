// Importing external results: the Optuna worker's version-2 file (every rung of every trial, pruned
// ones included) becomes the lab's ladder and curves; version-1 files and CSVs one value per trial.
import { describe, expect, it } from 'vitest';
import { importResults } from './importResults';
import { OPTUNA_TRIALS_CSV, OPTUNA_TRIALS_EXPECTED } from '../../testing/optunaCsv';
import { OPTUNA_RESULTS_FORMAT } from './optunaStudy';
import { PRESETS } from '../study/presets';
import type { StudyDefinition } from '../study/studyDefinition';
import { rankConfigs } from '../study/studyRanking';

const smoke = PRESETS.find((p) => p.id === 'smoke')!.study; // rungs 1/9, 1/3, 1: steps 1, 3, 9
const config = (channels: number, learningRate: number) => ({
  channels,
  dropout: 0.2,
  optimizer: 'adam',
  learningRate,
  momentum: 0,
  weightDecay: 5e-4,
  batchSize: 64,
  epochs: 1,
  nesterov: 0,
  lrSchedule: 'constant',
  warmupEpochs: 0,
  batchNorm: 0,
  labelSmoothing: 0,
  augment: 0,
});
const rung = (r: number, step: number, valAccuracy: number | null, extra: object = {}) => ({
  rung: r,
  step,
  valAccuracy,
  valLoss: 2.1,
  durationMs: 900,
  imagesPerSecond: 250,
  backend: 'torch-cpu',
  diverged: false,
  curve: [
    [2, 0, 2.3, 0.1],
    [4, 0, 2.2, 0.15],
  ],
  ...extra,
});
const v2 = (trials: object[], definition: StudyDefinition = smoke) =>
  JSON.stringify({ format: OPTUNA_RESULTS_FORMAT, version: 2, study: definition.name, definition, trials });

const TRIALS = [
  {
    number: 0,
    state: 'COMPLETE',
    value: 0.41,
    params: config(32, 1e-3),
    intermediate: { 1: 0.2, 3: 0.3, 9: 0.41 },
    rungs: [rung(0, 1, 0.2), rung(1, 3, 0.3), rung(2, 9, 0.41)],
  },
  {
    number: 1,
    state: 'PRUNED',
    value: 0.12,
    params: config(48, 9e-3),
    intermediate: { 1: 0.12 },
    rungs: [rung(0, 1, 0.12)],
  },
  {
    number: 2,
    state: 'PRUNED',
    value: 0.25,
    params: config(64, 2e-3),
    intermediate: { 1: 0.22, 3: 0.25 },
    rungs: [rung(0, 1, 0.22), rung(1, 3, 0.25)],
  },
  {
    number: 3,
    state: 'FAIL',
    value: null,
    params: config(32, 5e-3),
    intermediate: { 1: 0.15 },
    rungs: [rung(0, 1, 0.15)],
  },
  {
    number: 4,
    state: 'PRUNED',
    value: null,
    params: config(32, 1e-2),
    intermediate: {},
    rungs: [rung(0, 1, null, { diverged: true, curve: [[2, 0, 1e9, 0.1]] })],
  },
];

describe('importResults, version 2 (the Optuna worker)', () => {
  it('turns each reported step into the lab trial at that rung, pruned trials included', () => {
    const r = importResults(v2(TRIALS), smoke);
    if (!r.ok) throw new Error(r.error);
    expect(r.skipped).toBe(4);
    expect(r.state.configs).toHaveLength(5);
    expect(r.state.configs[2]).toMatchObject({ channels: 64, learningRate: 2e-3 });
    expect(r.state.trials.map((t) => [t.configId, t.rung, t.state, t.valAccuracy])).toEqual([
      [0, 0, 'completed', 0.2],
      [0, 1, 'completed', 0.3],
      [0, 2, 'completed', 0.41],
      [1, 0, 'completed', 0.12],
      [2, 0, 'completed', 0.22],
      [2, 1, 'completed', 0.25],
      [3, 0, 'completed', 0.15],
      [3, 1, 'failed', null],
      [4, 0, 'diverged', null],
    ]);
    expect(r.state.trials[5]).toMatchObject({
      resource: 1 / 3,
      dataFraction: 1 / 3,
      epochs: 1,
      valLoss: 2.1,
      durationMs: 900,
      backend: 'torch-cpu',
      resumeFrom: null,
    });
    expect(r.state.plan).toEqual([
      { rung: 0, resource: 1 / 9, numTrials: 5 },
      { rung: 1, resource: 1 / 3, numTrials: 3 },
      { rung: 2, resource: 1, numTrials: 1 },
    ]);
    expect(r.curves[0]).toEqual([
      { step: 2, epoch: 0, loss: 2.3, accuracy: 0.1 },
      { step: 4, epoch: 0, loss: 2.2, accuracy: 0.15 },
    ]);
    expect(rankConfigs(r.state).map((c) => [c.configId, c.valAccuracy])).toEqual([
      [0, 0.41],
      [2, 0.25],
      [3, null],
      [1, 0.12],
      [4, null],
    ]);
  });
  it('continues promoted trials from their weights under an epoch resource', () => {
    const def: StudyDefinition = {
      ...smoke,
      fixed: { ...smoke.fixed, epochs: 9 },
      scheduler: { ...smoke.scheduler, resource: 'epochs' },
    };
    const r = importResults(v2([TRIALS[0]], def), smoke);
    if (!r.ok) throw new Error(r.error);
    expect(r.state.trials.map((t) => [t.epochs, t.resumeFrom, t.startEpochs])).toEqual([
      [1, null, 0],
      [3, 0, 1],
      [9, 1, 3],
    ]);
  });
  it("gives two-step search's retrained trial the configuration it retrains", () => {
    const def: StudyDefinition = {
      ...smoke,
      scheduler: { ...smoke.scheduler, kind: 'twoStep', minResource: 0.25, topK: 1 },
    };
    const r = importResults(
      v2(
        [
          { number: 0, state: 'COMPLETE', value: 0.3, params: config(32, 1e-3), intermediate: { 1: 0.3 }, rungs: [] },
          { number: 1, state: 'COMPLETE', value: 0.2, params: config(48, 1e-3), intermediate: { 1: 0.2 }, rungs: [] },
          {
            number: 2,
            state: 'COMPLETE',
            value: 0.5,
            params: config(32, 1e-3),
            retrains: 0,
            intermediate: { 4: 0.5 },
            rungs: [],
          },
        ],
        def,
      ),
      smoke,
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.state.configs).toHaveLength(2);
    expect(r.state.trials.map((t) => [t.configId, t.rung, t.resource, t.valAccuracy])).toEqual([
      [0, 0, 0.25, 0.3],
      [1, 0, 0.25, 0.2],
      [0, 1, 1, 0.5],
    ]);
  });
  it("refuses a step that is not on the study's ladder, and reads with the current study when the file's is invalid", () => {
    expect(importResults(v2([{ ...TRIALS[0], intermediate: { 2: 0.3 } }]), smoke)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/step 2, which is not a rung/),
    });
    const r = importResults(v2([TRIALS[0]], { ...smoke, seed: -1 }), smoke);
    expect(r.ok && r.notes[0]).toMatch(/definition was invalid/);
  });
});

describe('importResults, version 1 and CSV', () => {
  it('reads a version-1 results.json into a finished study the charts can use', () => {
    const file = JSON.stringify({
      format: OPTUNA_RESULTS_FORMAT,
      version: 1,
      study: 'smoke',
      trials: [
        {
          number: 0,
          state: 'COMPLETE',
          value: 0.41,
          params: { channels: 32, dropout: 0.2, optimizer: 'adam', learningRate: 0.001, weightDecay: 0.0005 },
        },
        { number: 1, state: 'PRUNED', value: null, params: { channels: 64, optimizer: 'sgd', momentum: 0.9 } },
        {
          number: 2,
          state: 'COMPLETE',
          value: 0.52,
          params: { channels: 48, optimizer: 'sgd', momentum: 0.5, learningRate: 0.004 },
        },
      ],
    });
    const r = importResults(file, smoke);
    if (!r.ok) throw new Error(r.error);
    expect(r.skipped).toBe(1);
    expect(r.state.trials.map((t) => t.state)).toEqual(['completed', 'cancelled', 'completed']);
    expect(r.state.configs[2]).toMatchObject({ channels: 48, optimizer: 'sgd', momentum: 0.5, learningRate: 0.004 });
    expect(rankConfigs(r.state)[0]).toMatchObject({ configId: 2, valAccuracy: 0.52 });
  });
  it('reads a CSV with params_ columns and a value column', () => {
    const r = importResults(
      'number,params_channels,params_learningRate,params_optimizer,value,state\n0,32,0.002,adam,0.44,COMPLETE\n1,64,0.009,sgd,,FAIL\n',
      smoke,
    );
    expect(r.ok && r.state.configs[0].learningRate).toBe(0.002);
    expect(r.ok && r.state.trials[1].state).toBe('failed');
  });
  it("reads Optuna's trials_dataframe().to_csv(): a BOM, CRLF, an index column, quoted JSON with commas and newlines", () => {
    const r = importResults(OPTUNA_TRIALS_CSV, smoke);
    if (!r.ok) throw new Error(r.error);
    expect(r.state.configs).toEqual(OPTUNA_TRIALS_EXPECTED.map((e) => ({ ...config(32, 0), ...e.config })));
    expect(r.state.trials.map((t) => [t.state, t.valAccuracy])).toEqual(
      OPTUNA_TRIALS_EXPECTED.map((e) => [e.state, e.value]),
    );
    expect(r.skipped).toBe(1);
    expect(rankConfigs(r.state)[0]).toMatchObject({ configId: 3, valAccuracy: 0.52 });
  });

  it('refuses a malformed CSV with the row, and a newer results format with its version', () => {
    expect(importResults('number,value,params_channels\n0,0.4,"32\n1,0.5,48\n', smoke)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^The results could not be imported: the CSV is malformed at row \d+ \(/),
    });
    expect(importResults('number,value,params_channels\n0,0.4,32,extra\n', smoke)).toMatchObject({
      ok: false,
      error: 'The results could not be imported: row 2 has 4 fields where the header has 3.',
    });
    const newer = JSON.stringify({ format: OPTUNA_RESULTS_FORMAT, version: 3, trials: [TRIALS[0]] });
    expect(importResults(newer, smoke)).toMatchObject({
      ok: false,
      error:
        'The results could not be imported: it is results format version 3, and this lab reads versions 1 and 2 (it was written by a newer exporter: update the lab).',
    });
    expect(importResults('x'.repeat(64 * 2 ** 20 + 1), smoke)).toMatchObject({
      ok: false,
      error: expect.stringContaining('more than the 64 MiB'),
    });
  });

  it('refuses other files with a message', () => {
    expect(importResults('{"hello": 1}', smoke)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/format field missing/),
    });
    expect(importResults('a,b\n1,2', smoke)).toMatchObject({ ok: false, error: expect.stringMatching(/"value"/) });
    expect(importResults('{not json', smoke)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not valid JSON/),
    });
  });
});
