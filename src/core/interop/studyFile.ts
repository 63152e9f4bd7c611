// An exported study file (a saved-study record as JSON) read for import: size-bounded before
// parsing (./textLimits), then checked as a stored record is (../study/studyRecord). Pure: nothing
// is saved here.
import { checkStudyRecord, type CheckedRecord } from '../study/studyRecord';
import { MAX_IMPORT_CHARS } from './importResults';
import { readJsonBounded } from './textLimits';
import { MAX_CONFIGURATIONS, MAX_TRIALS } from '../schedulers/planLimits';

export function readStudyFile(text: string): { ok: true; record: CheckedRecord } | { ok: false; error: string } {
  const read = readJsonBounded(text, MAX_IMPORT_CHARS);
  if (!read.ok) return { ok: false, error: `The file was not imported: ${read.error}.` };
  const r = checkStudyRecord(read.value);
  if (!r.ok) return { ok: false, error: r.error.replace('This saved study', 'The imported file') };
  // The caps a study from a link has: the charts and the meta-model are built for studies this size.
  const { configs, trials } = r.record.state;
  if (configs.length > MAX_CONFIGURATIONS || trials.length > MAX_TRIALS)
    return {
      ok: false,
      error: `The file was not imported: it holds ${configs.length} configurations in ${trials.length} trials; a study has at most ${MAX_CONFIGURATIONS} configurations and ${MAX_TRIALS} trials.`,
    };
  return r;
}
