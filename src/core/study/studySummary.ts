// A saved study in one line of the saved-studies list: its name, phase, trials and best accuracy,
// the best by the ranking's definition (./studyRanking.studyBest), so the list and the ranking agree.
import { studyBest } from './studyRanking';
import { isTerminal } from './studyMachine';
import type { StudyRecord } from './studyRecord';

export interface StudySummary {
  id: string;
  name: string;
  phase: StudyRecord['state']['phase'];
  trials: number;
  completed: number;
  /** Validation accuracy of the ranking's top: the best at the highest rung reached; null if none. */
  best: number | null;
  updatedAt: number;
}

export function studySummary(r: StudyRecord): StudySummary {
  return {
    id: r.id,
    name: r.state.definition.name,
    phase: r.state.phase,
    trials: r.state.trials.length,
    completed: r.state.trials.filter(isTerminal).length,
    best: studyBest(r.state)?.valAccuracy ?? null,
    updatedAt: r.updatedAt,
  };
}
