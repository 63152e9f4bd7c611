// Tuning curves of the study's equal-budget random search (Lourie et al. 2025, arXiv 2510.02721;
// opda): the median and average best validation accuracy after k trials, k = 1..2n, with
// simultaneous DKW or Learned-Miller–DeStefano bands, the fitted quadratic law and a plain readout.
import { memo, useMemo, useState } from 'react';
import { createRng, deriveSeed } from '../../core/rng';
import { improvementReadout } from '../../core/stats/readout';
import type { StudyState } from '../../core/study/studyMachine';
import { equalBudgetSample } from '../../core/charts/studyScores';
import {
  CONFIDENCE_LEVELS,
  MIN_LAW_TRIALS,
  confidenceBand,
  tuningCurveSeries,
  type BandMethod,
} from '../../core/charts/tuningCurveSeries';
import { ChartCard } from './ChartCard';
import { TuningCurvePlot } from './TuningCurvePlot';
import { formatPercent } from '../kit/format';

const METHOD_NAMES: Record<BandMethod, string> = { ld: 'Learned-Miller–DeStefano', dkw: 'DKW' };

function TuningCurves({ study }: { study: StudyState | null }) {
  const [method, setMethod] = useState<BandMethod>('ld');
  const [confidence, setConfidence] = useState<number>(0.8);
  const sample = useMemo(() => (study ? equalBudgetSample(study) : null), [study]);
  // Recompute only when the scores change, not on every trial start.
  const scoresKey = sample?.scores.join(',') ?? '';
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on scoresKey, not sample, on purpose
  const scores = useMemo(() => sample?.scores ?? [], [scoresKey]);
  const n = scores.length;
  const seed = study?.definition.seed ?? 0;
  // The band depends on n and the confidence only; LD simulates with a seed derived from the study's.
  const band = useMemo(
    () => (n > 0 ? confidenceBand(n, confidence, method, createRng(deriveSeed(seed, 'tuningCurveBand', n))) : null),
    [n, confidence, method, seed],
  );
  const series = useMemo(() => (band ? tuningCurveSeries(scores, band) : null), [scores, band]);
  const readout = useMemo(
    () => (band ? improvementReadout(scores, { confidence, moreTrials: n, band }) : null),
    [scores, band, confidence, n],
  );

  const controls = (
    <>
      <fieldset className="inline-choice">
        <legend>Band</legend>
        {(['ld', 'dkw'] as const).map((m) => (
          <label key={m}>
            <input type="radio" name="band-method" value={m} checked={method === m} onChange={() => setMethod(m)} />{' '}
            {METHOD_NAMES[m]}
          </label>
        ))}
      </fieldset>
      <label>
        Confidence{' '}
        <select
          value={confidence}
          onChange={(e) => setConfidence(Number(e.target.value))}
          aria-label="Confidence level of the bands"
        >
          {CONFIDENCE_LEVELS.map((c) => (
            <option key={c} value={c}>
              {Math.round(c * 100)}%
            </option>
          ))}
        </select>
      </label>
    </>
  );
  if (!study || !sample || !series || !readout) {
    return (
      <ChartCard
        id="tuningCurves"
        controls={controls}
        empty="Tuning curves need at least one finished trial at the first rung."
      />
    );
  }

  const full = study.definition.data.maxTrainImages;
  const images = sample.trials[0] ? Math.round(sample.trials[0].dataFraction * full) : 0;
  const sampler = study.definition.sampler;
  const law = series.law;
  const budget = `${images.toLocaleString('en')} images × ${sample.trials[0]?.epochs ?? 1} epoch${(sample.trials[0]?.epochs ?? 1) === 1 ? '' : 's'}`;
  return (
    <ChartCard
      id="tuningCurves"
      controls={controls}
      data={{ trials: n, method, confidence, rung: 1 }}
      subtitle={
        <>
          <strong>Rung 1 only</strong> ({budget} per trial): the {n} finished trials where every configuration trained
          on the same small budget. Later rungs train fewer configurations on more data, so the study's winner can score
          higher than this curve.
        </>
      }
      footer={
        <>
          <p data-testid="tuning-readout">{readout.text}</p>
          <p>
            {law ? (
              <>
                Quadratic law fitted to the top {law.tailCount} scores: best achievable accuracy at rung 1's budget
                about <strong>{formatPercent(law.b)}</strong>, effective number of hyperparameters{' '}
                <strong>{law.c.toFixed(1)}</strong>.
              </>
            ) : (
              <>
                The quadratic law (best achievable accuracy, effective number of hyperparameters) needs at least{' '}
                {MIN_LAW_TRIALS} trials; there are {n}.
              </>
            )}
          </p>
          <p className="muted">
            {n} trials at rung 1 ({images.toLocaleString('en')} images each)
            {sample.diverged ? `, ${sample.diverged} diverged left out` : ''}
            {sample.pending ? `, ${sample.pending} still running` : ''}; {Math.round(confidence * 100)}%{' '}
            {METHOD_NAMES[method]} band, simultaneous over all k.
            {sampler !== 'random'
              ? ` The configurations came from the ${sampler} sampler, so these random-search curves are an approximation.`
              : ''}
          </p>
        </>
      }
    >
      <TuningCurvePlot
        series={series}
        n={n}
        confidence={confidence}
        label={`Tuning curves of the ${n} rung-1 trials (${budget} each) with a ${Math.round(confidence * 100)}% ${METHOD_NAMES[method]} band`}
        yLabel="best validation accuracy at rung 1"
      />
    </ChartCard>
  );
}

export const TuningCurveChart = memo(TuningCurves);
