// Says how the training images reach the workers: one shared copy when the page is cross-origin
// isolated, else one copy per worker (a static host that sends no COOP/COEP headers).
import { dataSharing } from '../../orchestrator/browserWorkers';

export function DataSharingNote() {
  const mode = dataSharing();
  return (
    <p className="notice-info" data-testid="data-sharing" data-mode={mode}>
      {mode === 'shared'
        ? 'Shared with every worker: the page is cross-origin isolated, so the images sit in RAM once.'
        : 'Copied into each worker: this page is not cross-origin isolated (its host sends no COOP/COEP headers). ' +
          "The lab's service worker adds them, so the next visit shares one copy."}
    </p>
  );
}
