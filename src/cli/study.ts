// Headless study: `npm run study -- --preset smoke [--workers N] [--seed S] [--json out.json]
//   [--promotion metaModel --kappa K --min-examples N --memory in.json --save-memory out.json]`
//   (`--help` lists every flag; ./studyArgs validates them).
// Runs the page's orchestrator in Node worker_threads on real CIFAR-10 and prints the ranking and
// the recommendation. --memory is the meta-model's memory (the page's export format), read
// before the study; --save-memory adds the study's own full-fidelity examples to a file.
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { findPreset } from '../core/study/presets';
import { estimateStudy, estimateText } from '../core/study/studyEstimate';
import { describeConfig } from '../core/searchSpace/searchSpace';
import { rankConfigs } from '../core/study/studyRanking';
import { summarisePlan } from '../core/schedulers/schedule';
import { studyProblems } from '../core/study/studyProblems';
import { startStudySession } from '../orchestrator/studySession';
import { createStudyPool } from '../orchestrator/studyPool';
import { examplesFromStudy } from '../core/metaModel/memory';
import { recommend } from '../core/metaModel/recommendation';
import { appendMemoryFile, readMemoryFile } from './memoryFile';
import { loadCifar10 } from './nodeDataset';
import { nodeWorkerFactory } from './nodeWorkers';
import { backendFlagOrExit, exitOnBackendFailure } from './backendFlag';
import { parseStudyArgs, STUDY_USAGE } from './studyArgs';
import { trainingSummary } from './trainingSummary';

// Every flag is checked before anything loads: a bad one ends the run with its message and code 2.
const parsed = parseStudyArgs(process.argv.slice(2));
if (parsed.kind === 'help') {
  console.log(STUDY_USAGE);
  process.exit(0);
}
if (parsed.kind === 'error') {
  console.error(parsed.message);
  process.exit(2);
}
const values = parsed.args;
const preset = findPreset(values.presetId)!;
const definition = values.definition;
const problems = studyProblems(definition);
if (problems.length) {
  console.error(`The study is not valid:\n  ${problems.join('\n  ')}`);
  process.exit(2);
}
const workers = values.workers ?? Math.min(availableParallelism(), summarisePlan(definition).configurations);
// As the page does before Run: refuse what this machine cannot hold or finish, ask before hours.
const estimate = estimateStudy(definition, {
  backend: values.backend ?? 'wasm',
  detected: values.backend !== undefined,
  workers,
});
console.log(`[study] estimate: ${estimateText(estimate)}`);
if (estimate.verdict === 'refuse') {
  console.error(estimate.reason);
  process.exit(2);
}
if (estimate.verdict === 'confirm' && !values.yes) {
  console.error(`${estimate.reason} Pass --yes to run it anyway.`);
  process.exit(2);
}
const t0 = performance.now();
const memory = readMemoryFile(values.memory, console.log);

const train = loadCifar10('train');
console.log(`[study] preset ${preset.id}: ${preset.explains}`);
const plan = summarisePlan(definition);
console.log(
  `[study] ${definition.scheduler.kind} over ${definition.scheduler.resource}, ${definition.sampler} sampler: ${plan.configurations} configurations, ${plan.trials} trials planned`,
);
const pool = await createStudyPool(nodeWorkerFactory, workers, train, {
  forcedBackend: backendFlagOrExit(values.backend),
}).catch(exitOnBackendFailure);
console.log(
  `[study] ${workers} worker(s) on ${pool.backend.detail}; data loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);

// Tier-2 probes (sharpness, SAM, gradient norm) after every trial, as the page runs them.
const saveMemory = values.saveMemory;
const { run, done } = startStudySession({
  definition,
  pool,
  trainLabels: train.labels,
  probes: values.probes,
  memory: async () => memory,
  listener: {
    onTrialResult(trialId, result) {
      const summary = trainingSummary(result.lossCurve);
      if (summary) console.log(`[study] trial ${trialId}: ${summary}`);
    },
    onState(state, event) {
      if (event?.type === 'trialFinished' || event?.type === 'trialFailed') {
        const t = state.trials[event.trialId];
        const acc = t.valAccuracy === null ? '—' : `${(100 * t.valAccuracy).toFixed(1)}%`;
        console.log(
          `[study] trial ${t.trialId} (config ${t.configId}, rung ${t.rung}, fraction ${t.dataFraction.toFixed(3)}): ${t.state} val acc ${acc}` +
            (t.imagesPerSecond ? `, ${t.imagesPerSecond.toFixed(0)} img/s` : '') +
            (t.error ? ` [${t.error.code}] ${t.error.message}` : ''),
        );
      }
    },
  },
  recommend: async (state, signals) => recommend({ state, signals, examples: memory, now: Date.now() }),
  remember: async (state, signals) => {
    if (saveMemory)
      appendMemoryFile(
        saveMemory,
        saveMemory === values.memory ? memory : readMemoryFile(saveMemory, console.log),
        examplesFromStudy(state, signals, Date.now()),
        console.log,
      );
  },
});
process.on('SIGINT', () => run.stop());
const { state: final, recommendation: rec } = await done;
pool.dispose();
const wallMs = performance.now() - t0;
const ranking = rankConfigs(final);
console.log(
  `\n[study] ${final.phase} in ${(wallMs / 1000).toFixed(1)} s; planned compute ${(100 * plan.computeFraction).toFixed(0)}% of training every configuration fully`,
);
console.log('rank  config  rung  fraction  epochs  val acc  hyperparameters');
ranking.forEach((r, i) =>
  console.log(
    `${String(i + 1).padStart(4)}  ${String(r.configId).padStart(6)}  ${String(r.rung).padStart(4)}  ${r.dataFraction.toFixed(3).padStart(8)}  ${String(r.epochs).padStart(6)}  ${r.valAccuracy === null ? `  ${r.state}` : `${(100 * r.valAccuracy).toFixed(1).padStart(6)}%`}  ${describeConfig(r.config)}`,
  ),
);
for (const p of final.promotions ?? [])
  console.log(`[study] bracket ${p.bracket} rung ${p.rung} -> ${p.rung + 1}: ${p.note}`);
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
if (rec) {
  console.log(
    `[study] recommendation: config ${rec.configId} (${describeConfig(rec.config)}); ` +
      (rec.confirmedAccuracy === null
        ? `not trained at full fidelity (${rec.fidelity})`
        : `confirmed ${pct(rec.confirmedAccuracy)} at full fidelity (${rec.fidelity})`) +
      (rec.predicted
        ? `; meta-model forecast ${pct(rec.predicted.mean)} [${pct(rec.predicted.lower)}, ${pct(rec.predicted.upper)}]`
        : '') +
      `; ${rec.note}`,
  );
}
const result = {
  preset: preset.id,
  seed: definition.seed,
  phase: final.phase,
  wallMs,
  backend: pool.backend.backend,
  workers,
  ranking,
  trials: final.trials,
};
console.log(
  JSON.stringify({
    preset: result.preset,
    seed: result.seed,
    phase: result.phase,
    wallMs: Math.round(wallMs),
    backend: result.backend,
    workers,
    best: ranking[0],
    recommendation: rec,
  }),
);
if (values.json) writeFileSync(values.json, JSON.stringify(result, null, 2));
