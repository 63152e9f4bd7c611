// Trainer workers that failed (a crash, a lost GPU device) and what the pool did: replaced them,
// fell back to wasm, or went on with fewer. The trial in flight is retried once by the study.
import type { WorkerFault } from '../../store/labStore';
import { Notice } from '../kit/Notice';

const WHAT: Record<string, string> = {
  DEVICE_LOST: 'lost its GPU device',
  WORKER_CRASHED: 'crashed',
  BACKEND_FAILED: 'lost its backend',
};

function outcome(f: WorkerFault): string {
  if (f.backend === null)
    return 'No worker could be started in its place, so the study goes on with fewer workers (or stops its remaining trials as failed).';
  if (f.fallback)
    return `${f.fallback.from} could not be started again (${f.fallback.reason}), so training goes on on ${f.backend}.`;
  return `A fresh worker on ${f.backend} replaced it.`;
}

export function WorkerFaults({ faults }: { faults: readonly WorkerFault[] }) {
  if (faults.length === 0) return null;
  return (
    <Notice tone="warning" live="alert" as="div" testId="worker-faults">
      {faults.map((f, i) => (
        <p
          key={i}
          data-testid="worker-fault"
          data-code={f.code}
          data-backend={f.backend ?? ''}
          data-fallback-from={f.fallback?.from ?? ''}
        >
          A trainer worker {WHAT[f.code] ?? 'failed'} (<code>{f.code}</code>: {f.message}). {outcome(f)} The trial it
          was running is retried once.
        </p>
      ))}
    </Notice>
  );
}
