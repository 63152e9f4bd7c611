// SYNTHETIC test fixture: a small learning-curve table shaped exactly like bench:table's (same
// header, configurations, build order, row fields), with made-up but plausible numbers. It is an
// oracle for the simulator's arithmetic, not a result: nothing here was trained.
import type { EpochRow, LearningCurveTable, ProbeRecord, TableRow } from '../core/groundTruth/learningCurveTable';
import { tableHeader, tableUnits, type TableSettings, type TableUnit } from '../core/groundTruth/tablePlan';
import { createRng, deriveSeed, type Rng } from '../core/rng';
import type { TrialConfig } from '../core/searchSpace/searchSpace';

/** 12 configurations at 4 fractions, 2 noise-floor repeats: 50 rows. */
export const FIXTURE_SETTINGS: TableSettings = { configs: 12, repeats: 2, epochs: 4, tableSeed: 2026, splitSeed: 2026 };

/** One configuration whose full-fidelity run diverges after epoch 2, so divergence is exercised. */
export const FIXTURE_DIVERGED = 'c07';

/** Accuracy the configuration would approach with unlimited data: best near lr 1e-3 (Adam) or 1e-2 (SGD). */
function ceiling(c: TrialConfig, rng: Rng): number {
  const lr = Math.log10(c.learningRate);
  const penalty = c.optimizer === 'sgd' ? 0.12 * (lr + 1.8) ** 2 + 0.12 * (0.9 - c.momentum) : 0.15 * (lr + 3) ** 2;
  return 0.74 - penalty + (0.03 * (c.channels - 32)) / 32 - 0.1 * (c.dropout - 0.2) + 0.015 * rng.normal();
}

function probesAt(quality: number, c: TrialConfig, last: boolean, rng: Rng): ProbeRecord {
  const noise = () => Math.exp(0.3 * rng.normal());
  const sharp = 0.05 * Math.exp(-4 * (quality - 0.5)) * noise();
  const width = (c.channels / 32) ** 1.6;
  return {
    loss: 1.5 - quality,
    sharpnessMean: sharp,
    sharpnessMax: 2.5 * sharp * noise(),
    samSharpness: 0.8 * sharp * noise(),
    gradientNorm: 0.6 * noise(),
    ...(last ? { topEigenvalue: ((40 * sharp) / 0.05) * noise(), hessianTrace: ((900 * sharp) / 0.05) * noise() } : {}),
    ms: Math.round(width * (last ? 2400 : 400) * (0.9 + 0.2 * rng.next())),
  };
}

function rowOf(u: TableUnit, images: number, rng: Rng): TableRow {
  const c = u.config;
  const top = ceiling(c, createRng(deriveSeed(2026, 'fixture', u.configId)));
  const speed = 0.5 + createRng(deriveSeed(2026, 'fixture', u.configId, 'speed')).next(); // crosses rankings between fidelities
  const diverges = u.configId === FIXTURE_DIVERGED && u.dataFraction === 1 && u.replicate === 0;
  const epochs = diverges ? 2 : c.epochs;
  const ips = 300 * (32 / c.channels) ** 1.6 * (0.95 + 0.1 * rng.next());
  const curve: EpochRow[] = [];
  for (let e = 1; e <= epochs; e++) {
    const progress = 1 - Math.exp(-3 * speed * ((u.dataFraction * e) / c.epochs) ** 0.6);
    const valAccuracy = Math.min(0.95, Math.max(0.1, 0.1 + (top - 0.1) * progress + 0.008 * rng.normal()));
    curve.push({
      epoch: e,
      trainLoss: 2.3 * (1 - 0.8 * progress),
      valLoss: -1.2 * Math.log(valAccuracy),
      valAccuracy,
      probes: probesAt(valAccuracy, c, e === epochs, rng),
    });
  }
  const trainMs = (1000 * images * epochs) / ips;
  return {
    kind: 'trial',
    configId: u.configId,
    config: c,
    replicate: u.replicate,
    seed: u.seed,
    dataFraction: u.dataFraction,
    images,
    status: diverges ? 'diverged' : 'completed',
    curve,
    initGradientNorm: 1.5 * Math.exp(0.2 * rng.normal()),
    durationMs: Math.round(trainMs * 1.1),
    imagesPerSecond: Math.round(ips),
    backend: 'synthetic',
    report: diverges
      ? null
      : { testAccuracy: curve[epochs - 1].valAccuracy - 0.004, testLoss: curve[epochs - 1].valLoss + 0.01 },
  };
}

/** The fixture table, the same on every call. */
export function learningCurveFixture(settings: TableSettings = FIXTURE_SETTINGS): LearningCurveTable {
  const header = tableHeader(settings);
  const rows = tableUnits(header, settings).map((u) =>
    rowOf(
      u,
      Math.round(u.dataFraction * header.trainImages),
      createRng(deriveSeed(settings.tableSeed, 'fixture', u.key)),
    ),
  );
  return { header, rows };
}
