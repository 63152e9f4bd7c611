// The meta-model's feature rows of a study are identical live, after a reload and after an export
// and import: the saved record (v2) keeps every fact they read, curves with epochs, probes, initial
// gradient norms, through one downsampler. Before, a reopened study had lost its epochs (so
// lastEpochGain changed) and its probes (so every probe feature was imputed).
import { beforeEach, describe, expect, it } from 'vitest';
import { evidenceFor, examplesFromStudy } from '../core/metaModel/memory';
import { promotionFeatureTable } from '../core/metaModel/promotionModel';
import { syntheticStudy } from '../testing/syntheticStudy';
import { checkStudyRecord, MAX_CURVE_POINTS } from '../core/study/studyRecord';
import type { TrialResult } from '../training/trainTrial';
import { currentTrialSignals, recordTrialFacts, showSavedRecord } from './trialFacts';
import { labStore } from './labStore';
import { exportableRecord, readStudyFile, recordOfStudy } from './persistence';

const initial = labStore.getState();
beforeEach(() => labStore.setState(initial, true));

/** What the meta-model reads of the study on screen: its feature rows and its memory examples. */
function metaModelInputs() {
  const { study } = labStore.getState();
  const signals = currentTrialSignals();
  const evidence = study!.configs.map((_, id) => evidenceFor(study!, id, signals));
  return { rows: promotionFeatureTable(evidence), examples: examplesFromStudy(study!, signals, 0) };
}

/** A study trained "live": every trial's result recorded as launch records it. */
function liveStudy() {
  const { study, curves } = syntheticStudy({ numConfigs: 27, pointsPerTrial: 3000 });
  labStore.setState({ study, studyId: 'live-1', backend: { backend: 'wasm', skipped: [], detail: 'wasm' } });
  for (const t of study.trials) {
    const probes = {
      loss: 1 + t.trialId / 100,
      accuracy: 0.3,
      images: 256,
      sharpnessMean: 0.01 * t.trialId,
      sharpnessMax: 0.02 * t.trialId,
      samSharpness: 0.5,
      gradientNorm: 2 + t.configId,
      topEigenvalue: t.rung === 2 ? 40 : undefined,
      ms: 80,
    };
    const result: TrialResult = {
      trialId: t.trialId,
      status: t.state === 'diverged' ? 'diverged' : 'completed',
      valAccuracy: t.valAccuracy,
      valLoss: t.valLoss,
      lossCurve: curves[t.trialId].map((p, i) => ({ ...p, epoch: Math.floor((4 * i) / curves[t.trialId].length) })),
      steps: 10,
      imagesTrained: 100,
      durationMs: t.durationMs ?? 0,
      imagesPerSecond: 330,
      backend: 'wasm',
      probes: t.state === 'diverged' ? undefined : probes,
      initGradientNorm: t.rung === 0 ? 3 + t.configId / 10 : undefined,
    };
    recordTrialFacts(t.trialId, result);
  }
  return study;
}

describe('meta-model feature rows', () => {
  it('are identical live, after a reload and after export and import', async () => {
    const study = liveStudy();
    expect(Math.max(...Object.values(labStore.getState().curves).map((c) => c.length))).toBe(MAX_CURVE_POINTS); // the downsampler ran
    const live = metaModelInputs();
    expect(live.rows.length).toBe(27);
    expect(live.rows.flat().some((x) => Number.isNaN(x))).toBe(true); // diverged trials and absent probes stay missing

    // A reload: the record as IndexedDB stores it (structured clone), checked and shown.
    const saved = recordOfStudy('live-1', study, { createdAt: 1, updatedAt: 2 });
    const exported = JSON.stringify(await exportableRecord(null));
    const checked = checkStudyRecord(structuredClone(saved));
    if (!checked.ok) throw new Error(checked.error);
    labStore.setState(initial, true);
    showSavedRecord(checked.record);
    expect(metaModelInputs()).toEqual(live);

    // Export then import: the JSON file (NaN became null on the way) read back.
    const imported = readStudyFile(exported);
    if (!imported.ok) throw new Error(imported.error);
    labStore.setState(initial, true);
    showSavedRecord(imported.record);
    expect(metaModelInputs()).toEqual(live);
  });

  it('differ when the probes or the epochs are lost, as version-1 records lost them (the test can fail)', () => {
    const study = liveStudy();
    const live = metaModelInputs();
    labStore.setState({ probes: {}, initGradientNorms: {} });
    expect(metaModelInputs().rows).not.toEqual(live.rows);
    const record = recordOfStudy('live-1', study, { createdAt: 1, updatedAt: 2 });
    const v1 = {
      ...record,
      v: 1,
      probes: undefined,
      initGradientNorms: undefined,
      curves: Object.fromEntries(
        Object.entries(record.curves).map(([id, c]) => [
          id,
          c.map(({ step, loss, accuracy }) => ({ step, loss, accuracy })),
        ]),
      ),
    };
    const checked = checkStudyRecord(v1);
    if (!checked.ok) throw new Error(checked.error);
    labStore.setState(initial, true);
    showSavedRecord(checked.record);
    expect(metaModelInputs().rows).not.toEqual(live.rows);
  });
});
