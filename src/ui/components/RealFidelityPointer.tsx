// After a study below the ground-truth table's fidelity, the lesson should not end at the toy's
// numbers: one line says what the study trained on and opens the replay of a real-fidelity study.
import { findPreset } from '../../core/study/presets';
import { useLab } from '../../store/labStore';
import { Notice } from '../kit/Notice';
import { useReplayRequest } from '../replay/replayRequest';

const real = findPreset('real')!.study;

export function RealFidelityPointer() {
  const study = useLab((s) => s.study);
  const ask = useReplayRequest((s) => s.ask);
  if (!study || study.phase !== 'finished') return null;
  const { data, fixed } = study.definition;
  const epochs = fixed.epochs;
  if (data.maxTrainImages >= real.data.maxTrainImages && epochs !== undefined && epochs >= (real.fixed.epochs ?? 0))
    return null;
  return (
    <Notice tone="info" as="div" testId="real-fidelity-pointer">
      <p>
        This study trained each network on at most {data.maxTrainImages.toLocaleString('en-US')} images
        {epochs === undefined ? '' : ` for ${epochs} epoch${epochs === 1 ? '' : 's'}`}. What would the same search do on
        all {real.data.maxTrainImages.toLocaleString('en-US')} images?
      </p>
      <button type="button" onClick={ask}>
        Replay a real-fidelity study (no training)
      </button>
    </Notice>
  );
}
