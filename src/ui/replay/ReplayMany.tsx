// "Replay 1,000 studies": the distribution behind one replayed study, with a progress bar; it is
// recomputed on request only, since a class changes the settings faster than it reads the figures.
import { useEffect, useRef, useState } from 'react';
import type { LearningCurveTable } from '../../core/groundTruth/learningCurveTable';
import type { ReplaySchedulerName } from '../../core/groundTruth/replayPlans';
import type { PromotionRuleName } from '../../core/groundTruth/replayPromotion';
import type { RuleReport } from '../../core/groundTruth/ruleReport';
import { DEFAULT_SIMULATION } from '../../core/groundTruth/simulateStudies';
import type { TableConfiguration } from '../../core/groundTruth/tableConfigurations';
import { ProgressBar } from '../components/ProgressBar';
import { ReplayDistribution } from './ReplayDistribution';
import { replayStudies } from './replayStudies';

const STUDIES = 1000;

export function ReplayMany(props: {
  table: LearningCurveTable;
  configs: TableConfiguration[];
  scheduler: ReplaySchedulerName;
  rule: PromotionRuleName;
  poolSize: number;
}) {
  const [progress, setProgress] = useState<{ done: number; total: number; startedAt: number } | null>(null);
  const [report, setReport] = useState<RuleReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const gone = useRef(false);
  useEffect(
    () => () => {
      gone.current = true;
    },
    [],
  );
  const run = () => {
    const startedAt = Date.now();
    setReport(null);
    setError(null);
    setProgress({ done: 0, total: 1, startedAt });
    replayStudies(
      props.table,
      props.configs,
      { ...props, studies: STUDIES, settings: DEFAULT_SIMULATION },
      (done, total) => setProgress({ done, total, startedAt }),
      () => gone.current,
    ).then(
      (r) => {
        if (gone.current) return;
        setProgress(null);
        setReport(r);
      },
      (e: unknown) => {
        if (gone.current) return;
        setProgress(null);
        setError(`The replay failed: ${e instanceof Error ? e.message : String(e)}`);
      },
    );
  };
  return (
    <div className="replay-many">
      <button onClick={run} disabled={progress !== null} data-testid="replay-many">
        Replay {STUDIES.toLocaleString('en')} studies
      </button>
      {progress && (
        <ProgressBar
          value={progress.done}
          max={progress.total}
          label={`${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')} replayed studies`}
          testId="replay-progress"
          running
          startedAt={progress.startedAt}
        />
      )}
      {error && <p role="alert">{error}</p>}
      {report && <ReplayDistribution report={report} configurations={props.configs.length} />}
    </div>
  );
}
