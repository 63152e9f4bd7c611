// "Compare backends": the same network, weights and batch on every backend this browser has,
// with the loss and gradients compared to the cpu backend. Shows a user whether their GPU computes right.
import { AGREEMENT_TOLERANCE } from '../../core/stats/agreement';
import { checkBackends } from '../../app/page';
import { useLab } from '../../store/labStore';
import { Notice } from '../kit/Notice';
import { Panel } from '../kit/Panel';
import { formatNumber, formatSeconds } from '../kit/format';
import { TableScroll } from '../kit/TableScroll';

const sci = (v: number | undefined) => (v === undefined ? '—' : v.toExponential(1));

export function BackendCheck() {
  const { running, results } = useLab((s) => s.backendCheck);
  const datasetReady = useLab((s) => s.dataset.phase === 'ready');
  return (
    <Panel title="Backend agreement" testId="backend-check">
      <Notice tone="info">
        One SimpleCNN (c=8), fixed weights, 8 images: loss and gradients on each backend against cpu (tolerance{' '}
        {AGREEMENT_TOLERANCE} relative).
      </Notice>
      <button onClick={() => void checkBackends()} disabled={running || !datasetReady}>
        {running ? 'Comparing…' : 'Compare backends'}
      </button>
      {results.length > 0 && (
        <TableScroll label="Backend agreement results">
          <table>
            <thead>
              <tr>
                <th>backend</th>
                <th>loss</th>
                <th>loss error</th>
                <th>max gradient error</th>
                <th>verdict</th>
                <th>time</th>
              </tr>
            </thead>
            <tbody>
              {results.map((r) => (
                <tr
                  key={r.backend}
                  data-testid="backend-check-row"
                  data-backend={r.backend}
                  data-status={r.status}
                  data-agrees={r.agreement?.agrees ? 'yes' : 'no'}
                >
                  <td>{r.backend}</td>
                  <td>{formatNumber(r.loss, 5)}</td>
                  <td>{sci(r.agreement?.lossError)}</td>
                  <td>{sci(r.agreement?.maxGradientError)}</td>
                  <td>
                    {r.status !== 'ok' ? `${r.status}: ${r.message}` : r.agreement!.agrees ? 'agrees' : 'DISAGREES'}
                  </td>
                  <td>{r.ms ? formatSeconds(r.ms) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Panel>
  );
}
