// Actions of the landscape panel: 2D slices around kept trials' weights (Li et al. 2018), drawn
// row by row as they arrive, and 1D interpolations (Goodfellow et al. 2015), run on the study's pool.
import { deriveSeed } from '../core/rng';
import { trialSeed, type StudyState, type TrialRecord } from '../core/study/studyMachine';
import { interpolateOnPool, startSlice, type SliceJob } from '../orchestrator/landscapeJobs';
import { probeIndices, probeSeed } from '../orchestrator/probeSettings';
import { studySplits } from '../orchestrator/studySplits';
import { initialWeights, trialSpec } from '../training/simpleCnnSpec';
import { labStore } from '../store/labStore';
import {
  sliceImages,
  SLICE_RESOLUTION,
  type InterpolationKind,
  type LandscapeState,
  type SliceGrid,
} from '../store/landscapeState';
import { keptWeights } from '../store/trialWeights';
import { currentPool, loadDataset } from './page';

const get = () => labStore.getState().landscape;
const patch = (p: Partial<LandscapeState>) => labStore.setState({ landscape: { ...get(), ...p } });
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const busy = () => get().status === 'computing' || get().status === 'interpolating';

let running: SliceJob[] = [];

/** One or two trials; picking a third drops the oldest pick. */
export function selectLandscapeTrials(trialIds: number[]): void {
  patch({ trialIds: trialIds.slice(-2) });
}

export function setLandscapeOptions(
  options: Partial<Pick<LandscapeState, 'resolution' | 'range' | 'logScale' | 'images'>>,
): void {
  patch(options);
}

/** Resolution as the worker accepts it: odd (the trained weights on the centre point), 11..51. */
export function validResolution(n: number): number {
  const clamped = Math.min(SLICE_RESOLUTION.max, Math.max(SLICE_RESOLUTION.min, Math.round(n) || SLICE_RESOLUTION.min));
  return clamped % 2 === 1 ? clamped : clamped + 1;
}

/** The study's probe set, cut to `images` (a prefix: at the study's probe size it is the trials' own probe set). */
async function sliceIndices(study: StudyState, images: number): Promise<Int32Array> {
  const { labels } = await loadDataset();
  return probeIndices(studySplits(study.definition, labels).evalIndices, images);
}

function context() {
  const { study, backend, probes } = labStore.getState();
  const pool = currentPool();
  if (!study || !pool) throw new Error('Run a study first: slices need its workers and its trained weights.');
  return { study, pool, images: sliceImages(get(), backend, probes) };
}

function trialOf(study: StudyState, trialId: number): TrialRecord {
  const trial = study.trials.find((t) => t.trialId === trialId);
  if (!trial) throw new Error(`Trial ${trialId} is not part of this study`);
  return trial;
}

export async function computeSlices(trialIds: number[] = get().trialIds): Promise<void> {
  if (busy()) return;
  try {
    if (trialIds.length < 1 || trialIds.length > 2) throw new Error(`Choose one or two trials, not ${trialIds.length}`);
    const { study, pool, images } = context();
    const resolution = validResolution(get().resolution);
    const range = get().range;
    const indices = await sliceIndices(study, images);
    const grids: Record<number, SliceGrid> = {};
    for (const id of trialIds) {
      grids[id] = {
        trialId: id,
        resolution,
        range,
        images: indices.length,
        losses: Array(resolution).fill(null),
        accuracies: Array(resolution).fill(null),
        rowsDone: 0,
        imagesPerSecond: null,
        ms: null,
      };
    }
    const weightsOf = trialIds.map((id) => {
      const weights = keptWeights(id);
      if (!weights) throw new Error(`The weights of trial ${id} are no longer in memory`);
      return weights;
    });
    patch({
      trialIds,
      resolution,
      status: 'computing',
      error: null,
      grids,
      progress: { rowsDone: 0, rowsTotal: resolution * trialIds.length },
    });
    running = trialIds.map((id, k) => {
      const weights = weightsOf[k];
      const spec = trialSpec(study.configs[trialOf(study, id).configId], 10);
      return startSlice(
        pool,
        { spec, weights, indices, resolution, range, seed: probeSeed(study.definition), normalization: 'filter' },
        (row) => {
          const l = get();
          const g = l.grids[id];
          if (!g || l.status !== 'computing') return;
          const losses = g.losses.slice();
          const accuracies = g.accuracies.slice();
          losses[row.rowIndex] = row.losses;
          accuracies[row.rowIndex] = row.accuracies;
          patch({
            grids: { ...l.grids, [id]: { ...g, losses, accuracies, rowsDone: g.rowsDone + 1 } },
            progress: { ...l.progress, rowsDone: l.progress.rowsDone + 1 },
          });
        },
      );
    });
    const outcomes = await Promise.all(running.map((job) => job.done));
    const failed = outcomes.find((o) => !o.ok);
    const grids2 = { ...get().grids };
    outcomes.forEach((o, i) => {
      if (o.ok)
        grids2[trialIds[i]] = {
          ...grids2[trialIds[i]],
          imagesPerSecond: o.value.imagesPerSecond,
          ms: o.value.ms,
          losses: o.value.losses,
          accuracies: o.value.accuracies,
          rowsDone: resolution,
        };
    });
    if (failed && !failed.ok) {
      patch({
        grids: grids2,
        status: failed.error.code === 'CANCELLED' ? 'cancelled' : 'error',
        error: failed.error.code === 'CANCELLED' ? null : `${failed.error.code}: ${failed.error.message}`,
      });
    } else {
      patch({ grids: grids2, status: 'done' });
    }
  } catch (e) {
    running.forEach((job) => job.cancel());
    patch({ status: 'error', error: message(e) });
  } finally {
    running = [];
  }
}

export function cancelSlices(): void {
  running.forEach((job) => job.cancel());
}

/** α from -0.25 to 1.25 in steps of 1/16: both ends (0 and 1) lie exactly on the path. */
export const INTERPOLATION_ALPHAS = Array.from({ length: 25 }, (_, k) => -0.25 + k / 16);

function pickEnds(
  study: StudyState,
  kind: InterpolationKind,
): { from: Float32Array[]; to: Float32Array[]; fromLabel: string; toLabel: string; configId: number } {
  const kept = get().keptTrialIds.map((id) => trialOf(study, id));
  const best = [...kept].sort((a, b) => (b.valAccuracy ?? -1) - (a.valAccuracy ?? -1));
  if (kind === 'initToTrained') {
    const trial = kept.find((t) => t.trialId === get().trialIds[0]) ?? best[0];
    if (!trial) throw new Error('No trained weights are kept: run a study first');
    const spec = trialSpec(study.configs[trial.configId], 10);
    const from = initialWeights(spec, deriveSeed(trialSeed(study, trial), 'init'));
    return {
      from,
      to: keptWeights(trial.trialId)!,
      fromLabel: `init of config ${trial.configId}`,
      toLabel: `trial ${trial.trialId}`,
      configId: trial.configId,
    };
  }
  const top = best[0];
  const sameShape = (t: TrialRecord) =>
    JSON.stringify(trialSpec(study.configs[t.configId], 10)) ===
    JSON.stringify(trialSpec(study.configs[top.configId], 10));
  const worst = best.filter((t) => t.trialId !== top?.trialId && sameShape(t)).pop();
  if (!top || !worst) throw new Error('Interpolating needs two kept trials with the same network shape');
  return {
    from: keptWeights(top.trialId)!,
    to: keptWeights(worst.trialId)!,
    fromLabel: `best: trial ${top.trialId}`,
    toLabel: `worst kept: trial ${worst.trialId}`,
    configId: worst.configId,
  };
}

export async function computeInterpolation(kind: InterpolationKind): Promise<void> {
  if (busy()) return;
  try {
    const { study, pool, images } = context();
    const ends = pickEnds(study, kind);
    patch({ status: 'interpolating', error: null });
    const indices = await sliceIndices(study, images);
    const spec = trialSpec(study.configs[ends.configId], 10);
    const outcome = await interpolateOnPool(pool, {
      spec,
      from: ends.from,
      to: ends.to,
      alphas: INTERPOLATION_ALPHAS,
      indices,
    });
    if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
    patch({ status: 'done', interpolation: { kind, from: ends.fromLabel, to: ends.toLabel, ...outcome.value } });
  } catch (e) {
    patch({ status: 'error', error: message(e) });
  }
}
