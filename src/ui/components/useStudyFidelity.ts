// The edited study's full fidelity and how many remembered examples share it: only those teach its
// meta-model (an example's label is "accuracy after this much training"), less the ones an earlier
// run of this same study (name and seed) left, which its meta-model leaves out too.
import { fidelityKey, fidelityOf, sourceKey, type Fidelity } from '../../core/metaModel/memory';
import { useLab } from '../../store/labStore';

export function useStudyFidelity(): { fidelity: Fidelity | null; matching: number; ownRun: number } {
  const definition = useLab((s) => s.definition);
  const byFidelity = useLab((s) => s.memory.byFidelity);
  const bySource = useLab((s) => s.memory.bySource);
  const f = fidelityOf(definition);
  // A half-typed setting (an empty field is NaN) has no fidelity yet.
  const valid = Number.isInteger(f.trainImages) && f.trainImages >= 1 && Number.isInteger(f.epochs) && f.epochs >= 1;
  if (!valid) return { fidelity: null, matching: 0, ownRun: 0 };
  const ownRun = bySource[sourceKey(f, definition.name, definition.seed)] ?? 0;
  return { fidelity: f, matching: (byFidelity[fidelityKey(f)] ?? 0) - ownRun, ownRun };
}
