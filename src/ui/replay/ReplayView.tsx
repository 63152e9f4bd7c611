// One replayed study over the table, recomputed as the settings change (milliseconds): its pick,
// regret and compute in a sentence, its rung ladder, a lesson link to it, and 1,000 more on request.
import { useMemo, useState } from 'react';
import type { LearningCurveTable } from '../../core/groundTruth/learningCurveTable';
import { replayPlan } from '../../core/groundTruth/replayPlans';
import { DEFAULT_TABLE_SETTINGS } from '../../core/groundTruth/tablePlan';
import { DEFAULT_SIMULATION, replayStudyNumber } from '../../core/groundTruth/simulateStudies';
import { fullFidelityLabel, type TableConfiguration } from '../../core/groundTruth/tableConfigurations';
import { replaySearchParams, type ReplayLink } from '../../core/link/replayParams';
import { ReplayControls, type ReplaySettings } from './ReplayControls';
import { ReplayLadder } from './ReplayLadder';
import { ReplayMany } from './ReplayMany';
import { SchedulerComparison } from './SchedulerComparison';
import { TableTuningCurve } from './TableTuningCurve';
import { Notice } from '../kit/Notice';
import { formatPercent } from '../kit/format';

const DEFAULT_POOL = 9;

/** This page's address with the replay's keys replaced by these settings. */
function linkTo(s: ReplaySettings): string {
  const url = new URL(window.location.href);
  for (const key of ['replay', 'replayRule', 'replayPool', 'replayStudy']) url.searchParams.delete(key);
  for (const [k, v] of replaySearchParams(s)) url.searchParams.set(k, v);
  url.hash = '';
  return url.toString();
}

export function ReplayView({
  table,
  configs,
  link,
}: {
  table: LearningCurveTable;
  configs: TableConfiguration[];
  link: ReplayLink | null;
}) {
  const { header } = table;
  const asked = link?.poolSize ?? null;
  const [settings, setSettings] = useState<ReplaySettings>({
    scheduler: link?.scheduler ?? 'successiveHalving',
    rule: link?.rule ?? 'accuracy',
    poolSize: Math.min(asked ?? DEFAULT_POOL, configs.length),
    study: link?.study ?? 0,
  });
  const { scheduler, rule, poolSize, study } = settings;
  const valid = Number.isInteger(poolSize) && poolSize >= 2 && poolSize <= configs.length;
  const replayed = useMemo(() => {
    if (!valid || !Number.isInteger(study) || study < 0) return null;
    try {
      const plan = replayPlan(header, scheduler, poolSize);
      return { plan, ...replayStudyNumber(table, configs, plan, poolSize, rule, study, DEFAULT_SIMULATION) };
    } catch (e) {
      return { error: `This replay cannot run: ${e instanceof Error ? e.message : String(e)}` };
    }
  }, [table, header, configs, scheduler, rule, poolSize, study, valid]);
  const one = replayed && 'outcome' in replayed ? replayed : null;
  const best = one ? one.pool.reduce((a, c) => (c.fullAccuracy > a.fullAccuracy ? c : a)) : null;
  const picked = one ? one.pool.find((c) => c.configId === one.outcome.pick)! : null;

  return (
    <div className="replay">
      <p>
        {configs.length}
        {configs.length < DEFAULT_TABLE_SETTINGS.configs && ` of the ${DEFAULT_TABLE_SETTINGS.configs} planned`}{' '}
        configurations of SimpleCNN, each trained by <code>npm run bench:table</code> on real CIFAR-10 at{' '}
        {configs[0].rows.map((r) => r.images.toLocaleString('en')).join(', ')} training images for {header.epochs}{' '}
        epochs, with validation accuracy on {header.validationSize.toLocaleString('en')} held-out images after every
        epoch. <strong>Full = {fullFidelityLabel(header)}.</strong> A replay reads those measured curves instead of
        training. The test set is not in this page.
      </p>
      {asked !== null && asked > configs.length && (
        <Notice tone="info" live="status" testId="replay-pool-clamped">
          The link asks for {asked} configurations per study; the table has {configs.length} complete ones, so the
          replay uses all {configs.length}.
        </Notice>
      )}
      <ReplayControls value={settings} onChange={setSettings} configurations={configs.length} />
      {replayed && 'error' in replayed && (
        <Notice tone="error" live="alert">
          {replayed.error}
        </Notice>
      )}
      {one && picked && best && (
        <>
          <p data-testid="replay-result" data-pick={one.outcome.pick} data-regret={one.outcome.regretPts.toFixed(2)}>
            The study picks <strong>{picked.configId}</strong> ({formatPercent(picked.fullAccuracy)} at full fidelity);
            the best of its {one.pool.length} is {best.configId} ({formatPercent(best.fullAccuracy)}). Regret{' '}
            {one.outcome.regretPts.toFixed(2)} points, for {formatPercent(one.outcome.computeFraction, 0)} of the
            compute of training all {one.pool.length} fully. <span className="muted">{one.plan.note}</span>{' '}
            <a href={linkTo(settings)} data-testid="replay-link">
              Link to this replay
            </a>
          </p>
          <ReplayLadder header={header} pool={one.pool} outcome={one.outcome} />
          <ReplayMany
            key={`${scheduler}/${rule}/${poolSize}`}
            table={table}
            configs={configs}
            scheduler={scheduler}
            rule={rule}
            poolSize={poolSize}
          />
          <SchedulerComparison
            key={`${rule}/${poolSize}`}
            table={table}
            configs={configs}
            rule={rule}
            poolSize={poolSize}
          />
        </>
      )}
      <TableTuningCurve header={header} configs={configs} />
    </div>
  );
}
