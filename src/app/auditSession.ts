// The audit on screen: which study it belongs to, the switch that stops it, and its saved record
// (../storage/auditStore, checked by ../orchestrator/auditRecord). Apart from ./auditActions so that
// ./labRoot can clear or reload it when another study comes on screen, without an import cycle.
import type { AuditReport } from '../orchestrator/audit';
import { checkAuditRecord, type AuditRecord } from '../orchestrator/auditRecord';
import { readAuditRecord, saveAuditRecord } from '../storage/auditStore';
import { initialAudit, labStore, type AuditState } from '../store/labStore';
import { notice } from '../store/persistence';

let controller: AbortController | null = null;
// Bumped whenever the audit on screen changes hands: an older audit still finishing must not write over it.
let session = 0;

/** Starts an audit: its stop signal, and a test of whether it still owns labStore.audit. */
export function beginAudit(): { signal: AbortSignal; owns: () => boolean } {
  controller?.abort();
  const mine = ++session;
  controller = new AbortController();
  return { signal: controller.signal, owns: () => session === mine };
}

/** Asks the running audit to stop; full-fidelity runs already finished are kept. */
export function stopAudit(): void {
  controller?.abort();
}

/** Stops any audit and forgets the one on screen: another study is coming on screen. */
export function clearAudit(): void {
  controller?.abort();
  controller = null;
  session++;
  labStore.setState({ audit: initialAudit });
}

const shown = (studyId: string, report: AuditReport): AuditState => ({
  ...initialAudit,
  studyId,
  report,
  done: report.numConfigs,
  total: report.numConfigs,
  finished: report.rows.map((r) => ({
    configId: r.configId,
    status: r.fullStatus,
    valAccuracy: r.fullFidelityAccuracy,
    reused: r.reused,
  })),
});

/** Shows a study's saved audit if it has one; a damaged record becomes a notice and is ignored. */
export async function showSavedAudit(studyId: string): Promise<void> {
  const mine = session;
  let raw: unknown;
  try {
    raw = await readAuditRecord(studyId);
  } catch (e) {
    notice(`Could not read the saved audit of study ${studyId} (${e instanceof Error ? e.message : String(e)}).`);
    return;
  }
  if (raw === undefined || session !== mine) return;
  const checked = checkAuditRecord(raw, studyId);
  if (!checked.ok) return notice(checked.error);
  labStore.setState({ audit: shown(studyId, checked.record.report) });
}

export async function saveAudit(studyId: string, report: AuditReport): Promise<void> {
  const record: AuditRecord = { v: 1, studyId, savedAt: Date.now(), report };
  const problem = await saveAuditRecord(studyId, record);
  if (problem) notice(problem);
}
