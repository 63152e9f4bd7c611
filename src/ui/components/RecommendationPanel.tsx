// The study's answer: which configuration to use, its accuracy confirmed at full fidelity, and what
// the meta-model had forecast for it without seeing that result (a check anyone can read off).
// Configurations never trained fully whose interval still reaches above it are named, so a careful
// user knows which one more full run could change the answer.
import { describeConfig } from '../../core/searchSpace/searchSpace';
import { useLab } from '../../store/labStore';

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

export function RecommendationPanel() {
  const study = useLab((s) => s.study);
  const rec = useLab((s) => s.recommendation);
  if (!study || study.phase === 'running' || !rec) return null;
  if (rec.status === 'computing')
    return (
      <section className="panel" data-testid="recommendation" data-status="computing">
        <h2>Recommendation</h2>
        <p className="muted">
          <progress /> Asking the meta-model…
        </p>
      </section>
    );
  if (rec.status === 'error' || !rec.value) {
    return (
      <section className="panel" data-testid="recommendation" data-status={rec.status}>
        <h2>Recommendation</h2>
        <p className="error">{rec.error ?? 'No configuration finished, so there is nothing to recommend.'}</p>
      </section>
    );
  }
  const r = rec.value;
  const inside =
    r.predicted && r.confirmedAccuracy !== null
      ? r.confirmedAccuracy >= r.predicted.lower && r.confirmedAccuracy <= r.predicted.upper
      : null;
  return (
    <section className="panel" data-testid="recommendation" data-status="ready" data-config={r.configId}>
      <h2>Recommendation</h2>
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
          <span className="muted">({r.note}.)</span>
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
    </section>
  );
}
