// What an audit (./audit.ts) of a finished study will cost before it starts, so the page can say it
// up front: every configuration once at full fidelity, minus the runs the study already made.
import { budgetAt } from '../core/schedulers/schedule';
import { trainedToEnd, type StudyState } from '../core/study/studyMachine';
import { studyComputeFraction } from './audit';

export interface AuditPlan {
  configurations: number;
  /** Configurations the study itself trained from scratch at resource 1: the audit reuses them. */
  reused: number;
  toTrain: number;
  /** Full fidelity: training images and epochs at resource 1. */
  trainImages: number;
  epochs: number;
  /** The audit's training compute over the study's own (images x epochs); null if the study trained nothing. */
  relativeToStudy: number | null;
}

export function auditPlan(state: StudyState): AuditPlan {
  const def = state.definition;
  const full = budgetAt(def, 1);
  // The same rule auditStudy uses to reuse a study trial: resource 1, trained from scratch, not failed.
  const reusedIds = new Set(
    state.trials.filter((t) => t.resource === 1 && t.resumeFrom === null && trainedToEnd(t)).map((t) => t.configId),
  );
  const configurations = state.configs.length;
  const toTrain = configurations - reusedIds.size;
  const studyRuns = studyComputeFraction(state) * configurations; // in units of one full-fidelity run
  return {
    configurations,
    reused: reusedIds.size,
    toTrain,
    trainImages: Math.round(full.dataFraction * def.data.maxTrainImages),
    epochs: full.epochs,
    relativeToStudy: studyRuns > 0 ? toTrain / studyRuns : null,
  };
}
