// What an audit teaches the meta-model's memory (../core/metaModel/memory): one example per
// configuration with a full-fidelity result, labelled with that accuracy (a diverged run at chance,
// a failed one left out). Runs the audit reused from the study keep the source 'study': they are the
// study's own trials, and a later study's examples must not count them twice as audits.
import { makeExamples, type MetaExample, type TrialSignals } from '../core/metaModel/memory';
import type { StudyState } from '../core/study/studyMachine';

/** One full-fidelity result as the audit reports it (AuditOptions.onFullFidelityTrial, or a report row). */
export interface FullFidelityRun {
  configId: number;
  status: 'completed' | 'diverged' | 'failed';
  valAccuracy: number | null;
  reused: boolean;
}

/** Full-fidelity accuracy per configuration, split by who trained it; failed runs (and completed ones without an accuracy) are skipped. */
export function fullAccuracies(
  runs: readonly FullFidelityRun[],
  numClasses = 10,
): { audit: Map<number, number>; study: Map<number, number> } {
  const out = { audit: new Map<number, number>(), study: new Map<number, number>() };
  for (const r of runs) {
    const accuracy = r.status === 'diverged' ? 1 / numClasses : r.status === 'completed' ? r.valAccuracy : null;
    if (accuracy === null) continue;
    (r.reused ? out.study : out.audit).set(r.configId, accuracy);
  }
  return out;
}

export function auditExamples(
  state: StudyState,
  signals: ReadonlyMap<number, TrialSignals>,
  runs: readonly FullFidelityRun[],
  now: number,
  numClasses = 10,
): MetaExample[] {
  const { audit, study } = fullAccuracies(runs, numClasses);
  return [
    ...makeExamples(state, signals, audit, 'audit', now, numClasses),
    ...makeExamples(state, signals, study, 'study', now, numClasses),
  ];
}
