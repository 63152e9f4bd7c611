// A unit's relative cost for the ETA: training images x epochs, scaled by the network's width
// (c=64 trains about 3x slower than c=32 on wasm here), plus the per-epoch validation passes.
import type { TableHeader } from '../../src/core/groundTruth/learningCurveTable';
import type { TableUnit } from '../../src/core/groundTruth/tablePlan';

export function unitCost(u: TableUnit, header: TableHeader): number {
  const width = (u.config.channels / 32) ** 1.6;
  const trainImages = u.dataFraction * header.trainImages * header.epochs;
  const validation = (header.validationSize / 3) * header.epochs; // a forward pass is ~1/3 of a step
  return width * (trainImages + validation);
}
