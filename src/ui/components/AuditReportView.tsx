// An audit's verdict on the ranking rules (../../orchestrator/audit): how well rung-0 accuracy, the
// sharpness composite and the meta-model ordered the configurations against full fidelity.
import type { AuditReport, AuditRuleRow } from '../../orchestrator/audit';
import { Notice } from '../kit/Notice';
import { formatNumber, formatPercent, formatSeconds } from '../kit/format';
import { TableScroll } from '../kit/TableScroll';
import { Term } from '../glossary/Term';

const RULE_NAMES: Record<AuditRuleRow['rule'], string> = {
  lowFidelity: 'Low fidelity: rung-0 accuracy',
  composite: 'Composite: accuracy − α · sharpness',
  metaModel: 'Meta-model (nested leave-one-out)',
  metaModelMemory: 'Meta-model from memory (earlier studies only)',
};
const fixed = (v: number, digits: number) => formatNumber(v, digits);
const pts = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} pts` : '—');

export function AuditReportView({ report }: { report: AuditReport }) {
  const m = report.metaModel;
  return (
    <div data-testid="audit-report">
      <p>
        {report.scored} of {report.numConfigs} configurations scored at full fidelity ({report.fullFidelity}):{' '}
        {report.fullFidelityRuns} trained by the audit, {report.reusedRuns} reused from the study; the audit took{' '}
        {formatSeconds(report.auditMs)}.
      </p>
      {report.rules.length === 0 ? (
        <Notice tone="info">
          Too few configurations with a full-fidelity result to compare rankings (at least 2 are needed).
        </Notice>
      ) : (
        <TableScroll label="Ranking rules against full fidelity">
          <table data-testid="audit-rules">
            <thead>
              <tr>
                <th>ranking rule</th>
                <th title="Rank correlation with the full-fidelity order: 1 is the same order, 0 unrelated">
                  <Term id="spearman" />
                </th>
                <th title="Kendall's τ-b: the share of pairs in the right order minus the share in the wrong one">
                  <Term id="kendall" />
                </th>
                <th title="Best full-fidelity accuracy minus that of the rule's first pick">
                  top-1 <Term id="regret" />
                </th>
                <th title="Best full-fidelity accuracy minus the best among the rule's top three">top-3 regret</th>
                <th title="Training compute the rule needs, relative to training every configuration fully">compute</th>
              </tr>
            </thead>
            <tbody>
              {report.rules.map((r) => (
                <tr
                  key={r.rule}
                  data-testid="audit-rule"
                  data-rule={r.rule}
                  data-spearman={r.spearman}
                  data-kendall={r.kendall}
                  data-top1={r.top1RegretPts}
                  data-top3={r.top3RegretPts}
                  data-compute={r.computeFraction}
                >
                  <td title={r.note}>{RULE_NAMES[r.rule]}</td>
                  <td>{fixed(r.spearman, 2)}</td>
                  <td>{fixed(r.kendall, 2)}</td>
                  <td>{pts(r.top1RegretPts)}</td>
                  <td>{pts(r.top3RegretPts)}</td>
                  <td>{formatPercent(r.computeFraction, 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {m && (
        <p data-testid="audit-meta-model" data-rmse={m.rmsePts} data-coverage={m.coverage}>
          Meta-model: RMSE <strong>{fixed(m.rmsePts, 1)} points</strong> of accuracy (MAE {fixed(m.maePts, 1)});{' '}
          {fixed(100 * m.coverage, 0)}% of the full-fidelity accuracies fall inside their{' '}
          {Math.abs(m.z - 1.645) < 1e-9 ? '90%' : `±${m.z} sd`} interval. Models chosen:{' '}
          {Object.entries(m.chosen)
            .map(([name, n]) => `${name} ×${n}`)
            .join(', ')}
          .
        </p>
      )}
      {report.promotions && report.promotions.length > 0 && (
        <ul data-testid="audit-promotions">
          {report.promotions.map((c) => (
            <li
              key={`${c.bracket}-${c.rung}`}
              data-testid="audit-promotion"
              data-rule={c.rule}
              data-regret={c.regretPts}
              data-accuracy-regret={c.accuracyRegretPts}
            >
              Rung {c.rung + 1} → {c.rung + 2}
              {report.promotions!.some((x) => x.bracket > 0) ? ` (bracket ${c.bracket + 1})` : ''}, promoted by{' '}
              {c.rule === 'metaModel' ? 'the meta-model' : 'accuracy'}: kept the eventual best within{' '}
              <strong>{pts(c.regretPts)}</strong>
              {c.rule === 'metaModel' ? (
                <> (promoting by accuracy would have kept it within {pts(c.accuracyRegretPts)})</>
              ) : null}
              .
            </li>
          ))}
        </ul>
      )}
      {report.successiveHalving && (
        <p data-testid="audit-winner" data-regret={report.successiveHalving.top1RegretPts}>
          The study's own winner, config {report.successiveHalving.configId}, is{' '}
          {report.successiveHalving.top1RegretPts < 0.05 ? (
            <strong>also the best at full fidelity</strong>
          ) : (
            <>
              <strong>{report.successiveHalving.top1RegretPts.toFixed(1)} points</strong> below the best configuration
              at full fidelity
            </>
          )}{' '}
          (top-1 regret).
        </p>
      )}
      <ul className="muted audit-small-print" data-testid="audit-assumptions">
        {report.rules.map((r) => (
          <li key={r.rule}>
            <small>
              {RULE_NAMES[r.rule]}: {r.note}.
            </small>
          </li>
        ))}
        {report.assumptions.map((a) => (
          <li key={a}>
            <small>{a}.</small>
          </li>
        ))}
      </ul>
    </div>
  );
}
