// The study's answer: which configuration to use, its accuracy confirmed at full fidelity, and what
// the meta-model had forecast for it without seeing that result (a check anyone can read off).
// Configurations never trained fully whose interval still reaches above it are named, so a careful
// user knows which one more full run could change the answer.
import { describeConfig } from '../../core/searchSpace/searchSpace';
import { useLab } from '../../store/labStore';
import { Notice } from '../kit/Notice';
import { Panel } from '../kit/Panel';
import { formatPercent } from '../kit/format';

const pct = (v: number) => formatPercent(v);

export function RecommendationPanel() {
  const study = useLab((s) => s.study);
  const rec = useLab((s) => s.recommendation);
  if (!study || study.phase === 'running' || !rec) return null;
  if (rec.status === 'computing')
    return (
      <Panel title="Recommendation" testId="recommendation" data={{ status: 'computing' }}>
        <Notice tone="info">
          <progress /> Asking the meta-model…
        </Notice>
      </Panel>
    );
  if (rec.status === 'error' || !rec.value) {
    return (
      <Panel title="Recommendation" testId="recommendation" data={{ status: rec.status }}>
        <Notice tone="error">{rec.error ?? 'No configuration finished, so there is nothing to recommend.'}</Notice>
      </Panel>
    );
  }
  const r = rec.value;
  const inside =
    r.predicted && r.confirmedAccuracy !== null
      ? r.confirmedAccuracy >= r.predicted.lower && r.confirmedAccuracy <= r.predicted.upper
      : null;
  return (
    <Panel title="Recommendation" testId="recommendation" data={{ status: 'ready', config: r.configId }}>
      <p>
        <strong>Config {r.configId}</strong> — {describeConfig(r.config)}
      </p>
      <ul>
        <li data-testid="recommendation-confirmed">
          {r.confirmedAccuracy === null
            ? `Not trained at full fidelity (${r.fidelity}) in this study: the pick rests on the forecast below.`
            : `Confirmed at full fidelity (${r.fidelity}): ${pct(r.confirmedAccuracy)} validation accuracy.`}
        </li>
        <li data-testid="recommendation-forecast">
          {r.predicted ? (
            <>
              Meta-model forecast: <strong>{pct(r.predicted.mean)}</strong>, 90% interval [{pct(r.predicted.lower)},{' '}
              {pct(r.predicted.upper)}]
              {inside === null
                ? ''
                : inside
                  ? ' — the confirmed result is inside it.'
                  : ' — the confirmed result is outside it.'}
            </>
          ) : (
            'No meta-model forecast yet.'
          )}{' '}
          <Notice tone="info" as="span">
            ({r.note}.)
          </Notice>
        </li>
        {r.contenders.length > 0 && (
          <li data-testid="recommendation-contenders">
            Could still beat it (never trained fully, interval reaches higher):{' '}
            {r.contenders
              .slice(0, 3)
              .map((c) => `config ${c.configId} (${pct(c.mean)} [${pct(c.lower)}, ${pct(c.upper)}])`)
              .join(', ')}
            .
          </li>
        )}
      </ul>
    </Panel>
  );
}
