// Audit mode from the page: a button trains every configuration of the finished study at
// full fidelity (../orchestrator/audit) on the study's worker pool, shows how well each ranking rule
// predicted the result, saves the report beside the study and teaches the meta-model's memory.
import { AuditStopped, auditStudy } from '../orchestrator/audit';
import { auditExamples, type FullFidelityRun } from '../orchestrator/auditExamples';
import { currentPool, ensurePool, loadDataset } from './page';
import { currentTrialResults, currentTrialSignals } from '../store/trialFacts';
import { beginAudit, saveAudit } from './auditSession';
import { memoryExamples, rememberExamples } from '../store/memory';
import { scoreAuditInWorker } from '../orchestrator/metaModelWorker';
import { initialAudit, labStore, type AuditState } from '../store/labStore';
import { notice } from '../store/persistence';

export { stopAudit } from './auditSession';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function stoppedMessage(finished: readonly FullFidelityRun[], total: number): string {
  const reused = finished.filter((r) => r.reused).length;
  const kept =
    finished.length === 0
      ? 'No full-fidelity run had finished.'
      : `Their accuracies are kept below${finished.some((r) => r.status !== 'failed') ? ' and taught to the meta-model' : ''}.`;
  return `Audit stopped after ${finished.length} of ${total} full-fidelity runs${reused ? ` (${reused} reused from the study)` : ''}. ${kept} Run the audit again for the rules and the chart.`;
}

/** Audits the study on screen; only a finished or stopped study, and only while no study runs. */
export async function runAudit(): Promise<void> {
  const { study, studyId, busy, audit } = labStore.getState();
  if (!study || !studyId || busy !== 'idle' || audit.running) return;
  if (study.phase !== 'finished' && study.phase !== 'stopped') return;
  const { signal, owns } = beginAudit();
  const total = study.configs.length;
  const finished: FullFidelityRun[] = [];
  const update = (patch: Partial<AuditState>) => {
    if (owns()) labStore.setState({ audit: { ...labStore.getState().audit, ...patch } });
  };
  labStore.setState({ audit: { ...initialAudit, running: true, total, studyId } });
  // Read now: another study may come on screen before the audit ends.
  const results = currentTrialResults();
  const signals = currentTrialSignals();
  try {
    const labels = (await loadDataset()).labels;
    // A study reopened after a reload has no pool yet: start one as the study would have.
    const pool = currentPool() ?? (await ensurePool(study.definition.scheduler.numConfigs));
    if (signal.aborted) throw new AuditStopped(0, total);
    const report = await auditStudy(study, results, pool, labels, {
      signal,
      memory: await memoryExamples(),
      scorer: scoreAuditInWorker,
      onFullFidelityTrial: (e) => {
        finished.push({ configId: e.configId, status: e.status, valAccuracy: e.valAccuracy, reused: e.reused });
        update({ done: e.done, total: e.total, finished: [...finished] });
      },
    });
    update({ running: false, report, done: total, finished: [...finished] });
    await saveAudit(studyId, report);
  } catch (e) {
    update({
      running: false,
      error: e instanceof AuditStopped ? stoppedMessage(finished, total) : `The audit failed: ${message(e)}`,
    });
  } finally {
    // Every full-fidelity result, of a finished audit or a stopped one, teaches the meta-model.
    try {
      await rememberExamples(auditExamples(study, signals, finished, Date.now()));
    } catch (e) {
      notice(`The audit's results could not be added to the meta-model memory (${message(e)}).`);
    }
  }
}
