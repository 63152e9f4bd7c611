// An accessible progress bar with a text label, used for every long operation; while `running`, it
// shows the elapsed time and an ETA measured from the progress itself (../useProgressTiming).
import { timingText } from '../../core/eta';
import { useProgressTiming } from '../useProgressTiming';

interface Props {
  value: number;
  max: number;
  label: string;
  testId?: string;
  /** The operation is under way: show elapsed time and ETA. */
  running?: boolean;
  /** When it started (ms since the epoch), if known; else when the bar first saw it running. */
  startedAt?: number | null;
}

export function ProgressBar({ value, max, label, testId, running = false, startedAt }: Props) {
  const pct = max > 0 ? Math.min(100, (100 * value) / max) : 0;
  const timing = useProgressTiming(running, value, max, startedAt);
  return (
    <div className="progress" data-testid={testId}>
      <div
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(pct)}
        aria-label={label}
        className="progress-track"
      >
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <span className="progress-label">{label}</span>
      {timing && (
        <span
          className="progress-label muted"
          data-testid={testId ? `${testId}-time` : undefined}
          data-elapsed-ms={Math.round(timing.elapsedMs)}
          data-remaining-ms={timing.remainingMs === null ? '' : Math.round(timing.remainingMs)}
        >
          {timingText(timing.elapsedMs, timing.remainingMs)}
        </span>
      )}
    </div>
  );
}
