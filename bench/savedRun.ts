// What `bench:search --out` saves, read back (plain or gzipped, as the runs in bench/runs/ are) by
// bench:search --replay and bench:promotion.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { StudyState } from '../src/core/study/studyMachine';
import type { AuditReport } from '../src/orchestrator/audit';
import type { Outcome, TrialResult } from '../workers/protocol';

/** Enough to re-score without training: the study, its trials' results, the audit's full-fidelity runs. */
export interface SavedRun {
  preset: string;
  state: StudyState;
  results: [number, TrialResult][];
  fullResults: [number, Outcome<TrialResult>][];
  workers: number;
  studyMs: number;
  wallMs?: number;
  report?: AuditReport;
}

export function readRun(path: string): SavedRun {
  return JSON.parse(
    (path.endsWith('.gz') ? gunzipSync(readFileSync(path)) : readFileSync(path)).toString('utf8'),
  ) as SavedRun;
}

/** Full-fidelity accuracy per configuration from an audit report: a diverged run at chance, a failed one left out. */
export function fullAccuracyOf(report: AuditReport, numClasses = 10): Map<number, number> {
  return new Map(
    report.rows
      .filter((r) => r.fullStatus !== 'failed')
      .map((r) => [r.configId, r.fullFidelityAccuracy ?? 1 / numClasses]),
  );
}
