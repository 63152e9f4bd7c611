// Opt-in to the tier-2 probes (sharpness, SAM, gradient norm) after every trial of the next study.
// Off by default: on the ground-truth table no probe predicted which configuration wins at full
// fidelity, and probing a small trial costs more than training it.
import { labStore, useLab } from '../../store/labStore';

export function ProbeToggle({ disabled }: { disabled: boolean }) {
  const on = useLab((s) => s.probeTrials);
  return (
    <div className="field-hint" data-testid="probe-toggle">
      <label>
        <input
          type="checkbox"
          checked={on}
          disabled={disabled}
          onChange={(e) => labStore.setState({ probeTrials: e.target.checked })}
        />{' '}
        Measure tier-2 probes after every trial (sharpness, SAM, gradient norm)
      </label>
      <p>
        Off by default: on the ground-truth table none of them predicted the best configuration at full fidelity, and
        probing a small trial takes longer than training it. Turn them on to see the values in the rungs and to centre a
        landscape slice on a trial's own probe loss.
      </p>
    </div>
  );
}
