// The meta-model's memory rebuilt from saved studies: when the browser cleared the examples store
// between visits but kept the study records, a finished study's examples come back from its record
// (the same curves and probes the page remembered them from: persistence.recordOfStudy).
import { examplesFromStudy, exampleKey, type MetaExample, type TrialSignals } from '../core/metaModel/memory';
import { trainedToEnd } from '../core/study/studyMachine';
import type { CheckedRecord } from '../core/study/studyRecord';
import { probeSignalsOf } from './audit';

/** Loss curves and probes of a record's trained trials, as the meta-model reads them. */
export function recordSignals(record: CheckedRecord): Map<number, TrialSignals> {
  const out = new Map<number, TrialSignals>();
  for (const t of record.state.trials) {
    if (!trainedToEnd(t)) continue;
    const lossCurve = (record.curves[t.trialId] ?? []).map((p) => ({
      step: p.step,
      epoch: p.epoch,
      loss: p.loss,
      accuracy: p.accuracy,
    }));
    out.set(t.trialId, {
      lossCurve,
      probes: probeSignalsOf({
        probes: record.probes[t.trialId],
        initGradientNorm: record.initGradientNorms[t.trialId],
      }),
    });
  }
  return out;
}

/**
 * Examples that saved studies taught the memory (`taught`: their ids, noted beside the records when
 * the examples were remembered; an imported study taught nothing) and the stored memory lacks.
 */
export function missingStudyExamples(
  records: readonly CheckedRecord[],
  taught: ReadonlySet<string>,
  stored: readonly MetaExample[],
): { examples: MetaExample[]; studies: number } {
  const have = new Set(stored.map(exampleKey));
  const examples: MetaExample[] = [];
  let studies = 0;
  for (const r of records) {
    if (!taught.has(r.id) || r.state.phase === 'running') continue;
    const missing = examplesFromStudy(r.state, recordSignals(r), r.updatedAt).filter((e) => !have.has(exampleKey(e)));
    if (missing.length === 0) continue;
    studies++;
    for (const e of missing) {
      have.add(exampleKey(e));
      examples.push(e);
    }
  }
  return { examples, studies };
}
