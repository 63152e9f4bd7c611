// Everything bench:simulate reports, as one pure function of the table: the noise floor, one
// RuleReport per (pool size, scheduler, rule) and the probes' partial rank correlations. The
// figures are validation-only: the table's report-only test field is never read.
import { equalComputeReport, type EqualComputeReport } from './equalComputeReport';
import type { LearningCurveTable } from './learningCurveTable';
import { noiseFloor, type NoiseFloor } from './noiseFloor';
import { P_BEST_DEFINITION } from './poolBest';
import { COMPUTE_UNIT } from './replayCost';
import { KEEPS_SHARE } from './schedulerEvidence';
import { seedNoise } from './seedNoise';
import { probeConfirmation, type ProbeConfirmation } from './probeConfirmation';
import { probeCounts, probeSignal, type ProbeSignal } from './probeSignal';
import type { ReplaySchedulerName } from './replayPlans';
import { refitsPerStudy, usesMetaModel, type PromotionRuleName } from './replayPromotion';
import { ruleReport, type RuleReport } from './ruleReport';
import { simulateRule, type RuleRun, type SimulationSettings } from './simulateStudies';
import { tableBootstrap } from './tableBootstrap';
import { fullFidelityLabel, tableConfigurations } from './tableConfigurations';

export interface SimulationRequest {
  poolSizes: number[];
  schedulers: ReplaySchedulerName[];
  rules: PromotionRuleName[];
  bootstrap: number;
  /** Resampled tables for ./tableBootstrap's intervals (0: none), and studies replayed on each. */
  tableBootstrap: { tables: number; studiesPerTable: number };
  simulation: SimulationSettings;
}

export interface SimulationReport {
  configurations: number;
  rows: number;
  fullFidelity: string;
  noiseFloor: NoiseFloor;
  /** The seed-noise model's per-run SD (./seedNoise), pooled over the configurations with repeats. */
  seedNoise: { sdPts: number; degreesOfFreedom: number; repeated: string[] };
  pBestDefinition: string;
  computeUnit: string;
  rules: RuleReport[];
  /** Each scheduler (accuracy promotion) against random search at its own compute. */
  equalCompute: EqualComputeReport[];
  probes: ProbeSignal[];
  /** The probe leads chosen on the table's first half of configurations, tested on the other half. */
  probeConfirmation: ProbeConfirmation;
  /** Plain-language caveats that belong beside the figures. */
  notes: string[];
}

export type Progress = (run: RuleRun, seconds: number) => void;

export function simulationReport(
  table: LearningCurveTable,
  req: SimulationRequest,
  onProgress: Progress = () => {},
  now: () => number = () => 0,
): SimulationReport {
  const configs = tableConfigurations(table);
  if (configs.length < 2)
    throw new Error(
      `Expected at least 2 configurations with all ${table.header.fractions.length} fractions, but the table has ${configs.length}`,
    );
  const s = req.simulation;
  const fullFidelity = fullFidelityLabel(table.header);
  const notes: string[] = [];
  const sizes = [...new Set(req.poolSizes.map((p) => Math.min(p, configs.length)))];
  for (const p of req.poolSizes.filter((p) => p > configs.length))
    notes.push(
      `pool ${p} asked for, but the table has only ${configs.length} complete configurations: every study uses all of them`,
    );
  const noise = seedNoise(table);
  const rules: RuleReport[] = [];
  const equalCompute: EqualComputeReport[] = [];
  for (const poolSize of sizes) {
    for (const scheduler of req.schedulers) {
      // Accuracy runs first: every other rule is compared with it on the same studies.
      const order = req.rules.includes('accuracy')
        ? ['accuracy' as const, ...req.rules.filter((r) => r !== 'accuracy')]
        : req.rules;
      let baseline: RuleRun | null = null;
      for (const rule of order) {
        const started = now();
        const count = refitsPerStudy(rule) ? Math.min(s.studies, s.metaModelStudies) : s.studies;
        const run = simulateRule(table, configs, scheduler, rule, poolSize, s, count, noise);
        onProgress(run, (now() - started) / 1000);
        const { tables, studiesPerTable } = req.tableBootstrap;
        if (rule === 'accuracy') {
          baseline = run;
          equalCompute.push(
            equalComputeReport(table, configs, run, s, fullFidelity, req.bootstrap, req.tableBootstrap, noise),
          );
        }
        rules.push({
          ...ruleReport(run, baseline, fullFidelity, s.seed, req.bootstrap, noise),
          tableBootstrap: tableBootstrap(table, configs, scheduler, rule, poolSize, s, tables, studiesPerTable),
        });
      }
    }
  }
  const refitting = req.rules.filter(refitsPerStudy);
  if (refitting.length > 0 && s.metaModelStudies < s.studies) {
    notes.push(
      `${refitting.join(', ')} replay ${Math.min(s.studies, s.metaModelStudies)} studies (the first of the same sequence), not ${s.studies}: each study refits a model; every other rule replays ${s.studies}`,
    );
  }
  if (req.rules.some(usesMetaModel)) {
    notes.push(
      `meta-model: ${s.candidates === 'ridge' ? 'ridge candidates only (the GP and forest take seconds per fit here; --candidates all uses them)' : "the lab's full candidate list"}, guard '${s.guard}', ${s.minExamples} examples needed; in-study examples are the study's own full-fidelity runs so far; memory is the table minus the sub-pool (by configId)`,
    );
  }
  for (const rule of ['metaModel', 'metaModelMemory', 'probeRegression'] as const) {
    const idle = rules.filter((x) => x.rule === rule && x.decidedShare === 0);
    if (idle.length === 0) continue;
    const why =
      rule === 'metaModel'
        ? `fewer than ${s.minExamples} examples from its own full-fidelity runs before a promotion`
        : rule === 'metaModelMemory'
          ? `fewer than ${s.minExamples} memory examples (the table minus the pool)`
          : `fewer than ${s.minExamples} memory examples at the rung, or no probe beat accuracy alone by leave-one-out error on them`;
    notes.push(
      `${rule} never decided a promotion in ${idle.map((x) => `${x.scheduler}/${x.poolSize}`).join(', ')}: ${why}, so there its figures are accuracy's`,
    );
  }
  notes.push(
    req.tableBootstrap.tables > 0
      ? `ci95 resamples the simulated studies (the replay's uncertainty given this table); tableBootstrap.ci95 also resamples the table's configurations (${req.tableBootstrap.tables} tables x ${req.tableBootstrap.studiesPerTable} studies; not for meta-model rules): read that one before changing a default`
      : "ci95 resamples the simulated studies: the replay's uncertainty given this table, not how another draw of configurations would differ (--table-bootstrap adds that)",
  );
  notes.push(
    `compute: ${COMPUTE_UNIT}; random search at equal compute is charged in the same unit; computeFractionMs is the same ratio in each row's measured milliseconds (load-dependent, secondary); the gradient-norm probe at init is not timed in the table`,
  );
  notes.push(`P(best): ${P_BEST_DEFINITION}`);
  if (Number.isFinite(noise.sdPts)) notes.push(keepsUnderNoise(rules));
  notes.push(
    Number.isFinite(noise.sdPts)
      ? `underSeedNoise: each pool's best is a distribution, per-run SD ${noise.sdPts.toFixed(2)} pts pooled over ${noise.repeated.length} configurations with repeats (${noise.degreesOfFreedom} degrees of freedom: ${noise.repeated.join(', ')}); tableBestPBest is the ceiling for a pick read off the table, keptShare the rule's share of it`
      : 'underSeedNoise: null, the table has no full-fidelity repeats to measure seed noise from',
  );
  const probes = probeSignal(table.header, configs);
  const counts = probeCounts(probes);
  notes.push(
    `probes: ${counts.excludingSingle} of ${counts.tests} probe-rung CIs exclude 0, where chance alone would give about ${(0.05 * counts.tests).toFixed(1)}; ${counts.excludingSimultaneous} still exclude 0 when all ${counts.tests} hold at once (Bonferroni, ci95Simultaneous)`,
  );
  return {
    configurations: configs.length,
    rows: table.rows.length,
    fullFidelity,
    noiseFloor: noiseFloor(table),
    seedNoise: { sdPts: noise.sdPts, degreesOfFreedom: noise.degreesOfFreedom, repeated: noise.repeated },
    pBestDefinition: P_BEST_DEFINITION,
    computeUnit: COMPUTE_UNIT,
    rules,
    equalCompute,
    probes,
    probeConfirmation: probeConfirmation(table.header, configs),
    notes,
  };
}

/** Which schedulers (accuracy promotion) keep KEEPS_SHARE of the table-best ceiling under seed noise, per pool size. */
function keepsUnderNoise(rules: readonly RuleReport[]): string {
  const accuracy = rules.filter((r) => r.rule === 'accuracy' && r.underSeedNoise);
  const pools = [...new Set(accuracy.map((r) => r.poolSize))];
  const part = (pool: number) => {
    const at = accuracy.filter((r) => r.poolSize === pool);
    const kept = at.filter((r) => r.underSeedNoise!.keptShare >= KEEPS_SHARE).map((r) => r.scheduler);
    const lost = at.filter((r) => r.underSeedNoise!.keptShare < KEEPS_SHARE).map((r) => r.scheduler);
    return `pool ${pool}: ${kept.join(', ') || 'none'} keep it${lost.length > 0 ? `; ${lost.join(', ')} do not` : ''}`;
  };
  return `P(best) under seed noise, kept where a scheduler reaches ${100 * KEEPS_SHARE}% of the table-best ceiling: ${pools.map(part).join('; ')}`;
}
