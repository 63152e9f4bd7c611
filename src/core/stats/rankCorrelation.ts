// Rank agreement between predicted and actual scores: Spearman's rho on average ranks, Kendall's
// tau-b with tie corrections (Kendall 1945; as scipy.stats.spearmanr / kendalltau), and top-k regret.
// Undefined correlations (a constant input) are NaN, as in scipy.

function checkPaired(x: readonly number[], y: readonly number[]): void {
  if (x.length !== y.length)
    throw new Error(`Expected paired arrays of equal length, but got ${x.length} and ${y.length}`);
  for (const v of [...x, ...y]) {
    if (Number.isNaN(v)) throw new Error('Expected numbers, but got NaN');
  }
}

/** Ranks 1..n, ties sharing the average of the ranks they span. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((i, j) => values[i] - values[j]);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    while (end < order.length && values[order[end]] === values[order[start]]) end++;
    const rank = (start + 1 + end) / 2; // mean of start+1 .. end
    for (let i = start; i < end; i++) ranks[order[i]] = rank;
    start = end;
  }
  return ranks;
}

function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const meanX = x.reduce((s, v) => s + v, 0) / n;
  const meanY = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - meanX) * (y[i] - meanY);
    sxx += (x[i] - meanX) ** 2;
    syy += (y[i] - meanY) ** 2;
  }
  if (sxx === 0 || syy === 0) return NaN;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** Spearman's rho: the Pearson correlation of the average ranks. */
export function spearman(x: readonly number[], y: readonly number[]): number {
  checkPaired(x, y);
  if (x.length < 2) return NaN;
  return pearson(averageRanks(x), averageRanks(y));
}

/**
 * Kendall's tau-b = (concordant - discordant) / sqrt((n0 - tiesX)(n0 - tiesY)), where n0 counts
 * all pairs and tiesX, tiesY the pairs tied in x or in y. O(n²): fine for studies of thousands.
 */
export function kendallTauB(x: readonly number[], y: readonly number[]): number {
  checkPaired(x, y);
  const n = x.length;
  let score = 0; // concordant - discordant
  let untiedX = 0;
  let untiedY = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = Math.sign(x[i] - x[j]);
      const dy = Math.sign(y[i] - y[j]);
      score += dx * dy;
      if (dx !== 0) untiedX++;
      if (dy !== 0) untiedY++;
    }
  }
  if (untiedX === 0 || untiedY === 0) return NaN;
  return Math.max(-1, Math.min(1, score / Math.sqrt(untiedX * untiedY)));
}

/**
 * Top-k regret in accuracy points: the best actual score overall minus the best actual score among
 * the k trials ranked highest by prediction, times 100. Ties in prediction keep input order.
 */
export function regret(predictedScores: readonly number[], actualScores: readonly number[], k: number): number {
  checkPaired(predictedScores, actualScores);
  const n = predictedScores.length;
  if (n === 0) throw new Error('Expected at least one trial, but got none');
  if (!Number.isInteger(k) || k < 1) throw new Error(`Expected k to be a positive integer, but got ${k}`);
  const order = predictedScores.map((_, i) => i).sort((i, j) => predictedScores[j] - predictedScores[i] || i - j);
  const bestPicked = Math.max(...order.slice(0, Math.min(k, n)).map((i) => actualScores[i]));
  return (Math.max(...actualScores) - bestPicked) * 100;
}
