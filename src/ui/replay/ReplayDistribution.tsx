// The figures of many replayed studies, as `npm run bench:simulate` prints them: regret, P(pick =
// best), rank agreement and compute, each with its 95% bootstrap interval, and the rule's paired
// difference from plain accuracy promotion on the same studies.
import { P_BEST_DEFINITION } from '../../core/groundTruth/poolBest';
import { COMPUTE_UNIT_BRIEF } from '../../core/groundTruth/replayCost';
import type { RuleReport } from '../../core/groundTruth/ruleReport';
import type { Interval } from '../../core/groundTruth/studySummary';
import { formatPercent } from '../kit/format';
import { TableScroll } from '../kit/TableScroll';

const pts = (v: number) => `${v.toFixed(2)} pts`;
const share = (v: number) => formatPercent(v, 0);
const ci = (i: Interval, f: (v: number) => string) => `[${f(i[0])}, ${f(i[1])}]`;
const signed = (v: number, f: (v: number) => string) => `${v > 0 ? '+' : ''}${f(v)}`;

export function ReplayDistribution({ report, configurations }: { report: RuleReport; configurations: number }) {
  const d = report.vsAccuracy;
  return (
    <div data-testid="replay-distribution" data-rule={report.rule} data-studies={report.studies}>
      <p>
        {report.studies.toLocaleString('en')} studies of {report.poolSize} configurations drawn from the table's{' '}
        {configurations}, full = {report.fullFidelity}. Intervals are 95% bootstrap intervals over the studies: the
        replay's uncertainty given this table, not how another set of configurations would differ.
      </p>
      <TableScroll label="Replayed studies: figures">
        <table>
          <tbody>
            <tr>
              <th>median regret</th>
              <td data-testid="replay-median-regret">{pts(report.medianRegretPts)}</td>
              <td className="muted">{ci(report.ci95.medianRegretPts, pts)}</td>
            </tr>
            <tr>
              <th>90th-percentile regret</th>
              <td>{pts(report.p90RegretPts)}</td>
              <td className="muted">{ci(report.ci95.p90RegretPts, pts)}</td>
            </tr>
            <tr>
              <th>P(pick = best)</th>
              <td data-testid="replay-p-best">{share(report.pBest)}</td>
              <td className="muted">{ci(report.ci95.pBest, share)}</td>
            </tr>
            <tr>
              <th>Spearman with full fidelity</th>
              <td>{report.spearman.toFixed(2)}</td>
              <td className="muted">{ci(report.ci95.spearman, (v) => v.toFixed(2))}</td>
            </tr>
            <tr>
              <th>compute (share of training the pool fully)</th>
              <td data-testid="replay-compute">{share(report.computeFraction)}</td>
              <td className="muted">{ci(report.ci95.computeFraction, share)}</td>
            </tr>
          </tbody>
        </table>
      </TableScroll>
      <p className="muted" data-testid="replay-definitions">
        P(pick = best): {P_BEST_DEFINITION}. Compute: {COMPUTE_UNIT_BRIEF}.
      </p>
      {d && (
        <p data-testid="replay-vs-accuracy">
          Against plain accuracy promotion on the same {d.studies.toLocaleString('en')} studies: mean regret{' '}
          {signed(d.meanRegretDiffPts, pts)} {ci(d.ci95.meanRegretDiffPts, pts)}, P(best){' '}
          {signed(100 * d.pBestDiff, (v) => `${v.toFixed(0)} pts`)}, compute{' '}
          {signed(100 * d.computeFractionDiff, (v) => `${v.toFixed(1)} pts`)}.{' '}
          {d.ci95.meanRegretDiffPts[0] > 0
            ? 'Its regret is higher: it does not help here.'
            : d.ci95.meanRegretDiffPts[1] < 0
              ? 'Its regret is lower, with an interval that excludes 0.'
              : 'The interval includes 0: no measurable difference.'}
        </p>
      )}
    </div>
  );
}
