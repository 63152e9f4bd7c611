// Offers to resume studies that a reload or a closed tab interrupted, and shows storage notices.
import { resumeSavedStudy } from '../../store/actions';
import { useLab } from '../../store/labStore';

export function ResumeBanner() {
  const resumable = useLab((s) => s.resumable);
  const busy = useLab((s) => s.busy);
  const notices = useLab((s) => s.storageNotices);
  if (resumable.length === 0 && notices.length === 0) return null;
  return (
    <section className="panel notice" data-testid="resume-banner">
      {resumable.map((r) => (
        <p key={r.id}>
          Study <strong>{r.name}</strong> was interrupted after {r.completed} of {r.trials} trials.{' '}
          <button onClick={() => void resumeSavedStudy(r.id)} disabled={busy !== 'idle'}>
            Resume study
          </button>{' '}
          <span className="muted">Completed trials are kept and not run again.</span>
        </p>
      ))}
      {notices.map((n) => (
        <p key={n} role="alert" data-testid="storage-notice">
          {n}
        </p>
      ))}
    </section>
  );
}
