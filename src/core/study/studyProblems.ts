// Everything wrong with a study definition, as sentences for the UI: the schema's checks (the same
// rules a share link must pass, ./studySchema), the definition's own, and the scheduler's. Empty
// means it can run.
import { planBrackets } from '../schedulers/schedule';
import type { StudyDefinition } from './studyDefinition';
import { checkSections } from './studySchema';

export function studyProblems(def: StudyDefinition): string[] {
  const { problems } = checkSections(def as unknown as Record<string, unknown>);
  for (const p of definitionProblems(def)) if (!problems.includes(p)) problems.push(p);
  try {
    planBrackets(def);
  } catch (e) {
    problems.push(e instanceof Error ? e.message : String(e));
  }
  return problems;
}

/** The definition's own range checks, as "Expected ..., but got ..." sentences. */
function definitionProblems(def: StudyDefinition): string[] {
  const problems: string[] = [];
  const { data, scheduler: s } = def;
  if (!Number.isInteger(def.seed) || def.seed < 0)
    problems.push(`Expected seed to be a non-negative integer, but got ${def.seed}`);
  if (!(data.validationSize >= 10 && data.validationSize <= 25000))
    problems.push(`Expected validationSize in [10, 25000], but got ${data.validationSize}`);
  if (!(data.maxTrainImages >= 1 && data.maxTrainImages <= 50000 - data.validationSize))
    problems.push(`Expected maxTrainImages in [1, ${50000 - data.validationSize}], but got ${data.maxTrainImages}`);
  if (!(data.evalImages >= 1 && data.evalImages <= data.validationSize))
    problems.push(`Expected evalImages in [1, validationSize], but got ${data.evalImages}`);
  if (!(s.numConfigs >= 1 && s.numConfigs <= 1000))
    problems.push(`Expected numConfigs in [1, 1000], but got ${s.numConfigs}`);
  if (!(def.readEvery >= 1)) problems.push(`Expected readEvery >= 1, but got ${def.readEvery}`);
  return problems;
}
