// `npm run bench:search -- --preset audit-smoke [--json] [--workers N] [--seed S] [--alpha A] [--out run.json]`:
// runs a successive-halving study headless (Node worker_threads, wasm), trains every configuration
// at full fidelity (src/orchestrator/audit.ts) and prints how well each ranking rule predicted the
// full-fidelity order. With --json, stdout carries one JSON line per rule and one summary line.
// `--replay run.json` re-scores a saved run (its study and full-fidelity results) without training.
// `--promotion metaModel [--kappa K] [--min-examples N]` promotes by the meta-model's prediction;
// `--memory examples.json` is its memory of earlier studies (the page's export format): it warms
// the promotion model and adds a fourth rule (metaModelMemory: rung-0 evidence, earlier studies'
// labels only); `--save-memory file.json` appends this run's audited examples to a file. Every rung transition is then judged by its
// promotion regret at full fidelity, beside the regret of promoting by accuracy on the same trials.
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { describeConfig } from '../src/core/searchSpace/searchSpace';
import { auditStudy, type AuditReport } from '../src/orchestrator/audit';
import { startStudySession } from '../src/orchestrator/studySession';
import { createStudyPool } from '../src/orchestrator/studyPool';
import type { TrainerPool } from '../src/orchestrator/workerPool';
import { promotionFlags } from '../src/cli/studyArgs';
import { loadCifar10 } from '../src/cli/nodeDataset';
import { nodeWorkerFactory } from '../src/cli/nodeWorkers';
import type { Outcome, TrialResult } from '../workers/protocol';
import { findSearchPreset, SEARCH_PRESETS } from './searchPresets';
import { makeExamples } from '../src/core/metaModel/memory';
import { trialSignalsOf } from '../src/orchestrator/audit';
import { fullAccuracyOf, readRun, type SavedRun } from './savedRun';
import { appendMemoryFile, readMemoryFile } from '../src/cli/memoryFile';

const { values } = parseArgs({
  options: {
    preset: { type: 'string', default: 'audit-smoke' },
    json: { type: 'boolean', default: false },
    workers: { type: 'string' },
    seed: { type: 'string' },
    alpha: { type: 'string' },
    out: { type: 'string' },
    replay: { type: 'string' },
    'no-probes': { type: 'boolean', default: false },
    promotion: { type: 'string' },
    kappa: { type: 'string' },
    'min-examples': { type: 'string' },
    memory: { type: 'string' },
    'save-memory': { type: 'string' },
    // Older names of the two above, so commands written for them keep working.
    knowledge: { type: 'string' },
    'save-knowledge': { type: 'string' },
  },
});

const presetId = values.replay ? readRun(values.replay).preset : values.preset!;
const preset = findSearchPreset(presetId);
if (!preset) {
  console.error(`Unknown preset "${presetId}". Presets: ${SEARCH_PRESETS.map((p) => p.id).join(', ')}`);
  process.exit(2);
}
const log = (line: string) => (values.json ? console.error(line) : console.log(line));
const auditLog = {
  onFullFidelityTrial: (e: {
    configId: number;
    status: string;
    reused: boolean;
    done: number;
    total: number;
    valAccuracy: number | null;
  }) =>
    log(
      `[search] full fidelity ${e.done}/${e.total}: config ${e.configId} ${e.status}${e.reused ? ' (reused from the study)' : ''}` +
        (e.valAccuracy === null ? '' : ` val acc ${(100 * e.valAccuracy).toFixed(1)}%`),
    ),
};
const flagProblems: string[] = [];
const promotion = promotionFlags(values, flagProblems);
if (flagProblems.length > 0) {
  console.error(flagProblems.join('\n'));
  process.exit(2);
}
const alpha = values.alpha !== undefined ? Number(values.alpha) : undefined;
const t0 = performance.now();
const train = loadCifar10('train');
const memoryFile = values.memory ?? values.knowledge;
const saveMemory = values['save-memory'] ?? values['save-knowledge'];
const memory = readMemoryFile(memoryFile, log);

/** A pool that records every outcome, by trial id. */
function recording(pool: TrainerPool, into: Map<number, Outcome<TrialResult>>): TrainerPool {
  return {
    ...pool,
    size: pool.size,
    backend: pool.backend,
    run: async (input, onProgress) => {
      const outcome = await pool.run(input, onProgress);
      into.set(input.trialId, outcome.ok ? { ok: true, value: { ...outcome.value, weights: undefined } } : outcome);
      return outcome;
    },
  };
}

async function fresh(): Promise<{ saved: SavedRun; report: AuditReport }> {
  const base = preset!.study;
  const definition = {
    ...base,
    seed: values.seed !== undefined ? Number(values.seed) : base.seed,
    scheduler: {
      ...base.scheduler,
      ...promotion,
    },
  };
  const workers = values.workers ? Number(values.workers) : availableParallelism();
  log(`[search] preset ${preset!.id}: ${preset!.explains}`);
  const pool = await createStudyPool(nodeWorkerFactory, workers, train);
  log(`[search] ${workers} worker(s) on ${pool.backend.detail}`);
  // 1. The study, keeping every trial's full result (loss curve and probes) for the audit.
  const results = new Map<number, TrialResult>();
  const { run, done } = startStudySession({
    definition,
    pool,
    trainLabels: train.labels,
    probes: !values['no-probes'],
    memory: async () => memory,
    listener: {
      onTrialResult: (trialId, result) => results.set(trialId, { ...result, weights: undefined }),
      onState(state, event) {
        if (event?.type !== 'trialFinished' && event?.type !== 'trialFailed') return;
        const t = state.trials[event.trialId];
        log(
          `[search] study trial ${t.trialId} (config ${t.configId}, rung ${t.rung}, resource ${t.resource.toFixed(3)}): ${t.state}` +
            (t.valAccuracy === null ? '' : ` val acc ${(100 * t.valAccuracy).toFixed(1)}%`) +
            (t.imagesPerSecond ? `, ${t.imagesPerSecond.toFixed(0)} img/s` : ''),
        );
      },
    },
  });
  process.on('SIGINT', () => run.stop());
  const { state } = await done;
  const studyMs = performance.now() - t0;
  log(`[search] study ${state.phase} in ${(studyMs / 1000).toFixed(1)} s`);
  // 2. The audit: every configuration at full fidelity, then the rules.
  const fullResults = new Map<number, Outcome<TrialResult>>();
  const report = await auditStudy(state, results, recording(pool, fullResults), train.labels, {
    alpha,
    memory,
    ...auditLog,
  });
  pool.dispose();
  return {
    saved: { preset: preset!.id, state, results: [...results], fullResults: [...fullResults], workers, studyMs },
    report,
  };
}

async function replay(path: string): Promise<{ saved: SavedRun; report: AuditReport }> {
  const saved = readRun(path);
  const full = new Map(saved.fullResults);
  const pool: TrainerPool = {
    size: 1,
    backend: { backend: 'replay' } as unknown as TrainerPool['backend'],
    run: async (input) =>
      full.get(input.trialId) ?? {
        ok: false,
        error: { code: 'TRAINING_ERROR', message: `trial ${input.trialId} is not in ${path}` },
      },
    cancel() {},
    withWorker: async () => ({ ok: false, error: { code: 'TRAINING_ERROR', message: 'replay' } }),
    dispose() {},
  };
  log(`[search] replaying ${path} (preset ${saved.preset})`);
  return {
    saved,
    report: await auditStudy(saved.state, new Map(saved.results), pool, train.labels, { alpha, memory, ...auditLog }),
  };
}

const { saved, report } = values.replay ? await replay(values.replay) : await fresh();
const { state, workers, studyMs } = saved;
const definition = state.definition;
const wallMs = values.replay ? (saved.wallMs ?? NaN) : performance.now() - t0; // a replay reports the saved run's wall time

// The meta-model's memory: a fourth rule, promotion regrets, and this run's examples appended.
const signals = trialSignalsOf(saved.results);
const fullAccuracy = fullAccuracyOf(report);
const promotionChecks = report.promotions ?? [];
if (saveMemory)
  appendMemoryFile(
    saveMemory,
    saveMemory === memoryFile ? memory : readMemoryFile(saveMemory, log),
    makeExamples(state, signals, fullAccuracy, 'audit', Date.now()),
    log,
  );

const pct = (v: number | null | undefined, digits = 1) =>
  v === null || v === undefined || !Number.isFinite(v) ? '—' : (100 * v).toFixed(digits);
const fixed = (v: number, digits: number) => (Number.isFinite(v) ? v.toFixed(digits) : 'NaN');
if (values.json) {
  for (const r of report.rules) {
    console.log(
      JSON.stringify({
        rule: r.rule,
        spearman: r.spearman,
        kendall: r.kendall,
        top1RegretPts: r.top1RegretPts,
        top3RegretPts: r.top3RegretPts,
        computeFraction: r.computeFraction,
        fullFidelity: report.fullFidelity,
        note: r.note,
      }),
    );
  }
  console.log(
    JSON.stringify({
      preset: preset.id,
      seed: definition.seed,
      workers,
      wallMs: Math.round(wallMs),
      studyMs: Math.round(studyMs),
      auditMs: Math.round(values.replay ? (saved.report?.auditMs ?? NaN) : report.auditMs),
      scored: report.scored,
      fullFidelity: report.fullFidelity,
      successiveHalvingTop1RegretPts: report.successiveHalving?.top1RegretPts ?? null,
      metaModelRmsePts: report.metaModel?.rmsePts ?? null,
      metaModelCoverage: report.metaModel?.coverage ?? null,
      promotion: definition.scheduler.promotion ?? 'accuracy',
      memoryExamples: memory.length,
      promotionChecks,
    }),
  );
} else {
  console.log(
    `\nconfig  rung-0 acc  sharpness  full acc  meta-model [90% interval]   model                      hyperparameters`,
  );
  for (const r of report.rows) {
    const m = r.metaModel;
    console.log(
      `${String(r.configId).padStart(6)}  ${pct(r.rung0Accuracy).padStart(10)}  ${(r.rung0Sharpness === null ? '—' : r.rung0Sharpness.toPrecision(2)).padStart(9)}  ` +
        `${(r.fullStatus === 'completed' ? pct(r.fullFidelityAccuracy) : r.fullStatus).padStart(8)}  ` +
        `${(m ? `${pct(m.mean)} [${pct(m.lower)}, ${pct(m.upper)}]` : '—').padEnd(26)}  ${(m?.model ?? '—').padEnd(25)}  ${describeConfig(r.config)}`,
    );
  }
  console.log(
    `\nfull fidelity: ${report.fullFidelity}; ${report.scored} of ${report.numConfigs} configurations scored; ${report.fullFidelityRuns} trained by the audit, ${report.reusedRuns} reused`,
  );
  console.log('rule          spearman  kendall  top-1 regret  top-3 regret  compute  note');
  for (const r of report.rules) {
    console.log(
      `${r.rule.padEnd(12)}  ${fixed(r.spearman, 3).padStart(8)}  ${fixed(r.kendall, 3).padStart(7)}  ${`${r.top1RegretPts.toFixed(1)} pts`.padStart(12)}  ` +
        `${`${r.top3RegretPts.toFixed(1)} pts`.padStart(12)}  ${`${(100 * r.computeFraction).toFixed(0)}%`.padStart(7)}  ${r.note}`,
    );
  }
  if (report.successiveHalving)
    console.log(
      `successive halving's own winner (config ${report.successiveHalving.configId}): top-1 regret ${report.successiveHalving.top1RegretPts.toFixed(1)} pts`,
    );
  if (report.metaModel) {
    const m = report.metaModel;
    console.log(
      `meta-model (nested LOO): RMSE ${m.rmsePts.toFixed(2)} pts, MAE ${m.maePts.toFixed(2)} pts, ${(100 * m.coverage).toFixed(0)}% of full-fidelity accuracies inside their ${m.z === 1.645 ? '90%' : `±${m.z} sd`} interval; chosen: ${Object.entries(
        m.chosen,
      )
        .map(([k, v]) => `${k} x${v}`)
        .join(', ')}`,
    );
    console.log(
      `per model (LOO, no selection): ${m.perModel.map((p) => `${p.name} ${Number.isFinite(p.rmsePts) ? p.rmsePts.toFixed(2) : 'failed'} pts (cover ${(100 * p.coverage).toFixed(0)}%)`).join('; ')}`,
    );
  }
  for (const c of promotionChecks) {
    console.log(
      `promotion bracket ${c.bracket} rung ${c.rung} -> ${c.rung + 1} by ${c.rule}: promoted [${c.promoted.join(', ')}], regret ${c.regretPts.toFixed(1)} pts; ` +
        `by accuracy it would have been [${c.byAccuracy.join(', ')}], regret ${c.accuracyRegretPts.toFixed(1)} pts`,
    );
  }
  for (const p of state.promotions ?? [])
    console.log(`promotion note (bracket ${p.bracket} rung ${p.rung}): ${p.note}`);
  console.log(`assumptions: ${report.assumptions.join('; ')}`);
  const auditMs = values.replay ? (saved.report?.auditMs ?? NaN) : report.auditMs;
  console.log(
    `wall time ${(wallMs / 1000).toFixed(1)} s (study ${(studyMs / 1000).toFixed(1)} s, audit ${(auditMs / 1000).toFixed(1)} s)${values.replay ? `, as saved; re-scored now in ${(report.auditMs / 1000).toFixed(1)} s` : ''}`,
  );
}
if (values.out) writeFileSync(values.out, JSON.stringify({ ...saved, report, wallMs }));
process.exit(0);
