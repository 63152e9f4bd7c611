// Audit mode, opt in: once a study has finished, train every configuration at full fidelity and see
// how well the cheap ranking rules (and the study's own pick) predicted the full-fidelity order.
import { useMemo } from 'react';
import { auditPlan } from '../../orchestrator/auditPlan';
import { runAudit, stopAudit } from '../../app/auditActions';
import { initialAudit, useLab } from '../../store/labStore';
import { AuditReportView } from './AuditReportView';
import { ProgressBar } from './ProgressBar';
import { Notice } from '../kit/Notice';
import { formatPercent as pct } from '../kit/format';
import { TableScroll } from '../kit/TableScroll';

export function AuditPanel() {
  const study = useLab((s) => s.study);
  const studyId = useLab((s) => s.studyId);
  const busy = useLab((s) => s.busy);
  const stored = useLab((s) => s.audit);
  const plan = useMemo(() => (study ? auditPlan(study) : null), [study]);
  if (!study || !plan || (study.phase !== 'finished' && study.phase !== 'stopped')) return null;
  // An audit of another study (still stopping, or reopened elsewhere) is not this one's.
  const audit = stored.studyId === studyId ? stored : initialAudit;
  const { running, report, error, finished } = audit;
  const epochs = `${plan.epochs} epoch${plan.epochs === 1 ? '' : 's'}`;
  const trained = finished.filter((r) => !r.reused).length;
  return (
    <section
      className="panel"
      data-testid="audit-panel"
      data-state={running ? 'running' : report ? 'done' : error ? 'error' : 'idle'}
    >
      <h2>Audit: did the cheap trials rank correctly?</h2>
      {!report && (
        <Notice tone="info" testId="audit-cost">
          Trains each of the {plan.configurations} configurations on {plan.trainImages.toLocaleString('en')} images ×{' '}
          {epochs} (full fidelity): {plan.toTrain} new run{plan.toTrain === 1 ? '' : 's'}
          {plan.reused > 0 ? `, ${plan.reused} reused from the study's last rung` : ''}
          {plan.relativeToStudy !== null
            ? `, about ${plan.relativeToStudy.toFixed(1)}× the study's own training compute`
            : ''}
          .
        </Notice>
      )}
      {!report && (
        <div className="controls">
          <button
            type="button"
            className="primary"
            onClick={() => void runAudit()}
            disabled={running || busy !== 'idle'}
          >
            Audit: train every configuration fully
          </button>
          {running && (
            <button type="button" onClick={stopAudit}>
              Stop audit
            </button>
          )}
        </div>
      )}
      {/* Filled, and timed, by the runs trained: the reused ones arrive at once and cost nothing. */}
      {running && (
        <ProgressBar
          testId="audit-progress"
          value={trained}
          max={Math.max(plan.toTrain, trained)}
          running
          label={`${audit.done} / ${audit.total} full-fidelity runs`}
        />
      )}
      {error && (
        <Notice tone="error" live="alert" testId="audit-error">
          {error}
        </Notice>
      )}
      {!report && finished.length > 0 && (
        <TableScroll label="Full-fidelity runs">
          <table data-testid="audit-runs">
            <thead>
              <tr>
                <th>config</th>
                <th>full-fidelity val acc</th>
                <th>
                  <span className="visually-hidden">source</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {finished.map((r) => (
                <tr key={r.configId}>
                  <td>{r.configId}</td>
                  <td>{r.status === 'completed' ? pct(r.valAccuracy) : r.status}</td>
                  <td className="muted">{r.reused ? 'reused from the study' : 'trained by the audit'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {report && <AuditReportView report={report} />}
      {report?.metaModel && <Notice tone="info">The predicted-versus-actual chart is in the Analysis section.</Notice>}
    </section>
  );
}
