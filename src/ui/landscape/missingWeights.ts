// Why a study offers no trained weights to probe: every trial failed, or the weights were not kept
// (a study opened from the library or imported keeps its records and curves, not its weights).
import type { StudyState } from '../../core/study/studyMachine';

export function missingWeightsText(study: Pick<StudyState, 'trials'>): string {
  const trained = study.trials.filter((t) => t.state === 'completed').length;
  if (trained === 0)
    return 'No trained weights are kept from this study: no trial finished (each failed, diverged or was stopped).';
  return (
    `This study's ${trained} trained trial${trained === 1 ? ' is' : 's are'} saved without ${trained === 1 ? 'its' : 'their'} weights ` +
    '(saved and imported studies keep results and curves, not weights), so there is no landscape to draw. ' +
    'Re-run the study to probe its landscape.'
  );
}
