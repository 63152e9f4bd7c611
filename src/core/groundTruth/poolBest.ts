// What "the study picked the pool's best" means, in one place. By value, not by id: the pick counts
// as best when its full-fidelity validation accuracy equals the pool's maximum, so two
// configurations that tie at the top are both the best. Validation accuracy is all any selector
// sees, so a tie cannot be broken by anything but an arbitrary order; counting by id would make
// P(best) depend on that order. (The table has no exact tie at the top today; c08 and c11 print
// as 73.4% but are 0.7344 and 0.7336.)

export const P_BEST_DEFINITION =
  "share of studies whose pick's full-fidelity validation accuracy equals the pool's maximum (by value: a configuration tied at the top counts as best)";

/** The pool's best full-fidelity accuracy. */
export const poolBest = (accuracies: readonly number[]): number => Math.max(...accuracies);

/** Whether a pick with `pickAccuracy` is the best of a pool whose best is `best` (ties count as best). */
export const isPoolBest = (pickAccuracy: number, best: number): boolean => pickAccuracy >= best;
