// The measured backend choice: each candidate's training speed on this study's model, and which
// one the pool uses because it measured fastest (or the measurement still under way).
import { useLab } from '../../store/labStore';
import type { BackendTiming } from '../../orchestrator/backendChoice';

function describe(t: BackendTiming): string {
  if (t.status === 'measured') return `${t.imagesPerSecond!.toFixed(0)} images/s`;
  if (t.status === 'slower') return `slower (${t.message})`;
  if (t.status === 'unavailable') return `not available (${t.message})`;
  return `failed (${t.message})`;
}

function TimingList({ timings }: { timings: BackendTiming[] }) {
  return (
    <ul className="skipped" data-testid="backend-timings">
      {timings.map((t) => (
        <li key={t.backend} data-backend={t.backend} data-status={t.status}>
          <strong>{t.backend}</strong>: {describe(t)}
          {t.detail && t.status === 'measured' ? ` — ${t.detail}` : ''}
        </li>
      ))}
    </ul>
  );
}

export function BackendMeasurement() {
  const choice = useLab((s) => s.backendChoice);
  const timings = useLab((s) => s.backendTimings);
  if (timings) {
    return (
      <div data-testid="backend-measuring" role="status">
        <p>Timing a few training steps on each backend to pick the fastest…</p>
        <TimingList timings={timings} />
      </div>
    );
  }
  if (!choice) return null;
  return (
    <div data-testid="backend-choice">
      <p>
        Chosen by measurement: <strong data-testid="backend-chosen">{choice.backend}</strong> trained fastest (
        {choice.channels} channels, batch {choice.batchSize}
        {choice.cached ? `, measured on ${choice.measuredAt.slice(0, 10)} and kept for this device` : ''}).
      </p>
      <TimingList timings={choice.timings} />
    </div>
  );
}
