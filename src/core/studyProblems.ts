// Everything wrong with a study definition, as sentences for the UI: the share-link schema's checks
// (the same rules a link must pass), the definition's own, and the scheduler's. Empty means it can run.
import { planBrackets } from './schedule';
import { validateStudy, type StudyDefinition } from './studyDefinition';
import { parseStudy } from './urlState';

export function studyProblems(def: StudyDefinition): string[] {
  const parsed = parseStudy(def);
  const problems = parsed.ok ? [] : parsed.problems;
  for (const p of validateStudy(def)) if (!problems.includes(p)) problems.push(p);
  try {
    planBrackets(def);
  } catch (e) {
    problems.push(e instanceof Error ? e.message : String(e));
  }
  return problems;
}
