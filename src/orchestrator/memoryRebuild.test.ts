// The memory rebuilt from saved records, against the oracle of what the page remembered at the end
// of the study (examplesFromStudy over the live signals): the same examples, none twice.
import { describe, expect, it } from 'vitest';
import { examplesFromStudy } from '../core/metaModel/memory';
import { recordCurve, RECORD_VERSION, type CheckedRecord } from '../core/study/studyRecord';
import { scriptedStudy } from '../testing/scriptedStudy';
import { trialSignalsOf } from './audit';
import { missingStudyExamples } from './memoryRebuild';

function savedStudy(updatedAt: number) {
  const { state, results } = scriptedStudy();
  // Some trials carry an initial gradient norm, so the probe signals travel through the record too.
  for (const [id, r] of results) if (id % 3 === 0) r.initGradientNorm = 0.5 + id / 100;
  const record: CheckedRecord = {
    v: RECORD_VERSION,
    id: 'abc-1',
    createdAt: 1,
    updatedAt,
    state,
    curves: {},
    probes: {},
    initGradientNorms: {},
    backend: 'wasm',
  };
  for (const [id, r] of results) {
    record.curves[id] = recordCurve(r.lossCurve);
    if (r.initGradientNorm !== undefined) record.initGradientNorms[id] = r.initGradientNorm;
  }
  // What the page remembered when the study ended (actions.currentTrialSignals over the same facts).
  const remembered = examplesFromStudy(state, trialSignalsOf(results), updatedAt);
  return { record, remembered };
}

const taught = new Set(['abc-1']);

describe('meta-model memory rebuilt from saved studies', () => {
  it('gives back exactly the examples the finished study left', () => {
    const { record, remembered } = savedStudy(1000);
    expect(record.state.phase).toBe('finished');
    expect(remembered.length).toBeGreaterThan(0);
    const rebuilt = missingStudyExamples([record], taught, []);
    expect(rebuilt).toEqual({ examples: remembered, studies: 1 });
  });

  it('adds only what the stored memory lacks', () => {
    const { record, remembered } = savedStudy(1000);
    expect(missingStudyExamples([record], taught, remembered)).toEqual({ examples: [], studies: 0 });
    const kept = remembered.slice(1);
    expect(missingStudyExamples([record], taught, kept).examples).toEqual(remembered.slice(0, 1));
  });

  it('rebuilds nothing from a study that taught nothing (imported, still running, or cleared on purpose)', () => {
    const { record } = savedStudy(1000);
    expect(missingStudyExamples([record], new Set(), []).examples).toEqual([]);
    expect(
      missingStudyExamples([{ ...record, state: { ...record.state, phase: 'running' } }], taught, []).examples,
    ).toEqual([]);
  });
});
