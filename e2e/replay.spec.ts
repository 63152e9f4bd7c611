// The real-study replay in Chromium, against the same replay computed here in Node from the committed
// table: one study's pick, regret and ladder; another rule and study; 1,000 studies' figures; a bad
// pool size; and the shipped table carries no test accuracy.
import { expect, test, type Response } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { PromotionEvidence } from '../src/core/groundTruth/promotionEvidence';
import { schedulerEvidenceText, schedulerVerdicts } from '../src/core/groundTruth/schedulerEvidence';
import { plainNames } from '../src/ui/components/evidenceWords';
import { equalComputeDifference } from '../src/core/groundTruth/equalComputeReport';
import { REPLAY_SCHEDULERS, replayPlan, type ReplaySchedulerName } from '../src/core/groundTruth/replayPlans';
import type { PromotionRuleName } from '../src/core/groundTruth/replayPromotion';
import { ruleReport } from '../src/core/groundTruth/ruleReport';
import { DEFAULT_SIMULATION, replayStudyNumber, simulateRule } from '../src/core/groundTruth/simulateStudies';
import { fullFidelityLabel, tableConfigurations } from '../src/core/groundTruth/tableConfigurations';
import { DEFAULT_TABLE_PATH, readTableFile } from '../bench/table/tableFile';
import { tableTuningCurve } from '../src/core/groundTruth/tableTuningCurve';
import { DEFAULT_TABLE_SETTINGS } from '../src/core/groundTruth/tablePlan';

const table = readTableFile(DEFAULT_TABLE_PATH);
const configs = tableConfigurations(table);
const poolSize = Math.min(9, configs.length);
const EVIDENCE_FILE = new URL('../src/core/groundTruth/promotionEvidence.json', import.meta.url).pathname;

function expected(
  rule: PromotionRuleName,
  k: number,
  scheduler: ReplaySchedulerName = 'successiveHalving',
  n = poolSize,
) {
  const plan = replayPlan(table.header, scheduler, n);
  return replayStudyNumber(table, configs, plan, n, rule, k, DEFAULT_SIMULATION).outcome;
}

test('a real-fidelity study replayed in the page matches the replay in Node, and the test field never ships', async ({
  page,
}) => {
  test.setTimeout(3 * 60_000);
  const scripts: Promise<string>[] = [];
  page.on('response', (r: Response) => {
    if (r.url().endsWith('.js')) scripts.push(r.text().catch(() => ''));
  });
  await page.goto('/');
  // Beside the scheduler choice: each scheduler against random search at its compute, from the committed evidence.
  const evidence = JSON.parse(readFileSync(EVIDENCE_FILE, 'utf8')) as PromotionEvidence;
  await expect(page.getByTestId('scheduler-evidence')).toHaveText(
    plainNames(schedulerEvidenceText(evidence.schedulers ?? [], evidence.tableConfigurations, evidence.fullFidelity)),
  );
  await page.getByText('Replay a real study (no training)').click();
  const result = page.getByTestId('replay-result');
  await expect(result).toBeVisible();
  await expect(page.getByTestId('table-replay')).toContainText(
    `${configs.length}${configs.length < DEFAULT_TABLE_SETTINGS.configs ? ` of the ${DEFAULT_TABLE_SETTINGS.configs} planned` : ''} configurations of SimpleCNN`,
  );
  await expect(page.getByTestId('table-replay')).toContainText(`Full = ${fullFidelityLabel(table.header)}`);

  const first = expected('accuracy', 0);
  await expect(result).toHaveAttribute('data-pick', first.pick);
  await expect(result).toHaveAttribute('data-regret', first.regretPts.toFixed(2));
  await expect(page.getByTestId('replay-trial')).toHaveCount(first.trials.length);
  const picked = page.locator('[data-testid="replay-trial"][data-decision="picked"]');
  await expect(picked).toHaveCount(1);
  await expect(picked).toContainText(first.pick);

  await page.getByTestId('replay-rule').selectOption('compositeSharpness');
  await page.getByTestId('replay-study').fill('3');
  const other = expected('compositeSharpness', 3);
  await expect(result).toHaveAttribute('data-pick', other.pick);
  await expect(result).toHaveAttribute('data-regret', other.regretPts.toFixed(2));

  await page.getByTestId('replay-many').click();
  const many = page.getByTestId('replay-distribution');
  await expect(many).toBeVisible({ timeout: 60_000 });
  const s = DEFAULT_SIMULATION;
  const base = simulateRule(table, configs, 'successiveHalving', 'accuracy', poolSize, s, 1000);
  const run = simulateRule(table, configs, 'successiveHalving', 'compositeSharpness', poolSize, s, 1000);
  const report = ruleReport(run, base, fullFidelityLabel(table.header), s.seed);
  await expect(many).toHaveAttribute('data-studies', '1000');
  await expect(page.getByTestId('replay-median-regret')).toHaveText(`${report.medianRegretPts.toFixed(2)} pts`);
  await expect(page.getByTestId('replay-p-best')).toHaveText(`${(100 * report.pBest).toFixed(0)}%`);
  await expect(page.getByTestId('replay-vs-accuracy')).toContainText(
    `${report.vsAccuracy!.meanRegretDiffPts > 0 ? '+' : ''}${report.vsAccuracy!.meanRegretDiffPts.toFixed(2)} pts`,
  );

  await page.getByTestId('compare-schedulers').click();
  await expect(page.getByTestId('scheduler-comparison')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('scheduler-point')).toHaveCount(REPLAY_SCHEDULERS.length);
  for (const scheduler of REPLAY_SCHEDULERS) {
    const schedulerRun = simulateRule(table, configs, scheduler, 'compositeSharpness', poolSize, s, 1000);
    const r = ruleReport(schedulerRun, null, fullFidelityLabel(table.header), s.seed);
    const row = page.locator(`[data-testid="scheduler-row"][data-scheduler="${scheduler}"]`);
    await expect(row).toContainText(`${(100 * r.computeFraction).toFixed(0)}% [`);
    await expect(row).toContainText(`${(100 * r.pBest).toFixed(0)}% [`);
    await expect(row).toContainText(`${r.medianRegretPts.toFixed(2)} pts`);
    const vsRandom = equalComputeDifference(schedulerRun, configs, s.seed).meanRegretDiffPts;
    await expect(row.getByTestId('scheduler-vs-random')).toHaveText(
      `${vsRandom > 0 ? '+' : ''}${vsRandom.toFixed(2)} pts`,
    );
    // One verdict per scheduler: the study settings' (intervals over resampled tables), not a second one.
    const verdict = schedulerVerdicts(evidence.schedulers ?? []).get(scheduler);
    await expect(row.getByTestId('scheduler-verdict')).toContainText(verdict ? `${verdict.verdict} [` : 'not measured');
  }
  await expect(page.getByTestId('interval-meaning')).toContainText('over resampled tables');

  // Near the whole table (27 of 32) the studies would repeat one pool: no comparison, and the reason.
  await page.getByTestId('replay-pool').fill(String(Math.floor(configs.length / 2) + 1));
  await expect(page.getByTestId('compare-not-offered')).toContainText('Schedulers are not compared at');
  await expect(page.getByTestId('compare-schedulers')).toHaveCount(0);
  await expect(page.getByTestId('replay-many-not-offered')).toContainText('The 1,000-study replay is not offered at');
  await page.getByTestId('replay-pool').fill(String(poolSize));

  await expect(page.getByTestId('table-tuning-readout')).toHaveText(
    tableTuningCurve(table.header, configs).readout.text,
  );

  await page.getByTestId('replay-pool').fill('1');
  await expect(page.getByTestId('table-replay')).toContainText(`Between 2 and ${configs.length}`);
  await expect(result).toHaveCount(0);

  const shipped = (await Promise.all(scripts)).filter((t) => t.includes('"kind":"header"'));
  expect(shipped).toHaveLength(1);
  expect(shipped[0]).not.toContain('testAccuracy');
});

test('a lesson link opens a replay, a bad value is reported, and the panel links to what it shows', async ({
  page,
}) => {
  await page.goto('/?replay=hyperband&replayRule=powerLaw&replayPool=40&replayStudy=2&replayPool=x');
  const result = page.getByTestId('replay-result');
  await expect(result).toBeInViewport();
  await expect(page.getByTestId('replay-pool-clamped')).toContainText(
    `asks for 40 configurations per study; the table has ${configs.length}`,
  );
  const linked = expected('powerLaw', 2, 'hyperband', configs.length);
  await expect(result).toHaveAttribute('data-pick', linked.pick);
  await expect(result).toHaveAttribute('data-regret', linked.regretPts.toFixed(2));

  await page.goto('/?replay=fastest&replayStudy=-1');
  await expect(page.getByTestId('link-problems')).toContainText('Unknown replay scheduler "fastest"');
  await expect(page.getByTestId('link-problems')).toContainText('Expected replayStudy to be a whole number');
  await expect(result).toHaveCount(0);

  await page.getByText('Replay a real study (no training)').click();
  await page.getByTestId('replay-scheduler').selectOption('twoStep');
  await page.getByTestId('replay-rule').selectOption('probeRegression');
  await page.getByTestId('replay-study').fill('5');
  const shown = expected('probeRegression', 5, 'twoStep');
  await expect(result).toHaveAttribute('data-pick', shown.pick);
  const href = await page.getByTestId('replay-link').getAttribute('href');
  expect(new URL(href!).search).toBe(`?replay=twoStep&replayRule=probeRegression&replayPool=${poolSize}&replayStudy=5`);
  await page.goto(href!);
  await expect(result).toHaveAttribute('data-pick', shown.pick);
  await expect(result).toHaveAttribute('data-regret', shown.regretPts.toFixed(2));
  await expect(page.getByTestId('link-problems')).toHaveCount(0);
});
