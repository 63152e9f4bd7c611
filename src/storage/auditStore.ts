// Saved audits in IndexedDB (idb-keyval), one versioned record per study under `audit:v1:<studyId>`,
// so reopening a study shows its audit without retraining. Values come back unchecked (the caller
// validates them); write failures come back as messages, never thrown.
import { createStore, del, get, set } from 'idb-keyval';

const audits = createStore('llp-audits', 'reports');
const auditKey = (studyId: string) => `audit:v1:${studyId}`;

/** Saves (or replaces) a study's audit; null on success, else a message for the page. */
export async function saveAuditRecord(studyId: string, record: unknown): Promise<string | null> {
  try {
    await set(auditKey(studyId), record, audits);
    return null;
  } catch (e) {
    const why =
      e instanceof DOMException && e.name === 'QuotaExceededError'
        ? 'browser storage is full'
        : e instanceof Error
          ? e.message
          : String(e);
    return `Could not save the audit of study ${studyId} (${why}); it stays on screen until the page is closed.`;
  }
}

/** The stored value for a study, or undefined when it has none. */
export async function readAuditRecord(studyId: string): Promise<unknown> {
  return get(auditKey(studyId), audits);
}

export async function deleteAuditRecord(studyId: string): Promise<void> {
  await del(auditKey(studyId), audits);
}
