// What the progress bar says about trials: only trials that trained to the end (completed, diverged
// or failed) count as settled; a trial that Stop cancelled, queued or part-trained, is "not run".
import type { StudyState } from '../../core/study/studyMachine';

export interface TrialCounts {
  settled: number;
  cancelled: number;
  planned: number;
}

export function trialCounts(study: Pick<StudyState, 'trials'>, plannedTrials: number): TrialCounts {
  const settled = study.trials.filter((t) => t.state === 'completed' || t.state === 'diverged' || t.state === 'failed');
  const cancelled = study.trials.filter((t) => t.state === 'cancelled').length;
  return { settled: settled.length, cancelled, planned: Math.max(plannedTrials, study.trials.length) };
}

export function progressLabel(study: Pick<StudyState, 'trials' | 'phase'>, plannedTrials: number): string {
  const { settled, cancelled, planned } = trialCounts(study, plannedTrials);
  return `${settled} / ${planned} trials · ${study.phase}${cancelled > 0 ? ` (${cancelled} not run)` : ''}`;
}
