// Hyperparameter importance by fANOVA (Hutter, Hoos & Leyton-Brown 2014; src/core/stats/importance):
// each hyperparameter's main-effect share of the variance of validation accuracy over the
// equal-budget trials, as a sorted bar chart.
import { memo, useMemo } from 'react';
import { createRng, deriveSeed } from '../../core/rng';
import { equalBudgetSample } from '../../core/charts/studyScores';
import { studyImportance } from '../../core/charts/studyImportance';
import type { StudyState } from '../../core/study/studyMachine';
import { ChartSvg, type Frame } from './Axes';
import { ChartCard } from './ChartCard';
import { CATEGORY } from './palette';
import { PARAM_LABELS } from './paramLabels';
import { formatPercent } from '../kit/format';

const ROW = 34;

function Importance({ study }: { study: StudyState | null }) {
  const sampleKey = useMemo(
    () =>
      study
        ? equalBudgetSample(study)
            .trials.map((t) => `${t.trialId}:${t.valAccuracy}`)
            .join(',')
        : '',
    [study],
  );
  // Refit the forest only when the equal-budget scores change (not on every trial start).
  const result = useMemo(
    () => (study ? studyImportance(study, createRng(deriveSeed(study.definition.seed, 'fanova'))) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on sampleKey, not study, on purpose
    [sampleKey],
  );
  if (!study || !result || result.params.length === 0) {
    return (
      <ChartCard
        id="importance"
        empty={result?.note ?? 'Importance appears once a few trials at the first rung have finished.'}
      />
    );
  }
  const frame: Frame = {
    width: 600,
    height: 30 + ROW * result.params.length,
    top: 10,
    right: 70,
    bottom: 20,
    left: 150,
  };
  const width = frame.width - frame.left - frame.right;
  const top = result.params[0].importance || 1;
  return (
    <ChartCard
      id="importance"
      data={{ params: result.params.length, trials: result.trials }}
      footer={
        <>
          fANOVA: a 32-tree random forest (16 beyond 200 trials) fitted to the {result.trials} equal-budget trials at
          rung 1; each bar is that hyperparameter's main-effect share of the predicted accuracy's variance (log-uniform
          ones read in log10). Shares need not explain everything: the rest is interactions and noise.
          {result.trials < 20 ? ` With only ${result.trials} trials, read this as a rough hint.` : ''}
          {result.note ? ` ${result.note}` : ''}
        </>
      }
    >
      <ChartSvg
        frame={frame}
        label={`fANOVA importance of ${result.params.length} hyperparameters; the largest is ${PARAM_LABELS[result.params[0].name]}`}
      >
        {result.params.map((p, i) => {
          const y = frame.top + i * ROW;
          const w = (width * p.importance) / top;
          return (
            <g key={p.name} transform={`translate(0 ${y})`}>
              <text x={frame.left - 8} y={ROW / 2 - 2} dy="0.32em" textAnchor="end">
                {PARAM_LABELS[p.name]}
              </text>
              <rect x={frame.left} y={4} width={Math.max(1, w)} height={ROW - 12} fill={CATEGORY[0]} rx={2}>
                <title>{`${PARAM_LABELS[p.name]}: ${formatPercent(p.importance)} of the variance`}</title>
              </rect>
              <text x={frame.left + w + 6} y={ROW / 2 - 2} dy="0.32em">
                {formatPercent(p.importance, 0)}
              </text>
            </g>
          );
        })}
        <text x={frame.left} y={frame.height - 4} fontSize={11}>
          share of variance explained (fANOVA main effect)
        </text>
      </ChartSvg>
    </ChartCard>
  );
}

export const ImportanceChart = memo(Importance);
