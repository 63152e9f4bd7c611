// "Replay 1,000 studies": the distribution behind one replayed study, with a progress bar; it is
// recomputed on request only, since a class changes the settings faster than it reads the figures.
// Not offered near the whole table, where the studies would repeat one pool (./compareSchedulers).
import type { LearningCurveTable } from '../../core/groundTruth/learningCurveTable';
import type { ReplaySchedulerName } from '../../core/groundTruth/replayPlans';
import type { PromotionRuleName } from '../../core/groundTruth/replayPromotion';
import type { RuleReport } from '../../core/groundTruth/ruleReport';
import { DEFAULT_SIMULATION } from '../../core/groundTruth/simulateStudies';
import type { TableConfiguration } from '../../core/groundTruth/tableConfigurations';
import { ProgressBar } from '../components/ProgressBar';
import { ReplayDistribution } from './ReplayDistribution';
import { replayStudies } from './replayStudies';
import { useReplayJob, type JobProgress } from './useReplayJob';
import { comparisonProblem } from './compareSchedulers';
import { Notice } from '../kit/Notice';

export const STUDIES = 1000;

export function ReplayMany(props: {
  table: LearningCurveTable;
  configs: TableConfiguration[];
  scheduler: ReplaySchedulerName;
  rule: PromotionRuleName;
  poolSize: number;
}) {
  const { progress, result, error, run } = useReplayJob<RuleReport>();
  const start = () =>
    run(
      (onProgress, cancelled) =>
        replayStudies(
          props.table,
          props.configs,
          { ...props, studies: STUDIES, settings: DEFAULT_SIMULATION },
          onProgress,
          cancelled,
        ),
      'The replay failed',
    );
  const problem = comparisonProblem(
    props.poolSize,
    props.configs.length,
    `The ${STUDIES.toLocaleString('en')}-study replay is not offered`,
  );
  if (problem)
    return (
      <div className="replay-many">
        <Notice tone="info" testId="replay-many-not-offered">
          {problem}
        </Notice>
      </div>
    );
  return (
    <div className="replay-many">
      <button onClick={start} disabled={progress !== null} data-testid="replay-many">
        Replay {STUDIES.toLocaleString('en')} studies
      </button>
      {progress && <JobBar progress={progress} testId="replay-progress" />}
      {error && (
        <Notice tone="error" live="alert">
          {error}
        </Notice>
      )}
      {result && <ReplayDistribution report={result} configurations={props.configs.length} />}
    </div>
  );
}

export function JobBar({ progress, testId }: { progress: JobProgress; testId: string }) {
  return (
    <ProgressBar
      value={progress.done}
      max={progress.total}
      label={`${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')} replayed studies`}
      testId={testId}
      running
      startedAt={progress.startedAt}
    />
  );
}
