// Partial rank correlation (Kendall 1942; the partial Spearman of pingouin.partial_corr): how x
// and y co-vary in rank once z's rank is accounted for, r_xy.z = (r_xy - r_xz r_yz) /
// sqrt((1 - r_xz²)(1 - r_yz²)) on Spearman correlations. NaN where any correlation is undefined.
import { spearman } from '../stats/rankCorrelation';

export function partialSpearman(x: readonly number[], y: readonly number[], z: readonly number[]): number {
  const rxy = spearman(x, y);
  const rxz = spearman(x, z);
  const ryz = spearman(y, z);
  const denominator = Math.sqrt((1 - rxz * rxz) * (1 - ryz * ryz));
  if (!(denominator > 1e-12)) return NaN;
  return Math.max(-1, Math.min(1, (rxy - rxz * ryz) / denominator));
}
