// The study's progress bar: filled by training work (../../core/study/studyWork), since a late rung's one
// trial can cost as much as a whole early rung, labelled in trials, with elapsed time and ETA.
import { useMemo } from 'react';
import { summarisePlan } from '../../core/schedulers/schedule';
import { studyWork } from '../../core/study/studyWork';
import { useLab } from '../../store/labStore';
import { ProgressBar } from './ProgressBar';
import { progressLabel } from './trialCounts';

export function StudyProgress({ testId }: { testId?: string }) {
  const study = useLab((s) => s.study);
  const live = useLab((s) => s.live);
  const busy = useLab((s) => s.busy);
  const startedAt = useLab((s) => s.startedAt);
  const work = useMemo(() => (study ? studyWork(study, live) : null), [study, live]);
  const plannedTrials = useMemo(() => (study ? summarisePlan(study.definition).trials : 0), [study]);
  if (!study || !work) return null;
  return (
    <ProgressBar
      value={work.done}
      max={work.planned}
      testId={testId}
      running={busy === 'running' && study.phase === 'running'}
      startedAt={startedAt}
      label={progressLabel(study, plannedTrials)}
    />
  );
}
