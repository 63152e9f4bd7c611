// One hostile file (./hostileFiles) through the lab's import functions and then what the page does
// next with an accepted one: the record saved (structured clone, as IndexedDB stores it) and reopened,
// the JSON export read back, the dashboard's derivations, the CSV export, the memory rebuild and the
// meta-model fit. Used by src/store/hostileImports.test.ts and bench/hostileImports.ts.
import { isDeepStrictEqual } from 'node:util';
import { createRng } from '../core/rng';
import { readStudyFile } from '../core/interop/studyFile';
import { importResults } from '../core/interop/importResults';
import { trialsToCsv } from '../core/interop/trialsCsv';
import { checkStudyRecord, studyRecordOf, type StudyRecord } from '../core/study/studyRecord';
import { checkExamples, examplesFromStudy, type MetaExample } from '../core/metaModel/memory';
import { memoryFileText, parseMemoryFile } from '../core/metaModel/memoryFile';
import { fitPromotionModel, trainingEvidence } from '../core/metaModel/promotionModel';
import { rankConfigs } from '../core/study/studyRanking';
import { equalBudgetSample, finalScores, rungLadder } from '../core/charts/studyScores';
import { studyImportance } from '../core/charts/studyImportance';
import { confidenceBand, tuningCurveSeries } from '../core/charts/tuningCurveSeries';
import { improvementReadout } from '../core/stats/readout';
import { axisPosition, formatAxisValue, paramAxes } from '../core/charts/hyperparameterAxes';
import { describeConfig } from '../core/searchSpace/searchSpace';
import { recordCurve } from '../core/study/studyRecord';
import { recordSignals } from '../orchestrator/memoryRebuild';
import { exampleOutOfDomain, recordOutOfDomain } from './importOracle';
import { SMOKE } from './hostileFileSeeds';
import type { HostileFile } from './hostileFiles';

export interface ImportOutcome {
  file: HostileFile;
  accepted: boolean;
  message: string;
  /** An exception that escaped the import function, or anything after it. */
  threw: string | null;
  importMs: number;
  downstreamMs: number;
  outOfDomain: string[];
  /** Accepted, but the saved record does not reopen, or reopens different. */
  lost: string | null;
  /** Accepted, but the record cannot be stored (structured clone fails). */
  unsaveable: string | null;
}

const cpuMs = <T>(f: () => T): [T, number] => {
  const t = process.cpuUsage();
  const out = f();
  const u = process.cpuUsage(t);
  return [out, (u.user + u.system) / 1000];
};

// Many mutations leave the same examples: the meta-model is fitted once per distinct set, and (a
// fit takes about a second) at most MAX_FITS times per kind of file in one run.
const MAX_FITS = 25;
const fitted = new Map<string, Set<string>>();
function fitOnce(examples: MetaExample[], seed: number, kind: string): void {
  const done = fitted.get(kind) ?? new Set<string>();
  fitted.set(kind, done);
  const key = `${seed}|${JSON.stringify(examples)}`;
  if (done.has(key) || done.size >= MAX_FITS) return;
  fitPromotionModel(examples, seed, { minExamples: 3 });
  done.add(key);
}
/** Meta-model fits run so far, over all kinds. */
export const fitsDone = () => [...fitted.values()].reduce((n, s) => n + s.size, 0);

// The band depends only on the number of scores (its seed is fixed), and simulating it is the
// dearest step of a study's downstream: one per count, as many files share a count.
const bands = new Map<number, ReturnType<typeof confidenceBand>>();
function bandFor(n: number): ReturnType<typeof confidenceBand> {
  if (!bands.has(n)) bands.set(n, confidenceBand(n, 0.8, 'ld', createRng(1)));
  return bands.get(n)!;
}

/** What the dashboard, the CSV export and the memory rebuild compute from a shown study. */
function downstreamOfStudy(record: StudyRecord, kind: string): void {
  const s = record.state;
  rankConfigs(s);
  finalScores(s);
  rungLadder(s);
  studyImportance(s, createRng(s.definition.seed));
  const { scores } = equalBudgetSample(s);
  if (scores.length > 0) {
    const band = bandFor(scores.length);
    tuningCurveSeries(scores, band);
    improvementReadout(scores, { confidence: 0.8, moreTrials: scores.length, band });
  }
  for (const axis of paramAxes(s.definition.space))
    for (const c of s.configs.slice(0, 2000)) {
      axisPosition(axis, c);
      formatAxisValue(axis, c);
    }
  for (const c of s.configs.slice(0, 50)) describeConfig(c);
  for (const curve of Object.values(record.curves)) recordCurve(curve);
  importResults(trialsToCsv(s), s.definition);
  const examples = examplesFromStudy(s, recordSignals(record), record.updatedAt);
  const back = checkExamples(structuredClone(examples));
  if (back.damaged > 0)
    throw new Error(`the memory rebuild made ${back.damaged} damaged example(s): ${back.firstProblem}`);
  fitOnce(examples, s.definition.seed, kind);
}

function downstreamOfExamples(examples: MetaExample[], kind: string): void {
  trainingEvidence(examples);
  fitOnce(examples, 1, kind);
}

/** Saved as IndexedDB saves it, reopened as the page reopens it, and exported as JSON and read back. */
function reopenProblems(record: StudyRecord): { lost: string | null; unsaveable: string | null } {
  let stored: unknown;
  try {
    stored = structuredClone(record);
  } catch (e) {
    return { lost: null, unsaveable: String(e) };
  }
  const back = checkStudyRecord(stored);
  if (!back.ok) return { lost: back.error, unsaveable: null };
  if (!isDeepStrictEqual(back.record, record))
    return { lost: 'reopened different from what was shown', unsaveable: null };
  const exported = checkStudyRecord(JSON.parse(JSON.stringify(record)));
  if (!exported.ok) return { lost: `its JSON export does not read back: ${exported.error}`, unsaveable: null };
  return { lost: null, unsaveable: null };
}

export function runImport(file: HostileFile): ImportOutcome {
  const outcome: ImportOutcome = {
    file,
    accepted: false,
    message: '',
    threw: null,
    importMs: 0,
    downstreamMs: 0,
    outOfDomain: [],
    lost: null,
    unsaveable: null,
  };
  try {
    if (file.kind.startsWith('study')) {
      const [r, ms] = cpuMs(() => readStudyFile(file.text));
      outcome.importMs = ms;
      if (!r.ok) return { ...outcome, message: r.error };
      // As importStudyJson saves it: a new id, a running study stopped.
      const record: StudyRecord = {
        ...r.record,
        id: 'imported-1',
        state: { ...r.record.state, phase: r.record.state.phase === 'running' ? 'stopped' : r.record.state.phase },
      };
      Object.assign(outcome, { accepted: true, message: 'imported', outOfDomain: recordOutOfDomain(record) });
      Object.assign(outcome, reopenProblems(record));
      outcome.downstreamMs = cpuMs(() => downstreamOfStudy(record, file.kind))[1];
    } else if (file.kind === 'memory') {
      const [r, ms] = cpuMs(() => parseMemoryFile(file.text));
      outcome.importMs = ms;
      if (!r.ok) return { ...outcome, message: r.error };
      Object.assign(outcome, {
        accepted: r.examples.length > 0 && r.damaged === 0,
        message: r.damaged > 0 ? `partly: ${r.damaged} skipped (${r.firstProblem})` : 'imported',
        outOfDomain: r.examples.flatMap((e, i) => exampleOutOfDomain(e, `examples[${i}]`)),
      });
      const back = checkExamples(structuredClone(r.examples));
      if (back.damaged > 0 || !isDeepStrictEqual(back.examples, r.examples)) outcome.lost = 'examples reopen different';
      const file2 = parseMemoryFile(memoryFileText(r.examples));
      if (!file2.ok || file2.damaged > 0) outcome.lost = 'the exported memory file does not read back';
      outcome.downstreamMs = cpuMs(() => downstreamOfExamples(r.examples, file.kind))[1];
    } else {
      const [r, ms] = cpuMs(() => importResults(file.text, SMOKE));
      outcome.importMs = ms;
      if (!r.ok) return { ...outcome, message: r.error };
      // As importExternalResults saves it (persistence.recordOfStudy over the imported curves).
      const record = studyRecordOf(
        'imported-1',
        r.state,
        { curves: r.curves, probes: {}, initGradientNorms: {}, backend: null },
        { createdAt: 1, updatedAt: 2 },
      );
      Object.assign(outcome, { accepted: true, message: 'imported', outOfDomain: recordOutOfDomain(record) });
      Object.assign(outcome, reopenProblems(record));
      outcome.downstreamMs = cpuMs(() => downstreamOfStudy(record, file.kind))[1];
    }
  } catch (e) {
    outcome.threw = e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 300) : String(e);
  }
  return outcome;
}

/** Markup or a script in a message would be an unsafe echo; a message should also say what was wrong. */
export const UNSAFE_MESSAGE = /<\s*(script|img|svg|a\s)|javascript:|onerror=|\u0000/i;

export const polluted = () =>
  (({}) as Record<string, unknown>).polluted !== undefined ||
  Object.hasOwn(Object.prototype, 'polluted') ||
  Object.hasOwn(Array.prototype, 'polluted');
