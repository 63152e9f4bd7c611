// "Compare schedulers": 1,000 replayed studies per scheduler under the panel's rule and pool size,
// drawn as compute against P(pick = best) and tabled with regret. The verdict against random search
// is the measured evidence's, the same the study settings give (one per scheduler); this panel's own
// intervals are over its studies and say how much a study varies. Not offered near the whole table.
import type { LearningCurveTable } from '../../core/groundTruth/learningCurveTable';
import { P_BEST_DEFINITION } from '../../core/groundTruth/poolBest';
import { COMPUTE_UNIT_BRIEF } from '../../core/groundTruth/replayCost';
import type { PromotionRuleName } from '../../core/groundTruth/replayPromotion';
import { DEFAULT_SIMULATION } from '../../core/groundTruth/simulateStudies';
import type { TableConfiguration } from '../../core/groundTruth/tableConfigurations';
import evidence from '../../core/groundTruth/promotionEvidence.json';
import type { PromotionEvidence } from '../../core/groundTruth/promotionEvidence';
import { schedulerVerdicts, TABLE_INTERVAL_MEANING } from '../../core/groundTruth/schedulerEvidence';
import { compareSchedulers, comparisonProblem, type SchedulerReport } from './compareSchedulers';
import { JobBar, STUDIES } from './ReplayMany';
import { useReplayJob } from './useReplayJob';
import { SCHEDULER_SHORT, SchedulerChart } from './SchedulerChart';
import { Notice } from '../kit/Notice';
import { formatPercent, formatSigned } from '../kit/format';
import { TableScroll } from '../kit/TableScroll';

const pct = (v: number) => formatPercent(v, 0);
const range = (i: [number, number], f: (v: number) => string) => `[${f(i[0])}, ${f(i[1])}]`;
const signed = (v: number) => formatSigned(v);
const VERDICTS = schedulerVerdicts((evidence as PromotionEvidence).schedulers ?? []);
const VERDICT_POOL = [...VERDICTS.values()][0]?.poolSize ?? null;

export function SchedulerComparison(props: {
  table: LearningCurveTable;
  configs: TableConfiguration[];
  rule: PromotionRuleName;
  poolSize: number;
}) {
  const { progress, result: reports, error, run } = useReplayJob<SchedulerReport[]>();
  const start = () =>
    run(
      (onProgress, cancelled) =>
        compareSchedulers(
          props.table,
          props.configs,
          { rule: props.rule, poolSize: props.poolSize, studies: STUDIES, settings: DEFAULT_SIMULATION },
          onProgress,
          cancelled,
        ),
      'The comparison failed',
    );
  const problem = comparisonProblem(props.poolSize, props.configs.length);
  if (problem)
    return (
      <div className="replay-many">
        <Notice tone="info" testId="compare-not-offered">
          {problem}
        </Notice>
      </div>
    );
  return (
    <div className="replay-many">
      <button onClick={start} disabled={progress !== null} data-testid="compare-schedulers">
        Compare schedulers
      </button>
      {progress && <JobBar progress={progress} testId="compare-progress" />}
      {error && (
        <Notice tone="error" live="alert">
          {error}
        </Notice>
      )}
      {reports && (
        <div data-testid="scheduler-comparison">
          <p>
            Each scheduler on the same {STUDIES.toLocaleString('en')} studies of {props.poolSize} configurations, full ={' '}
            {reports[0].fullFidelity}. Above the dashed line, a scheduler finds the best configuration more often than
            training a random share of the pool fully for the same compute. The regret column is the scheduler's mean
            regret minus that random search's, study by study: below 0, the scheduler picks better for its compute.
            {props.poolSize === props.configs.length &&
              ' Every study here uses the whole table, so they differ only in the order configurations are taken, which breaks ties between equal accuracies.'}
          </p>
          <div className="replay-chart">
            <SchedulerChart reports={reports} />
          </div>
          <TableScroll label="Schedulers compared">
            <table>
              <thead>
                <tr>
                  <th>scheduler</th>
                  <th>compute</th>
                  <th>P(pick = best)</th>
                  <th>median regret</th>
                  <th>90th-percentile regret</th>
                  <th>regret vs random search at equal compute</th>
                  <th>verdict{VERDICT_POOL === null ? '' : ` (measured at ${VERDICT_POOL} per study)`}</th>
                </tr>
              </thead>
              <tbody>
                {reports.map((r) => (
                  <tr key={r.scheduler} data-testid="scheduler-row" data-scheduler={r.scheduler}>
                    <td>{SCHEDULER_SHORT[r.scheduler]}</td>
                    <td>
                      {pct(r.computeFraction)} <span className="muted">{range(r.ci95.computeFraction, pct)}</span>
                    </td>
                    <td>
                      {pct(r.pBest)} <span className="muted">{range(r.ci95.pBest, pct)}</span>
                    </td>
                    <td>{r.medianRegretPts.toFixed(2)} pts</td>
                    <td>{r.p90RegretPts.toFixed(2)} pts</td>
                    <td data-testid="scheduler-vs-random">{signed(r.vsRandom.meanRegretDiffPts)} pts</td>
                    <td data-testid="scheduler-verdict">{verdictText(r.scheduler)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <p className="muted" data-testid="interval-meaning">
            Intervals in brackets are 95% intervals over these {STUDIES.toLocaleString('en')} studies: how much one
            study of {props.poolSize} varies on this table, not whether a scheduler beats random search. The verdict is
            the one the study settings give, from{' '}
            {VERDICT_POOL === null ? 'the measured evidence' : `studies of ${VERDICT_POOL}`} (npm run bench:simulate):{' '}
            {TABLE_INTERVAL_MEANING} P(pick = best): {P_BEST_DEFINITION}. Compute, the scheduler&apos;s and random
            search&apos;s alike: {COMPUTE_UNIT_BRIEF}.
          </p>
        </div>
      )}
    </div>
  );
}

/** The scheduler's one verdict, with the interval over resampled tables it rests on. */
function verdictText(scheduler: string): string {
  const v = VERDICTS.get(scheduler);
  return v ? `${v.verdict} ${range(v.tableCi95, signed)} pts` : 'not measured';
}
