// The measured duration range of a study on this device (./studyDuration), for the definition being
// edited or any preset: the pool it would start, the backend it detected, the trials on screen.
import { useCallback } from 'react';
import type { StudyDefinition } from '../../core/study/studyDefinition';
import { browserPoolSize } from '../../orchestrator/browserWorkers';
import { useLab } from '../../store/labStore';
import { machineOf } from '../../store/machine';
import { durationRange, type DurationRange } from './studyDuration';

export function useStudyDuration(): (definition: StudyDefinition) => DurationRange | null {
  const backend = useLab((s) => s.backend);
  const forcedBackend = useLab((s) => s.forcedBackend);
  const study = useLab((s) => s.study);
  return useCallback(
    (definition: StudyDefinition) => {
      const workers = Math.min(browserPoolSize(forcedBackend), definition.scheduler.numConfigs);
      return durationRange(definition, machineOf({ backend, forcedBackend, study }, workers, null), study);
    },
    [backend, forcedBackend, study],
  );
}
