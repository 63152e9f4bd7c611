// The loss landscape of a finished study's kept trials: 2D slices along two filter-normalised random
// directions (Li et al. 2018), side by side on one colour scale, and 1D linear interpolations.
import { useLab } from '../../store/labStore';
import {
  cancelSlices,
  computeInterpolation,
  computeSlices,
  selectLandscapeTrials,
  setLandscapeOptions,
  validResolution,
} from '../../app/landscapeActions';
import { sliceImages, SLICE_RESOLUTION, studyProbeImages } from '../../store/landscapeState';
import { ProgressBar } from '../components/ProgressBar';
import { ColourLegend } from './ColourLegend';
import { InterpolationChart } from './InterpolationChart';
import { SliceHeatmap } from './SliceHeatmap';
import { sharedScale } from './sliceScale';
import './landscape.css';
import { Notice } from '../kit/Notice';
import { Panel } from '../kit/Panel';
import { formatNumber, formatPercent } from '../kit/format';
import { missingWeightsText } from './missingWeights';

export function LandscapePanel() {
  const study = useLab((s) => s.study);
  const busyStudy = useLab((s) => s.busy);
  const backend = useLab((s) => s.backend);
  const probes = useLab((s) => s.probes);
  const l = useLab((s) => s.landscape);
  if (!study || study.phase === 'running' || busyStudy !== 'idle') return null;

  const working = l.status === 'computing' || l.status === 'interpolating';
  const images = sliceImages(l, backend, probes);
  const trialProbeImages = studyProbeImages(probes);
  const grids = l.trialIds.map((id) => l.grids[id]).filter((g) => g !== undefined);
  const scale = sharedScale(grids, l.logScale);
  const speed = grids.map((g) => g.imagesPerSecond).filter((v): v is number => v !== null);
  const toggle = (id: number, on: boolean) =>
    selectLandscapeTrials(on ? [...l.trialIds, id] : l.trialIds.filter((t) => t !== id));

  return (
    <Panel
      title="Loss landscape"
      testId="landscape-panel"
      data={{ status: l.status, 'probe-images': trialProbeImages ?? '' }}
    >
      {l.keptTrialIds.length === 0 ? (
        <Notice tone="info" testId="landscape-no-weights">
          {missingWeightsText(study)}
        </Notice>
      ) : (
        <>
          <Notice tone="info">
            The probe-set loss on a plane through a trial's trained weights (centre), spanned by two random directions
            scaled filter by filter to the weights (Li et al. 2018). Every trial uses the same directions. Weights are
            kept for the last rung and the best trial of each rung.
          </Notice>
          <fieldset className="trial-picks">
            <legend>Trials (one, or two side by side)</legend>
            {l.keptTrialIds.map((id) => {
              const t = study.trials.find((r) => r.trialId === id);
              return (
                <label key={id}>
                  <input
                    type="checkbox"
                    checked={l.trialIds.includes(id)}
                    disabled={working}
                    onChange={(e) => toggle(id, e.target.checked)}
                    data-testid="landscape-trial"
                  />{' '}
                  trial {id} (rung {(t?.rung ?? 0) + 1}, val {formatPercent(t?.valAccuracy)})
                </label>
              );
            })}
          </fieldset>
          <div className="controls">
            <label className="field">
              Resolution ({SLICE_RESOLUTION.min}–{SLICE_RESOLUTION.max})
              <input
                type="number"
                min={SLICE_RESOLUTION.min}
                max={SLICE_RESOLUTION.max}
                step={2}
                value={l.resolution}
                disabled={working}
                data-testid="slice-resolution"
                onChange={(e) => setLandscapeOptions({ resolution: Number(e.target.value) })}
                onBlur={() => setLandscapeOptions({ resolution: validResolution(l.resolution) })}
              />
            </label>
            <label className="field">
              Range (± filter norms)
              <input
                type="number"
                min={0.05}
                max={10}
                step={0.05}
                value={l.range}
                disabled={working}
                data-testid="slice-range"
                onChange={(e) => {
                  const v = Number(e.target.value);
                  if (v > 0 && v <= 10) setLandscapeOptions({ range: v });
                }}
              />
            </label>
            <label className="field">
              Probe images
              <input
                type="number"
                min={1}
                max={2000}
                step={1}
                value={images}
                disabled={working}
                data-testid="slice-images"
                onChange={(e) => {
                  const v = Math.round(Number(e.target.value));
                  if (v >= 1) setLandscapeOptions({ images: v });
                }}
              />
            </label>
            <label>
              <input
                type="checkbox"
                checked={l.logScale}
                onChange={(e) => setLandscapeOptions({ logScale: e.target.checked })}
                data-testid="slice-log"
              />{' '}
              log colour scale
            </label>
            <button
              className="primary"
              disabled={working || l.trialIds.length === 0}
              onClick={() => void computeSlices()}
            >
              Compute slice{l.trialIds.length > 1 ? 's' : ''}
            </button>
            <button disabled={l.status !== 'computing'} onClick={cancelSlices}>
              Cancel
            </button>
          </div>
          <Notice tone="info">
            {l.resolution}×{l.resolution} points × {images} images per trial
            {trialProbeImages
              ? `; at ${trialProbeImages} images (the trials' probe set) the centre equals the trial's probe loss`
              : ''}
            .
          </Notice>
          {l.progress.rowsTotal > 0 && (
            <ProgressBar
              value={l.progress.rowsDone}
              max={l.progress.rowsTotal}
              testId="slice-progress"
              running={l.status === 'computing'}
              label={`${l.progress.rowsDone} / ${l.progress.rowsTotal} rows${l.status === 'cancelled' ? ' (cancelled)' : ''}`}
            />
          )}
          {l.error && (
            <Notice tone="error" live="alert">
              {l.error}
            </Notice>
          )}
          {grids.length > 0 && (
            <>
              <div className="slices">
                {grids.map((g) => (
                  <SliceHeatmap key={g.trialId} grid={g} scale={scale} title={`Trial ${g.trialId}`} />
                ))}
              </div>
              {scale && <ColourLegend scale={scale} />}
              {speed.length > 0 && (
                <p className="notice-info" data-testid="slice-speed" data-images-per-second={Math.min(...speed)}>
                  Forward speed: {speed.map((v) => formatNumber(v, 0)).join(' and ')} images/s on{' '}
                  {backend?.backend ?? 'the workers'}.
                </p>
              )}
            </>
          )}
          <h3>Linear interpolation</h3>
          <div className="controls">
            <button disabled={working} onClick={() => void computeInterpolation('initToTrained')}>
              Init → trained (first selected or best trial)
            </button>
            <button disabled={working} onClick={() => void computeInterpolation('bestToWorst')}>
              Best → worst kept trial
            </button>
          </div>
          {l.interpolation && <InterpolationChart curve={l.interpolation} logScale={l.logScale} />}
        </>
      )}
    </Panel>
  );
}
