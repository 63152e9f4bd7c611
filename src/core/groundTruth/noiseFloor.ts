// The seed-to-seed noise floor of the table: the same configuration trained twice at full fidelity
// with different seeds (replicate 0 and 1). A regret below this spread is not a regret (as the
// multi-seed tables NAS-Bench-201, Dong & Yang 2020, and LCBench report their seed variance).
import type { LearningCurveTable, TableRow } from './learningCurveTable';
import { CHANCE, epochOf } from './tableConfigurations';

export interface NoiseFloor {
  /** Configurations trained twice at full fidelity. */
  pairs: number;
  /** Mean |accuracy(rep 0) - accuracy(rep 1)| in accuracy points; NaN without pairs. */
  meanAbsDiffPts: number;
  maxAbsDiffPts: number;
  diffsPts: number[];
}

export function noiseFloor(table: LearningCurveTable): NoiseFloor {
  const { epochs } = table.header;
  const full = table.rows.filter((r) => r.dataFraction === 1);
  const accuracy = (r: TableRow) => epochOf(r, epochs)?.valAccuracy ?? CHANCE;
  const diffsPts: number[] = [];
  for (const again of full.filter((r) => r.replicate === 1)) {
    const first = full.find((r) => r.replicate === 0 && r.configId === again.configId);
    if (first) diffsPts.push(100 * Math.abs(accuracy(first) - accuracy(again)));
  }
  return {
    pairs: diffsPts.length,
    meanAbsDiffPts: diffsPts.length ? diffsPts.reduce((s, d) => s + d, 0) / diffsPts.length : NaN,
    maxAbsDiffPts: diffsPts.length ? Math.max(...diffsPts) : NaN,
    diffsPts,
  };
}
