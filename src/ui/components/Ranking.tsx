// The result: configurations ranked by the highest rung reached, then validation accuracy, in one
// list per rung, so a score read on less data never sits in the same list as the final rung's.
import { describeConfig } from '../../core/searchSpace/searchSpace';
import { rankConfigs, rankingByRung, type RankingGroup } from '../../core/study/studyRanking';
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
      {rankingByRung(ranking).map((g, i, groups) => {
        const start = 1 + groups.slice(0, i).reduce((n, x) => n + x.entries.length, 0);
        return (
          <div key={g.resource} data-testid="ranking-rung" data-rung={g.rung === null ? undefined : g.rung + 1}>
            <h3>{rungHeading(g, study.definition.data.maxTrainImages, i === 0)}</h3>
            <ol start={start}>
              {g.entries.map((r) => (
                <li
                  key={r.configId}
                  data-testid="ranked-config"
                  data-rung={r.rung + 1}
                  data-accuracy={r.valAccuracy ?? undefined}
                >
                  <strong>{r.valAccuracy === null ? r.state : formatPercent(r.valAccuracy)}</strong> config {r.configId}{' '}
                  — {describeConfig(r.config)}
                </li>
              ))}
            </ol>
          </div>
        );
      })}
    </Panel>
  );
}

/** "Rung 3, the highest reached: 1,024 training images, 1 epoch"; no rung number where brackets differ. */
function rungHeading(g: RankingGroup, maxTrainImages: number, highest: boolean): string {
  const images = Math.round(g.dataFraction * maxTrainImages).toLocaleString('en');
  const epochs = `${g.epochs} epoch${g.epochs === 1 ? '' : 's'}`;
  const name = g.rung === null ? 'Trained on' : `Rung ${g.rung + 1}${highest ? ', the highest reached' : ''}:`;
  return `${name} ${images} training images, ${epochs}${g.rung === null && highest ? ' (the most any reached)' : ''}`;
}
