// Everything wrong with a study definition, as sentences for the UI: the definition's own checks,
// the search space's, and the successive-halving plan's. Empty means it can run.
import { validateSearchSpace } from './searchSpace';
import { planSuccessiveHalving } from './successiveHalving';
import { validateStudy, type StudyDefinition } from './studyDefinition';

export function studyProblems(def: StudyDefinition): string[] {
  const problems = [...validateStudy(def), ...validateSearchSpace(def.space)];
  try {
    planSuccessiveHalving(def.scheduler);
  } catch (e) {
    problems.push(e instanceof Error ? e.message : String(e));
  }
  const epochs = def.fixed.epochs ?? 1;
  if (!(Number.isInteger(epochs) && epochs >= 1 && epochs <= 200)) problems.push(`Expected epochs to be an integer in [1, 200], but got ${epochs}`);
  return problems;
}
