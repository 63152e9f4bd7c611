// The edited study's full fidelity and how many remembered examples share it: only those teach its
// meta-model (an example's label is "accuracy after this much training").
import { fidelityKey, fidelityOf, type Fidelity } from '../../core/metaModel/knowledge';
import { useLab } from '../../store/labStore';

export function useStudyFidelity(): { fidelity: Fidelity | null; matching: number } {
  const definition = useLab((s) => s.definition);
  const byFidelity = useLab((s) => s.knowledge.byFidelity);
  const f = fidelityOf(definition);
  // A half-typed setting (an empty field is NaN) has no fidelity yet.
  const valid = Number.isInteger(f.trainImages) && f.trainImages >= 1 && Number.isInteger(f.epochs) && f.epochs >= 1;
  return valid ? { fidelity: f, matching: byFidelity[fidelityKey(f)] ?? 0 } : { fidelity: null, matching: 0 };
}
