// The study's memory per trial and wall time on this machine (../../store/machine), recomputed when
// the definition, the detected backend or the measured throughput changes; null while it has problems.
import { useMemo } from 'react';
import type { StudyDefinition } from '../../core/study/studyDefinition';
import type { StudyEstimate } from '../../core/study/studyEstimate';
import { useLab } from '../../store/labStore';
import { pageEstimate } from '../../store/machine';

export function useStudyEstimate(definition: StudyDefinition): StudyEstimate | null {
  const backend = useLab((s) => s.backend);
  const forcedBackend = useLab((s) => s.forcedBackend);
  const study = useLab((s) => s.study);
  return useMemo(
    () => pageEstimate({ backend, forcedBackend, study }, definition),
    [backend, forcedBackend, study, definition],
  );
}
