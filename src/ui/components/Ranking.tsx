// The result: configurations ranked by the highest rung reached, then validation accuracy.
import { describeConfig } from '../../core/searchSpace/searchSpace';
import { rankConfigs } from '../../core/study/studyRanking';
import { useLab } from '../../store/labStore';

export function Ranking() {
  const study = useLab((s) => s.study);
  const startedAt = useLab((s) => s.startedAt);
  const finishedAt = useLab((s) => s.finishedAt);
  if (!study || study.phase === 'running') return null;
  const ranking = rankConfigs(study);
  const counts = { diverged: 0, failed: 0 };
  study.trials.forEach((t) => {
    if (t.state === 'diverged' || t.state === 'failed') counts[t.state]++;
  });
  return (
    <section className="panel" data-testid="ranking" data-phase={study.phase}>
      <h2>Ranking {study.phase === 'stopped' ? '(study stopped early)' : ''}</h2>
      <p className="muted">
        Selected on the held-out validation split; the test set is not used. {counts.diverged} diverged, {counts.failed}{' '}
        failed.
        {startedAt && finishedAt ? ` Wall time ${((finishedAt - startedAt) / 1000).toFixed(1)} s.` : ''}
      </p>
      <ol>
        {ranking.map((r) => (
          <li key={r.configId} data-testid="ranked-config">
            <strong>{r.valAccuracy === null ? r.state : `${(100 * r.valAccuracy).toFixed(1)}%`}</strong> config{' '}
            {r.configId} — {describeConfig(r.config)} (rung {r.rung + 1})
          </li>
        ))}
      </ol>
    </section>
  );
}
