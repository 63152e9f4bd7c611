// Replays thousands of studies over the ground-truth learning-curve table with no training
// (src/core/groundTruth/simulationReport): each scheduler under each promotion rule, judged at full
// fidelity, with the noise floor and the probes' partial rank correlations.
//   npm run bench:simulate [-- --json] [--table file | --fixture] [--studies N] [--meta-studies N] [--pool 9,27] [--seed S] [--write-evidence]
import { learningCurveFixture } from '../src/testing/learningCurveFixture';
import { simulationReport } from '../src/core/groundTruth/simulationReport';
import { parseSimulateOptions } from './simulate/options';
import { textReport } from './simulate/textReport';
import { readTableFile } from './table/tableFile';
import { writeEvidence } from './simulate/writeEvidence';

const argv = process.argv.slice(2);
// --write-evidence: also write the page's promotion evidence (src/core/groundTruth/promotionEvidence.json).
const evidence = argv.includes('--write-evidence');
const options = parseSimulateOptions(argv.filter((a) => a !== '--write-evidence'));
const source = options.fixture
  ? 'the SYNTHETIC test fixture (src/testing/learningCurveFixture.ts), not a result'
  : options.table;
const table = options.fixture ? learningCurveFixture() : readTableFile(options.table);
const started = performance.now();
let report;
try {
  report = simulationReport(
    table,
    options,
    (run, seconds) => {
      console.error(
        `[simulate] pool ${run.poolSize} ${run.scheduler} ${run.rule}: ${run.outcomes.length} studies in ${seconds.toFixed(1)} s`,
      );
    },
    () => performance.now(),
  );
} catch (e) {
  console.error(`[simulate] ${source}: ${e instanceof Error ? e.message : String(e)}`);
  if (evidence && !options.fixture) writeEvidence(table, null);
  process.exit(1);
}
if (evidence && !options.fixture) writeEvidence(table, report);
const seconds = (performance.now() - started) / 1000;
if (options.json) {
  const { rules, equalCompute, probes, ...summary } = report;
  console.log(
    JSON.stringify({ table: source, ...summary, settings: options.simulation, seconds: Number(seconds.toFixed(1)) }),
  );
  for (const r of rules) console.log(JSON.stringify(r));
  for (const b of equalCompute) console.log(JSON.stringify(b));
  for (const p of probes) console.log(JSON.stringify(p));
} else {
  console.log(textReport(report, source));
  console.log(`\n${seconds.toFixed(1)} s`);
}
