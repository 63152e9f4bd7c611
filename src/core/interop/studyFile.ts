// An exported study file (a saved-study record as JSON) read for import: size-bounded before
// parsing (./textLimits), then checked as a stored record is (../study/studyRecord). Pure: nothing
// is saved here. A results link (../link/resultsLink) reads its record through the same checks.
import { checkStudyRecord, type CheckedRecord } from '../study/studyRecord';
import { MAX_IMPORT_CHARS } from './importResults';
import { readJsonBounded } from './textLimits';
import { MAX_CONFIGURATIONS, MAX_TRIALS } from '../schedulers/planLimits';

export type StudyFileRead = { ok: true; record: CheckedRecord } | { ok: false; error: string };

/** How a message names what was read: "The file was not imported: …", "The imported file is damaged …". */
export interface RecordSource {
  refused: string;
  subject: string;
  /** What the size and JSON messages call the text: "the file". */
  text: string;
}

const FILE: RecordSource = { refused: 'The file was not imported', subject: 'The imported file', text: 'the file' };

export function readStudyFile(text: string): StudyFileRead {
  return readStudyText(text, MAX_IMPORT_CHARS, FILE);
}

/** A study record's JSON, at most maxChars, checked whole; every message names `source`. */
export function readStudyText(text: string, maxChars: number, source: RecordSource): StudyFileRead {
  const read = readJsonBounded(text, maxChars, source.text);
  if (!read.ok) return { ok: false, error: `${source.refused}: ${read.error}.` };
  const r = checkStudyRecord(read.value);
  if (!r.ok) return { ok: false, error: r.error.replace('This saved study', source.subject) };
  // The caps a study from a link has: the charts and the meta-model are built for studies this size.
  const { configs, trials } = r.record.state;
  if (configs.length > MAX_CONFIGURATIONS || trials.length > MAX_TRIALS)
    return {
      ok: false,
      error: `${source.refused}: it holds ${configs.length} configurations in ${trials.length} trials; a study has at most ${MAX_CONFIGURATIONS} configurations and ${MAX_TRIALS} trials.`,
    };
  return r;
}
