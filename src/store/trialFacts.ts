// The facts of the study on screen, trial by trial: what the meta-model, the audit and a saved
// record read, whether the trials were trained here or reopened from IndexedDB.
import { presetOf } from '../core/study/presets';
import { recordCurve, type CheckedRecord } from '../core/study/studyRecord';
import type { TrialSignals } from '../core/metaModel/memory';
import { trialSignalsOf } from '../orchestrator/audit';
import type { TrialResult } from '../../workers/protocol';
import { labStore } from './labStore';
import { initialLandscape } from './landscapeState';
import { clearKeptWeights, recordTrialResult } from './trialWeights';

// Full results of the current study's trials (weights dropped): only this tab's trials have them.
const results = new Map<number, TrialResult>();

/**
 * Trial results of the study on screen, by trial id. Curves, probes and initial gradient norms come
 * from the store for every trial, trained here or reopened: the saved record holds exactly these
 * facts (persistence.recordOfStudy), so the meta-model reads the same before and after a reload.
 */
export function currentTrialResults(): Map<number, TrialResult> {
  const { study, curves, probes, initGradientNorms } = labStore.getState();
  const out = new Map<number, TrialResult>();
  for (const t of study?.trials ?? []) {
    if (t.state !== 'completed' && t.state !== 'diverged') continue;
    const live = results.get(t.trialId);
    out.set(t.trialId, {
      ...(live ?? {
        trialId: t.trialId,
        status: t.state,
        valAccuracy: t.valAccuracy,
        valLoss: t.valLoss,
        steps: 0,
        imagesTrained: 0,
        durationMs: t.durationMs ?? 0,
        imagesPerSecond: t.imagesPerSecond ?? 0,
        backend: t.backend ?? '',
      }),
      lossCurve: (curves[t.trialId] ?? []).map((p) => ({
        step: p.step,
        epoch: p.epoch,
        loss: p.loss,
        accuracy: p.accuracy,
      })),
      probes: probes[t.trialId],
      initGradientNorm: initGradientNorms[t.trialId],
    });
  }
  return out;
}

/**
 * A finished trial's facts into the store: its full curve through the record's downsampler (it
 * replaces the progress points), probes and initial gradient norm; its weights kept if worth it.
 */
export function recordTrialFacts(trialId: number, result: TrialResult): void {
  results.set(trialId, { ...result, weights: undefined });
  labStore.setState({ curves: { ...labStore.getState().curves, [trialId]: recordCurve(result.lossCurve) } });
  recordTrialResult(trialId, result);
}

/** A saved record on screen: its state, curves, probes and initial gradient norms, as they were saved.
 *  It was not run here, so it has no wall time (the previous run's must not show beside it). */
export function showSavedRecord(record: CheckedRecord): void {
  clearTrialFacts();
  labStore.setState({
    studyId: record.id,
    study: record.state,
    definition: record.state.definition,
    presetId: presetOf(record.state.definition)?.id ?? 'custom',
    curves: record.curves,
    live: {},
    probes: record.probes,
    initGradientNorms: record.initGradientNorms,
    landscape: initialLandscape,
    studyError: null,
    startedAt: null,
    finishedAt: null,
  });
}

/** The same results as the meta-model reads them. */
export function currentTrialSignals(): Map<number, TrialSignals> {
  return trialSignalsOf(currentTrialResults());
}

/** Forgets the previous study's trial results and kept weights. */
export function clearTrialFacts(): void {
  clearKeptWeights();
  results.clear();
}
