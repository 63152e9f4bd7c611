// bench:simulate's readable output: the noise floor, one table per pool size and the probes.
import type { SimulationReport } from '../../src/core/groundTruth/simulationReport';
import type { Interval } from '../../src/core/groundTruth/studySummary';

const f = (x: number, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : '—');
const ci = ([lo, hi]: Interval, digits = 2) => `[${f(lo, digits)}, ${f(hi, digits)}]`;
const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(0)}%` : '—');
const pad = (s: string, n: number) => s.padEnd(n);

export function textReport(r: SimulationReport, source: string): string {
  const out: string[] = [];
  const nf = r.noiseFloor;
  out.push(
    `Table: ${source}: ${r.configurations} complete configurations (${r.rows} rows); full fidelity = ${r.fullFidelity}`,
  );
  out.push(
    nf.pairs > 0
      ? `Noise floor: mean |val accuracy (seed A) - (seed B)| at full fidelity = ${f(nf.meanAbsDiffPts)} pts over ${nf.pairs} repeated configurations (max ${f(nf.maxAbsDiffPts)}); regrets below it are noise`
      : 'Noise floor: no repeated configuration in the table yet',
  );
  out.push(
    Number.isFinite(r.seedNoise.sdPts)
      ? `Seed noise: per-run SD ${f(r.seedNoise.sdPts)} pts at full fidelity, pooled over ${r.seedNoise.repeated.join(', ')} (${r.seedNoise.degreesOfFreedom} df)`
      : 'Seed noise: not measured (no full-fidelity repeats)',
    `P(best): ${r.pBestDefinition}`,
    `Compute: ${r.computeUnit}`,
  );
  for (const poolSize of [...new Set(r.rules.map((x) => x.poolSize))]) {
    out.push(
      '',
      `Pool of ${poolSize} configurations (regret in accuracy points vs the pool's best at full fidelity; [95% CI over studies]; last column: 95% CIs over resampled tables of configurations)`,
    );
    out.push(
      `${pad('scheduler', 24)}${pad('rule', 20)}${pad('studies', 8)}${pad('median regret', 20)}${pad('p90 regret', 20)}${pad('P(best)', 18)}${pad('Spearman', 18)}${pad('compute', 18)}${pad('compute (ms)', 13)}${pad('P(best) noisy of max', 21)}${pad('Δmean regret vs accuracy', 26)}${pad('decided', 9)}over tables: median, p90 regret, P(best), Δ`,
    );
    for (const x of r.rules.filter((y) => y.poolSize === poolSize)) {
      out.push(
        pad(x.scheduler, 24) +
          pad(x.rule, 20) +
          pad(String(x.studies), 8) +
          pad(`${f(x.medianRegretPts)} ${ci(x.ci95.medianRegretPts)}`, 20) +
          pad(`${f(x.p90RegretPts)} ${ci(x.ci95.p90RegretPts)}`, 20) +
          pad(`${f(x.pBest)} ${ci(x.ci95.pBest)}`, 18) +
          pad(`${f(x.spearman)} ${ci(x.ci95.spearman)}`, 18) +
          pad(`${pct(x.computeFraction)} ${ci(x.ci95.computeFraction)}`, 18) +
          pad(pct(x.computeFractionMs), 13) +
          pad(x.underSeedNoise ? `${f(x.underSeedNoise.pBest)} of ${f(x.underSeedNoise.tableBestPBest)}` : '—', 21) +
          pad(
            x.vsAccuracy ? `${f(x.vsAccuracy.meanRegretDiffPts)} ${ci(x.vsAccuracy.ci95.meanRegretDiffPts)}` : '',
            26,
          ) +
          pad(pct(x.decidedShare), 9) +
          (x.tableBootstrap
            ? `regret ${ci(x.tableBootstrap.ci95.medianRegretPts)} ${ci(x.tableBootstrap.ci95.p90RegretPts)}, P(best) ${ci(x.tableBootstrap.ci95.pBest)}` +
              (x.tableBootstrap.meanRegretDiffPts ? `, Δ ${ci(x.tableBootstrap.meanRegretDiffPts)}` : '')
            : ''),
      );
    }
    const plans = [...new Map(r.rules.filter((y) => y.poolSize === poolSize).map((y) => [y.scheduler, y.plan]))];
    for (const [scheduler, plan] of plans) out.push(`  ${scheduler}: ${plan}`);
    const baselines = r.equalCompute.filter((b) => b.poolSize === poolSize);
    if (baselines.length > 0)
      out.push(
        "  Against random search at the scheduler's own compute (train that share of the pool fully, pick the best; scheduler minus random, accuracy promotion):",
      );
    for (const b of baselines) {
      const d = b.schedulerMinusRandom;
      out.push(
        `  ${pad(b.scheduler, 24)}random: median regret ${f(b.medianRegretPts)}, p90 ${f(b.p90RegretPts)}, P(best) ${f(b.pBest)} ${ci(b.ci95.pBest)}; ` +
          `Δmean regret ${f(d.meanRegretDiffPts)} ${ci(d.ci95.meanRegretDiffPts)}, ΔP(best) ${f(d.pBestDiff)} ${ci(d.ci95.pBestDiff)}` +
          (b.tableBootstrap
            ? `; over tables Δ ${ci(b.tableBootstrap.meanRegretDiffPts)}, ΔP(best) ${ci(b.tableBootstrap.pBestDiff)}`
            : '') +
          (b.underSeedNoise
            ? `; under seed noise random P(best) ${f(b.underSeedNoise.pBest)}, Δmean regret ${f(b.underSeedNoise.schedulerMinusRandom.meanRegretDiffPts)}, ΔP(best) ${f(b.underSeedNoise.schedulerMinusRandom.pBestDiff)}`
            : ''),
      );
    }
  }
  out.push(
    '',
    "Tier-2 probes: partial Spearman with full-fidelity accuracy given the rung's accuracy [95% Fisher-z CI, Bonett & Wright's variance; simultaneous: all pairs at once, Bonferroni]",
  );
  out.push(
    `${pad('probe', 18)}${pad('rung', 22)}${pad('n', 5)}${pad('partial', 24)}${pad('simultaneous', 18)}${pad('probe alone', 13)}rung accuracy alone`,
  );
  for (const p of r.probes) {
    out.push(
      pad(p.probe, 18) +
        pad(p.rung, 22) +
        pad(String(p.n), 5) +
        pad(`${f(p.partialSpearman)} ${ci(p.ci95)}`, 24) +
        pad(ci(p.ci95Simultaneous), 18) +
        pad(f(p.spearmanProbe), 13) +
        f(p.spearmanRungAccuracy),
    );
  }
  const c = r.probeConfirmation;
  out.push(
    '',
    `Probe leads (data splitting): chosen where the single CI excludes 0 on ${c.exploreConfigs.length} configurations (${c.exploreConfigs[0] ?? '-'}..${c.exploreConfigs.at(-1) ?? '-'}), tested on the other ${c.confirmConfigs.length} [95% for all leads at once, Bonferroni]`,
  );
  if (c.leads.length === 0) out.push('  no lead');
  for (const l of c.leads) {
    out.push(
      '  ' +
        pad(l.probe, 18) +
        pad(l.rung, 22) +
        pad(`chosen ${f(l.explore.partialSpearman)} ${ci(l.explore.ci95)}`, 31) +
        (l.confirm
          ? `held out ${f(l.confirm.partialSpearman)} ${ci(l.confirm.ci95Simultaneous)} n=${l.confirm.n}: ${l.confirmed ? 'CONFIRMED' : 'not confirmed'}`
          : 'held out: undefined (too few configurations or ties), not confirmed'),
    );
  }
  out.push('', ...r.notes.map((n) => `Note: ${n}`));
  return out.join('\n');
}
