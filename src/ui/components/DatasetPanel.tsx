// Dataset status: checking cache / downloading / verifying / ready, with bytes and percent.
import { loadDataset } from '../../app/page';
import { useLab } from '../../store/labStore';
import { DataSharingNote } from './DataSharingNote';
import { ProgressBar } from './ProgressBar';
import { Notice } from '../kit/Notice';
import { formatNumber, formatPercent } from '../kit/format';

const MB = 1e6;
const PHASE_TEXT = {
  idle: 'Not loaded yet',
  checking: 'Checking the cache',
  downloading: 'Downloading',
  verifying: 'Verifying checksums',
  ready: 'Ready',
  error: 'Failed',
} as const;

export function DatasetPanel() {
  const d = useLab((s) => s.dataset);
  const error = useLab((s) => s.datasetError);
  const source =
    d.phase === 'ready'
      ? d.shardsFromCache === d.shardsTotal
        ? ' (from the browser cache)'
        : d.shardsFromCache > 0
          ? ` (${d.shardsFromCache} of ${d.shardsTotal} shards cached)`
          : ' (downloaded and cached)'
      : '';
  return (
    <div className="panel" data-testid="dataset-panel" data-phase={d.phase}>
      <h2>CIFAR-10 training images</h2>
      <p data-testid="dataset-status">
        {PHASE_TEXT[d.phase]}
        {d.shard ? ` ${d.shard}` : ''}
        {source}
      </p>
      {d.phase !== 'idle' && (
        <ProgressBar
          value={d.bytesLoaded}
          max={d.bytesTotal}
          testId="dataset-progress"
          running={d.phase !== 'ready' && d.phase !== 'error'}
          label={`${formatNumber(d.bytesLoaded / MB)} / ${formatNumber(d.bytesTotal / MB)} MB (${formatPercent(d.bytesTotal ? d.bytesLoaded / d.bytesTotal : 0, 0)})`}
        />
      )}
      {d.notices.map((n) => (
        <Notice key={n} tone="warning">
          {n}
        </Notice>
      ))}
      <details className="more">
        <summary>How the images reach the workers</summary>
        <DataSharingNote />
      </details>
      {error && (
        <Notice tone="error" live="alert" as="div">
          <p>{error}</p>
          <button onClick={() => void loadDataset().catch(() => {})}>Retry download</button>
        </Notice>
      )}
    </div>
  );
}
