// Offers to resume studies that a reload or a closed tab interrupted, and shows storage notices.
import { resumeSavedStudy } from '../../app/page';
import { useLab } from '../../store/labStore';
import { Notice } from '../kit/Notice';
import { Panel } from '../kit/Panel';

export function ResumeBanner() {
  const resumable = useLab((s) => s.resumable);
  const busy = useLab((s) => s.busy);
  const notices = useLab((s) => s.storageNotices);
  if (resumable.length === 0 && notices.length === 0) return null;
  return (
    <Panel className="notice-warning" testId="resume-banner">
      {resumable.map((r) => (
        <p key={r.id}>
          Study <strong>{r.name}</strong> was interrupted after {r.completed} of {r.trials} trials.{' '}
          <button onClick={() => void resumeSavedStudy(r.id)} disabled={busy !== 'idle'}>
            Resume study
          </button>{' '}
          <Notice tone="info" as="span">
            Completed trials are kept and not run again.
          </Notice>
        </p>
      ))}
      {notices.map((n) => (
        <Notice key={n} tone="warning" live="alert" testId="storage-notice">
          {n}
        </Notice>
      ))}
    </Panel>
  );
}
