// Brute-force oracle for the study simulator's tests: a study replayed by hand from the raw table
// rows, with its rung ladders written out rather than planned, and its regret and compute summed
// term by term. Deliberately shares no code with src/core/groundTruth beyond the row types.
import type { LearningCurveTable, TableRow } from '../core/groundTruth/learningCurveTable';

/** One rung written out: what its trials train on and how many trials it has. */
export interface OracleRung {
  dataFraction: number;
  epochs: number;
  trials: number;
}
export interface OracleBracket {
  configs: number;
  rungs: OracleRung[];
}

export interface OraclePoint {
  resource: number;
  accuracy: number | null;
}

export interface OracleStudy {
  pick: string;
  regretPts: number;
  /** In image-epochs: images x epochs trained, validation images at 1/3, probe ms at the row's images/s. */
  computeFraction: number;
  /** In the rows' measured milliseconds. */
  computeFractionMs: number;
  bestAccuracy: number;
}

function rowAt(table: LearningCurveTable, configId: string, dataFraction: number): TableRow {
  const row = table.rows.find(
    (r) => r.configId === configId && r.replicate === 0 && Math.abs(r.dataFraction - dataFraction) < 1e-9,
  );
  if (!row) throw new Error(`oracle: no row for ${configId} at ${dataFraction}`);
  return row;
}

/** Accuracy after `epochs` epochs, null where the run diverged before. */
function accuracyAt(row: TableRow, epochs: number): number | null {
  return row.curve.length >= epochs ? row.curve[epochs - 1].valAccuracy : null;
}

/** Milliseconds to train epochs (from, to] and evaluate once; a diverged run stops in the epoch after its last record. */
function msFor(table: LearningCurveTable, row: TableRow, from: number, to: number, probes: boolean): number {
  const ran = (e: number) => (row.status === 'diverged' ? Math.min(e, row.curve.length + 1) : e);
  const train = ((row.images * (ran(to) - ran(from))) / row.imagesPerSecond) * 1000;
  const reached = row.curve.length >= to;
  const evaluation = reached ? (table.header.validationSize / 3 / row.imagesPerSecond) * 1000 : 0;
  const probe = probes && reached ? (row.curve[to - 1].probes?.ms ?? 0) : 0;
  return train + evaluation + probe;
}

/** The same trial in image-epochs: trained images x epochs, a third per validation image, probe ms at the row's speed. */
function unitsFor(table: LearningCurveTable, row: TableRow, from: number, to: number, probes: boolean): number {
  const ran = (e: number) => (row.status === 'diverged' ? Math.min(e, row.curve.length + 1) : e);
  const reached = row.curve.length >= to;
  const evaluation = reached ? table.header.validationSize / 3 : 0;
  const probe = probes && reached ? ((row.curve[to - 1].probes?.ms ?? 0) * row.imagesPerSecond) / 1000 : 0;
  return row.images * (ran(to) - ran(from)) + evaluation + probe;
}

/**
 * Brackets take the pool's configurations in order; each rung sends its top `trials` (of the next
 * rung) on by score, default accuracy (diverged never, ties to the earlier configuration); the pick
 * is the best accuracy at full fidelity among the finalists. `probes`: the rule pays for probes below full fidelity.
 */
export function oracleStudy(
  table: LearningCurveTable,
  pool: readonly string[],
  brackets: readonly OracleBracket[],
  continues: boolean,
  options: {
    probes?: boolean;
    /** `rungs`: this configuration's rungs in the bracket so far, this one included (resource = fraction x epochs / E). */
    score?: (row: TableRow, epochs: number, rungs: OraclePoint[]) => number | null;
  } = {},
): OracleStudy {
  const probes = options.probes ?? false;
  const score = options.score ?? accuracyAt;
  const E = table.header.epochs;
  const truth = (id: string) => accuracyAt(rowAt(table, id, 1), E) ?? 0.1;
  let spent = 0;
  let spentMs = 0;
  let next = 0;
  const finalists: { id: string; accuracy: number | null; order: number }[] = [];
  for (const b of brackets) {
    let alive = pool.slice(next, next + b.configs);
    next += b.configs;
    const seen = new Map<string, OraclePoint[]>(alive.map((id) => [id, []]));
    b.rungs.forEach((r, i) => {
      const before = continues && i > 0 ? b.rungs[i - 1].epochs : 0;
      const last = i === b.rungs.length - 1;
      for (const id of alive) {
        spent += unitsFor(table, rowAt(table, id, r.dataFraction), before, r.epochs, probes && !last);
        spentMs += msFor(table, rowAt(table, id, r.dataFraction), before, r.epochs, probes && !last);
      }
      const at = (id: string) => rowAt(table, id, r.dataFraction);
      if (last) {
        finalists.push(...alive.map((id) => ({ id, accuracy: accuracyAt(at(id), r.epochs), order: pool.indexOf(id) })));
        return;
      }
      for (const id of alive)
        seen.get(id)!.push({ resource: (r.dataFraction * r.epochs) / E, accuracy: accuracyAt(at(id), r.epochs) });
      const scored = alive.map((id) => ({
        id,
        accuracy: score(at(id), r.epochs, seen.get(id)!),
        order: pool.indexOf(id),
      }));
      alive = scored
        .filter((s) => s.accuracy !== null)
        .sort((a, c) => (c.accuracy as number) - (a.accuracy as number) || a.order - c.order)
        .slice(0, b.rungs[i + 1].trials)
        .map((s) => s.id);
    });
  }
  const pick = finalists
    .filter((f) => f.accuracy !== null)
    .sort((a, c) => (c.accuracy as number) - (a.accuracy as number) || a.order - c.order)[0];
  const bestAccuracy = Math.max(...pool.map(truth));
  const fully = pool.reduce((s, id) => s + unitsFor(table, rowAt(table, id, 1), 0, E, false), 0);
  const fullyMs = pool.reduce((s, id) => s + msFor(table, rowAt(table, id, 1), 0, E, false), 0);
  return {
    pick: pick.id,
    regretPts: 100 * (bestAccuracy - truth(pick.id)),
    computeFraction: spent / fully,
    computeFractionMs: spentMs / fullyMs,
    bestAccuracy,
  };
}

/** Every k-subset of items, in lexicographic order of indices. */
export function subsets<T>(items: readonly T[], k: number): T[][] {
  const out: T[][] = [];
  const walk = (start: number, chosen: T[]) => {
    if (chosen.length === k) {
      out.push(chosen);
      return;
    }
    for (let i = start; i <= items.length - (k - chosen.length); i++) walk(i + 1, [...chosen, items[i]]);
  };
  walk(0, []);
  return out;
}
