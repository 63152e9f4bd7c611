// Saved studies: written to IndexedDB as they run, listed, reopened, resumed after a reload,
// deleted, exported (JSON, CSV) and imported. Storage failures become notices; the study goes on.
import { checkStudyRecord, studyRecordOf, type CheckedRecord, type StudyRecord } from '../core/study/studyRecord';
import { readStudyFile } from '../core/interop/studyFile';
import type { StudyState } from '../core/study/studyMachine';
import { studySummary } from '../core/study/studySummary';
import { trialsToCsv } from '../core/interop/trialsCsv';
import { exportOptunaScript } from '../core/interop/exportPython';
import { importResults } from '../core/interop/importResults';
import type { WeightStore } from '../orchestrator/runStudy';
import { deleteAuditRecord } from '../storage/auditStore';
import {
  deleteStudyRecord,
  readStudyRecord,
  readStudyRecords,
  readTrialWeights,
  saveStudyRecord,
  saveTrialWeights,
} from '../storage/studyStore';
import { labStore, type SavedStudySummary } from './labStore';

export function newStudyId(seed: number): string {
  return `${Date.now().toString(36)}-${seed.toString(36)}`;
}

export function notice(text: string): void {
  const { storageNotices } = labStore.getState();
  if (!storageNotices.includes(text)) labStore.setState({ storageNotices: [...storageNotices, text] });
}

let createdAt = new Map<string, number>();

/**
 * The record of a study with the facts the store holds for it: every curve through recordCurve,
 * probes and initial gradient norms, the backend. What a reload or an import later shows.
 */
export function recordOfStudy(
  id: string,
  state: StudyState,
  at: { createdAt: number; updatedAt: number },
): StudyRecord {
  const { curves, probes, initGradientNorms, backend } = labStore.getState();
  return studyRecordOf(id, state, { curves, probes, initGradientNorms, backend: backend?.backend ?? null }, at);
}

export async function saveCurrentStudy(id: string, state: StudyState): Promise<void> {
  if (!createdAt.has(id)) createdAt.set(id, Date.now());
  const problem = await saveStudyRecord(
    recordOfStudy(id, state, { createdAt: createdAt.get(id)!, updatedAt: Date.now() }),
  );
  if (problem) notice(problem);
}

/** Weights of trials that promoted trials continue from, kept beside the study record. */
export function idbWeightStore(id: string): WeightStore {
  const memory = new Map<number, Float32Array[]>();
  return {
    async get(trialId) {
      const weights = memory.get(trialId) ?? (await readTrialWeights(id, trialId).catch(() => undefined));
      // Asked for only by a trial that continues from them (a resumed study): say why it starts over.
      if (!weights)
        notice(
          `The saved weights of trial ${trialId} were no longer in this browser's storage, so the trial that continues from them trains from scratch.`,
        );
      return weights;
    },
    async put(trialId, weights) {
      memory.set(trialId, weights);
      const problem = await saveTrialWeights(id, trialId, weights);
      if (problem) notice(problem);
    },
  };
}

export async function refreshSavedStudies(): Promise<void> {
  try {
    const records = await readStudyRecords();
    const ok: CheckedRecord[] = [];
    let damaged = 0;
    for (const raw of records) {
      const r = checkStudyRecord(raw);
      if (r.ok) ok.push(r.record);
      else damaged++;
    }
    if (damaged) notice(`${damaged} saved stud${damaged === 1 ? 'y is' : 'ies are'} damaged and hidden from the list.`);
    const list: SavedStudySummary[] = ok.map(studySummary).sort((a, b) => b.updatedAt - a.updatedAt);
    const current = labStore.getState().studyId;
    labStore.setState({ savedStudies: list, resumable: list.filter((s) => s.phase === 'running' && s.id !== current) });
  } catch (e) {
    notice(`Saved studies could not be read (${e instanceof Error ? e.message : String(e)}).`);
  }
}

export async function loadSavedStudy(id: string): Promise<CheckedRecord | null> {
  let raw: unknown;
  try {
    raw = await readStudyRecord(id);
  } catch (e) {
    notice(`Saved study ${id} could not be read (${e instanceof Error ? e.message : String(e)}).`);
    return null;
  }
  if (raw === undefined) {
    // Listed earlier, gone now: deleted in another tab, or cleared by the browser since the list was read.
    notice(
      `Saved study ${id} is no longer in this browser's storage (deleted in another tab, or cleared by the browser); it was removed from the list.`,
    );
    await refreshSavedStudies();
    return null;
  }
  const r = checkStudyRecord(raw);
  if (!r.ok) {
    notice(r.error);
    return null;
  }
  createdAt.set(id, r.record.createdAt);
  return r.record;
}

export async function deleteSavedStudy(id: string): Promise<void> {
  await deleteStudyRecord(id).catch((e: unknown) => notice(`Could not delete study ${id}: ${String(e)}`));
  await deleteAuditRecord(id).catch((e: unknown) => notice(`Could not delete the audit of study ${id}: ${String(e)}`));
  createdAt.delete(id);
  await refreshSavedStudies();
}

export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The current study (or a saved one) as a record: works even when storage is full. */
export async function exportableRecord(id: string | null): Promise<StudyRecord | null> {
  const { study, studyId } = labStore.getState();
  if (id) return loadSavedStudy(id);
  return study
    ? recordOfStudy(studyId ?? newStudyId(study.definition.seed), study, {
        createdAt: createdAt.get(studyId ?? '') ?? Date.now(),
        updatedAt: Date.now(),
      })
    : null;
}

export async function exportStudyJson(id: string | null): Promise<void> {
  const record = await exportableRecord(id);
  if (record)
    download(`study-${record.state.definition.name}-${record.id}.json`, JSON.stringify(record), 'application/json');
}

export async function exportTrialsCsv(id: string | null): Promise<void> {
  const record = id ? await loadSavedStudy(id) : null;
  const state = record?.state ?? labStore.getState().study;
  if (state) download(`trials-${state.definition.name}.csv`, trialsToCsv(state), 'text/csv');
}

export { readStudyFile };

/** Imports an exported study file under a new id; a damaged, oversized or newer file gets a message and changes nothing. */
export async function importStudyJson(text: string): Promise<string | null> {
  const r = readStudyFile(text);
  if (!r.ok) return r.error;
  const id = newStudyId(r.record.state.definition.seed);
  const problem = await saveStudyRecord({
    ...r.record,
    id,
    updatedAt: Date.now(),
    state: { ...r.record.state, phase: r.record.state.phase === 'running' ? 'stopped' : r.record.state.phase },
  });
  await refreshSavedStudies();
  return problem;
}

/** The current study definition as a runnable Optuna script (scale-out beyond one browser). */
export function exportOptuna(): void {
  const def = labStore.getState().definition;
  download(`study-${def.name}-optuna.py`, exportOptunaScript(def), 'text/x-python');
}

/** Results of the exported script (or any CSV with a value column) shown as a finished study and saved. */
export async function importExternalResults(text: string): Promise<string> {
  const r = importResults(text, labStore.getState().definition);
  if (!r.ok) return r.error;
  const id = newStudyId(r.state.definition.seed);
  labStore.setState({ study: r.state, curves: r.curves, live: {}, studyId: id, probes: {}, initGradientNorms: {} });
  await saveCurrentStudy(id, r.state);
  await refreshSavedStudies();
  return `Imported ${r.state.trials.length} trials${r.skipped ? ` (${r.skipped} pruned or failed)` : ''}.${r.notes.map((n) => ` Note: ${n}.`).join('')}`;
}

export const resetCreatedAt = () => {
  createdAt = new Map();
};
