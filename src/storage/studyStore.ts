// Saved studies in IndexedDB (idb-keyval) under keys `study:v1:<id>` (the key scheme; the record
// inside carries its own version, ../core/study/studyRecord), plus the weights that
// promoted trials continue from (`weights:v1:<id>:<trialId>`). Every function reports storage
// failures (a full quota above all) as messages: the study goes on in memory either way.
import { createStore, del, entries, get, set, keys } from 'idb-keyval';
import type { StudyRecord } from '../core/study/studyRecord';

export type { StudyRecord };

const studies = createStore('llp-studies', 'records');
const weightsStore = createStore('llp-weights', 'records');
const studyKey = (id: string) => `study:v1:${id}`;
const weightsKey = (id: string, trialId: number) => `weights:v1:${id}:${trialId}`;
// Beside the record, in the same database: the study's examples went into the meta-model memory, so
// a memory the browser cleared can be rebuilt from the records that taught it (not from imports).
const TAUGHT_PREFIX = 'taught:v1:';

export function storageMessage(e: unknown, what: string): string {
  const name = e instanceof DOMException ? e.name : '';
  if (name === 'QuotaExceededError')
    return `Browser storage is full, so ${what} could not be saved. The study goes on in memory; export it as JSON to keep it.`;
  return `Could not save ${what} (${e instanceof Error ? e.message : String(e)}). The study goes on in memory; export it as JSON to keep it.`;
}

export async function saveStudyRecord(record: StudyRecord): Promise<string | null> {
  try {
    await set(studyKey(record.id), record, studies);
    return null;
  } catch (e) {
    return storageMessage(e, `study ${record.id}`);
  }
}

/** Every stored value under a study key, validated later by the caller (records may be corrupt). */
export async function readStudyRecords(): Promise<unknown[]> {
  const all = await entries(studies);
  return all.filter(([k]) => typeof k === 'string' && k.startsWith('study:v1:')).map(([, v]) => v);
}

export async function readStudyRecord(id: string): Promise<unknown> {
  return get(studyKey(id), studies);
}

export async function deleteStudyRecord(id: string): Promise<void> {
  await del(studyKey(id), studies);
  await del(`${TAUGHT_PREFIX}${id}`, studies);
  const prefix = `weights:v1:${id}:`;
  for (const k of await keys(weightsStore))
    if (typeof k === 'string' && k.startsWith(prefix)) await del(k, weightsStore);
}

/** Notes that a study's examples are in the meta-model memory; a failure only loses the rebuild. */
export async function markStudyTaught(id: string): Promise<void> {
  try {
    await set(`${TAUGHT_PREFIX}${id}`, true, studies);
  } catch {
    // Also a synchronous throw: idb-keyval opens the database on first use, where there may be none.
  }
}

/** Ids of the studies whose examples went into the memory (since it was last cleared). */
export async function readTaughtStudies(): Promise<Set<string>> {
  const all = await keys(studies);
  return new Set(
    all
      .filter((k): k is string => typeof k === 'string' && k.startsWith(TAUGHT_PREFIX))
      .map((k) => k.slice(TAUGHT_PREFIX.length)),
  );
}

/** The memory was cleared on purpose: no study's examples are to be rebuilt into it. */
export async function forgetTaughtStudies(): Promise<void> {
  for (const id of await readTaughtStudies()) await del(`${TAUGHT_PREFIX}${id}`, studies);
}

export async function saveTrialWeights(id: string, trialId: number, weights: Float32Array[]): Promise<string | null> {
  try {
    await set(weightsKey(id, trialId), weights, weightsStore);
    return null;
  } catch (e) {
    return storageMessage(e, `the weights of trial ${trialId}`);
  }
}

export async function readTrialWeights(id: string, trialId: number): Promise<Float32Array[] | undefined> {
  const value: unknown = await get(weightsKey(id, trialId), weightsStore);
  return Array.isArray(value) && value.every((w) => w instanceof Float32Array) ? (value as Float32Array[]) : undefined;
}
