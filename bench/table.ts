// Builds the ground-truth learning-curve table (src/core/groundTruth): every table configuration
// trained on real CIFAR-10 at each data fraction for E epochs, validated on the whole 5,000-image
// split after every epoch and probed; appended one gzip member per row, so a kill loses only the
// rows in flight and a rerun continues. Usage: USAGE below, or `npm run bench:table -- --help`.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { rowKey } from '../src/core/groundTruth/learningCurveTable';
import {
  DEFAULT_TABLE_SETTINGS,
  tableHeader,
  tableUnits,
  topRepeatUnits,
  type TableSettings,
} from '../src/core/groundTruth/tablePlan';
import { clockPathFor, readClock, startClock } from './table/buildClock';
import { checkTable } from './table/checkTable';
import {
  formatHeadline,
  formatOtherRun,
  HEADLINE_EPOCHS,
  HEADLINE_FILE,
  OTHER_RUN_FILE,
  parseHeadline,
} from './table/headlineReport';
import { formatTableReport, headlineCommand, tableReport } from './table/tableReport';
import { appendRow, DEFAULT_TABLE_PATH, readTableFile, readTableText } from './table/tableFile';
import { PRODUCT_TABLE_PATH, productTableText } from '../scripts/productTable';
import { startTableTrainer } from './table/tableTrainer';

const USAGE = `npm run bench:table [-- --workers N] [--configs 32] [--epochs 4] [--repeats 4] [--out file] [--limit N] [--top-repeats]
  npm run bench:table -- --check [--out file]
  npm run bench:table -- --report [--out file]`;

function parseOptions() {
  try {
    return parseArgs({
      options: {
        workers: { type: 'string' },
        configs: { type: 'string', default: String(DEFAULT_TABLE_SETTINGS.configs) },
        epochs: { type: 'string', default: String(DEFAULT_TABLE_SETTINGS.epochs) },
        repeats: { type: 'string', default: String(DEFAULT_TABLE_SETTINGS.repeats) },
        out: { type: 'string', default: DEFAULT_TABLE_PATH },
        limit: { type: 'string' },
        check: { type: 'boolean', default: false },
        report: { type: 'boolean', default: false },
        'top-repeats': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    // parseArgs names the bad flag; the usage says what is accepted.
    console.error(`${(e as Error).message}\nusage: ${USAGE}`);
    process.exit(2);
  }
}

const { values } = parseOptions();
if (values.help) {
  console.log(`usage: ${USAGE}`);
  process.exit(0);
}

const positiveInt = (name: string, raw: string | undefined, min = 1): number => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) {
    console.error(`Expected --${name} to be an integer >= ${min}, but got ${raw}`);
    process.exit(2);
  }
  return n;
};

const settings: TableSettings = {
  ...DEFAULT_TABLE_SETTINGS,
  configs: positiveInt('configs', values.configs),
  epochs: positiveInt('epochs', values.epochs),
  repeats: positiveInt('repeats', values.repeats, 0),
};
const path = values.out!;

if (values.check) {
  const { problems, pending } = checkTable(path, settings);
  const productCopy = existsSync(PRODUCT_TABLE_PATH) ? readFileSync(PRODUCT_TABLE_PATH, 'utf8') : null;
  if (path === DEFAULT_TABLE_PATH && productCopy !== productTableText(readTableText(path)))
    problems.push(`${PRODUCT_TABLE_PATH} is not this table's product copy: run \`npm run bench:table\` to rewrite it`);
  if (problems.length === 0) {
    console.log(`[table] ${path}: valid and complete${pending.length > 0 ? '; optional rows pending:' : ''}`);
    pending.forEach((p) => console.log(`[table] ${p}`));
    process.exit(0);
  }
  problems.forEach((p) => console.error(`[table] ${p}`));
  process.exit(1);
}

if (values.report) {
  if (!existsSync(path)) {
    console.error(`[table] ${path} does not exist yet: build it with \`npm run bench:table\``);
    process.exit(2);
  }
  const table = readTableFile(path);
  const report = tableReport(table, tableUnits(table.header, settings), readClock(clockPathFor(path)));
  console.log(formatTableReport(report, table.header.fractions, table.header.epochs));
  if (report.best && existsSync(HEADLINE_FILE)) {
    const run = parseHeadline(readFileSync(HEADLINE_FILE, 'utf8'));
    console.log(
      typeof run === 'string'
        ? `${HEADLINE_FILE} ${run}`
        : formatHeadline(run, report.best, HEADLINE_EPOCHS, HEADLINE_FILE).join('\n'),
    );
  }
  const folder = dirname(HEADLINE_FILE);
  for (const name of existsSync(folder) ? readdirSync(folder).filter((n) => OTHER_RUN_FILE.test(n)) : []) {
    const file = join(folder, name);
    const run = parseHeadline(readFileSync(file, 'utf8'));
    console.log(
      typeof run === 'string'
        ? `${file} ${run}`
        : formatOtherRun(
            run,
            report.configurations,
            HEADLINE_EPOCHS,
            file,
            headlineCommand(run.config, HEADLINE_EPOCHS, file),
          ).join('\n'),
    );
  }
  process.exit(0);
}

const workers = values.workers ? positiveInt('workers', values.workers) : Math.min(2, availableParallelism());
const header = tableHeader(settings);
const existing = existsSync(path) ? readTableFile(path) : null;
if (existing && JSON.stringify({ ...existing.header, epochs: 0 }) !== JSON.stringify({ ...header, epochs: 0 })) {
  console.error(`[table] ${path} was built with other settings (its header differs); choose another --out`);
  process.exit(2);
}
if (existing && existing.header.epochs !== header.epochs) {
  console.error(
    `[table] ${path} has ${existing.header.epochs} epochs per row, not ${header.epochs}; choose another --out`,
  );
  process.exit(2);
}
if (!existing) appendRow(path, header);
const done = new Set((existing?.rows ?? []).map((r) => rowKey(r.configId, r.replicate, r.dataFraction)));
// --top-repeats: the extra full-fidelity seeds of the top configurations (tablePlan's topRepeatUnits),
// once the planned rows are all in; resumable like them.
const planned = tableUnits(header, settings);
const all = values['top-repeats'] ? topRepeatUnits(header, settings, existing?.rows ?? []) : planned;
if (values['top-repeats'] && planned.some((u) => !done.has(u.key))) {
  console.error(`[table] ${path}: the planned rows are not all in yet; build them before --top-repeats`);
  process.exit(2);
}
// The page's copy follows the default table after every row (a table of another --out stays here).
const writeProductCopy = () => {
  if (path === DEFAULT_TABLE_PATH) writeFileSync(PRODUCT_TABLE_PATH, productTableText(readTableText(path)));
};
writeProductCopy();
let todo = all.filter((u) => !done.has(u.key));
console.log(`[table] ${path}: ${all.length - todo.length} of ${all.length} rows done`);
if (values.limit) todo = todo.slice(0, positiveInt('limit', values.limit));
console.log(`[table] training ${todo.length} rows now`);
if (todo.length === 0) process.exit(0);

// Rows in flight keep an epoch checkpoint beside the table, so a killed build loses at most an epoch of each.
const trainer = await startTableTrainer(header, workers, `${path}.inflight`);
console.log(`[table] ${workers} worker(s) on ${trainer.backend}`);
const clock = startClock(clockPathFor(path), workers);
await trainer.trainAll(todo, (row) => {
  appendRow(path, row);
  writeProductCopy();
});
clock.stop();
trainer.dispose();
console.log(`[table] ${path}: done; check it with \`npm run bench:table -- --check\``);
