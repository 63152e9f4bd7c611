// `npm run bench:promotion -- --run bench/runs/steer12.run.json.gz --memory bench/runs/audit30.run.json.gz [--json]`
// Replays the promotion decisions of an audited study (bench:search --out) with no training: every
// configuration's full-fidelity accuracy is known, so each rung transition can be re-decided by any
// rule and judged by its promotion regret (best full-fidelity accuracy among the candidates minus
// the best among those promoted). The meta-model's memory is another audited run's examples (a
// different study at the same full fidelity), so no label of the replayed study is used.
// Rung 0 is exact for every rule; a later rung can only be replayed over the candidates the real
// run promoted to it, so it is reported "given the same candidates".
import { parseArgs } from 'node:util';
import { makeExamples, type MetaExample } from '../src/core/metaModel/memory';
import { regretPts } from '../src/core/metaModel/promotionAudit';
import { scorePromotion } from '../src/core/metaModel/promotionScoring';
import type { PromotionGuard } from '../src/core/study/studyDefinition';
import { promote } from '../src/core/schedulers/successiveHalving';
import type { StudyState } from '../src/core/study/studyMachine';
import { trialSignalsOf } from '../src/orchestrator/audit';
import { fullAccuracyOf, readRun as read, type SavedRun } from './savedRun';
import { spearman } from '../src/core/stats/rankCorrelation';

const { values } = parseArgs({
  options: {
    run: { type: 'string', multiple: true },
    memory: { type: 'string', multiple: true },
    kappa: { type: 'string', default: '0,1' },
    json: { type: 'boolean', default: false },
  },
});

/** An audited run's examples, as its --save-memory would have written them. */
function examplesOf(run: SavedRun): MetaExample[] {
  return makeExamples(run.state, trialSignalsOf(run.results), audited(run), 'audit', 0);
}
function audited(run: SavedRun): Map<number, number> {
  if (!run.report) throw new Error(`run of preset ${run.preset} has no audit report: save it with bench:search --out`);
  return fullAccuracyOf(run.report);
}

/** The study as it stood when rung `rung` of bracket 0 had just completed: later trials removed. */
function stateAtRung(state: StudyState, rung: number, kappa: number, promotionGuard: PromotionGuard): StudyState {
  return {
    ...state,
    phase: 'running',
    definition: {
      ...state.definition,
      scheduler: { ...state.definition.scheduler, promotion: 'metaModel', ucbKappa: kappa, promotionGuard },
    },
    trials: state.trials.filter((t) => t.rung <= rung),
    brackets: state.brackets.map((b) => ({ ...b, rung, done: false, awaitingScores: true })),
    promotions: [],
  };
}

const runs = values.run ?? [];
const memoryRuns = values.memory ?? [];
if (runs.length === 0 || memoryRuns.length === 0) {
  console.error(
    'Usage: npm run bench:promotion -- --run saved.json[.gz] --memory other.json[.gz] [--memory …] [--kappa 0,1] [--json]',
  );
  process.exit(2);
}
const kappas = values.kappa!.split(',').map(Number);
const variants: { name: string; guard: PromotionGuard }[] = [
  { name: 'meta-model, no guard', guard: 'none' },
  { name: 'meta-model, count guard', guard: 'count' },
  { name: 'meta-model, CV gate', guard: 'cvGate' },
];

for (const path of runs) {
  const run = read(path);
  const memory = memoryRuns.filter((m) => m !== path).flatMap((m) => examplesOf(read(m)));
  const full = audited(run);
  const signals = trialSignalsOf(run.results);
  const plan = run.state.brackets[0].plan;
  if (!values.json)
    console.log(
      `\n${path}: ${run.state.configs.length} configurations, memory ${memory.length} examples from ${memoryRuns.filter((m) => m !== path).join(', ')}`,
    );
  for (let rung = 0; rung + 1 < plan.length; rung++) {
    const current = run.state.trials.filter((t) => t.bracket === 0 && t.rung === rung);
    const candidates = current.map((t) => t.configId);
    const n = run.state.trials.filter((t) => t.bracket === 0 && t.rung === rung + 1).length;
    const byAccuracy = promote(
      current.map((t) => ({ ...t, score: t.state === 'completed' ? t.valAccuracy : null })),
      n,
    ).map((t) => t.configId);
    const actual = candidates.map((id) => full.get(id)!);
    // How well a rule's scores order all of this rung's candidates by full-fidelity accuracy (diverged at chance).
    const rho = (scores: readonly (number | null)[]) =>
      spearman(
        scores.map((v) => v ?? 0.1),
        actual,
      );
    const rows: {
      rule: string;
      kappa: number | null;
      promoted: number[];
      regretPts: number;
      spearman: number;
      note: string;
    }[] = [
      {
        rule: 'accuracy',
        kappa: null,
        promoted: byAccuracy,
        regretPts: regretPts(byAccuracy, candidates, full),
        spearman: rho(current.map((t) => (t.state === 'completed' ? t.valAccuracy : null))),
        note: 'plain successive halving',
      },
    ];
    for (const { name, guard } of variants) {
      for (const kappa of kappas) {
        const state = stateAtRung(run.state, rung, kappa, guard);
        const record = scorePromotion(
          { state, signals, examples: memory, now: 0 },
          { bracket: 0, rung, resource: plan[rung].resource, configIds: candidates },
        );
        const scored = current.map((t) => ({
          ...t,
          score:
            t.state !== 'completed'
              ? null
              : record.scores
                ? (record.scores[t.configId] ?? t.valAccuracy)
                : t.valAccuracy,
        }));
        const promoted = promote(scored, n).map((t) => t.configId);
        rows.push({
          rule: name,
          kappa,
          promoted,
          regretPts: regretPts(promoted, candidates, full),
          spearman: rho(scored.map((t) => t.score)),
          note: record.note,
        });
      }
    }
    for (const r of rows) {
      const line = {
        run: path,
        rung,
        candidates: candidates.length,
        promote: n,
        given: rung === 0 ? 'exact' : "the real run's candidates",
        ...r,
      };
      if (values.json) console.log(JSON.stringify(line));
      else
        console.log(
          `  rung ${rung} -> ${rung + 1} (${n} of ${candidates.length}${rung > 0 ? ", given the real run's candidates" : ''}) ${r.rule.padEnd(26)} ${r.kappa === null ? '     ' : `κ=${r.kappa}`.padEnd(5)} regret ${r.regretPts.toFixed(1).padStart(4)} pts  ρ ${r.spearman.toFixed(3)}  promoted [${r.promoted.join(', ')}]  ${r.rule === 'accuracy' ? '' : r.note}`,
        );
    }
  }
}
