// The result: configurations ranked by the highest rung reached, then validation accuracy.
import { describeConfig } from '../../core/searchSpace/searchSpace';
import { rankConfigs } from '../../core/study/studyRanking';
import { useLab } from '../../store/labStore';
import { Notice } from '../kit/Notice';
import { Panel } from '../kit/Panel';
import { formatPercent, formatSeconds } from '../kit/format';

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
    <Panel
      title={`Ranking${study.phase === 'stopped' ? ' (study stopped early)' : ''}`}
      testId="ranking"
      data={{ phase: study.phase }}
    >
      <Notice tone="info">
        Selected on the held-out validation split; the test set is not used. Chance is 10%; fully trained, this network
        reaches about 85%. {counts.diverged} diverged, {counts.failed} failed.
        {startedAt && finishedAt ? ` Wall time ${formatSeconds(finishedAt - startedAt)}.` : ''}
      </Notice>
      <ol>
        {ranking.map((r) => (
          <li key={r.configId} data-testid="ranked-config">
            <strong>{r.valAccuracy === null ? r.state : formatPercent(r.valAccuracy)}</strong> config {r.configId} —{' '}
            {describeConfig(r.config)} (rung {r.rung + 1})
          </li>
        ))}
      </ol>
    </Panel>
  );
}
