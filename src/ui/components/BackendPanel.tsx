// Which tfjs backend trains, and why each faster one was not used.
import { useLab } from '../../store/labStore';
import { BackendMeasurement } from './BackendMeasurement';
import { WorkerFaults } from './WorkerFaults';

export function BackendPanel() {
  const backend = useLab((s) => s.backend);
  const poolSize = useLab((s) => s.poolSize);
  const forced = useLab((s) => s.forcedBackend);
  const faults = useLab((s) => s.workerFaults);
  return (
    <div className="panel" data-testid="backend-panel">
      <h2>Compute</h2>
      {backend ? (
        <>
          <p>
            Training on <strong data-testid="backend-name">{backend.backend}</strong> — {backend.detail}, {poolSize}{' '}
            worker{poolSize === 1 ? '' : 's'}
            {forced === backend.backend ? ' (forced by the link)' : forced ? ` (the link asked for ${forced})` : ''}.
          </p>
          {backend.skipped.length > 0 && (
            <details className="more">
              <summary>Why not a faster backend ({backend.skipped.map((s) => s.backend).join(', ')})</summary>
              <ul className="skipped">
                {backend.skipped.map((s) => (
                  <li key={s.backend}>
                    <strong>{s.backend}</strong> not used: {s.reason}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      ) : (
        <p>
          The backend is chosen in the workers when a study starts
          {forced ? ` (the link asks for ${forced})` : ': the one that trains this study’s model fastest here'}.
        </p>
      )}
      <BackendMeasurement />
      <WorkerFaults faults={faults} />
    </div>
  );
}
