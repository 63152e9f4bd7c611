// What the lab can say about its promotion rules, and why the page's default is what it is. Written
// by `npm run bench:simulate -- --write-evidence` from the ground-truth table (promotionEvidence.json)
// and read by the page, so the page states the measured figures, with CIs and what "full" means.
import type { ProbeConfirmation } from './probeConfirmation';
import { probeCounts, type ProbeCounts, type ProbeSignal } from './probeSignal';
import type { RuleReport } from './ruleReport';
import type { SchedulerEvidence } from './schedulerEvidence';

export interface RuleEvidence {
  rule: string;
  scheduler: string;
  poolSize: number;
  studies: number;
  /** Mean over paired studies of (rule - accuracy) regret, in accuracy points; negative favours the rule. */
  regretDiffPts: number;
  ci95: [number, number];
  /** Share of the replayed promotions the rule itself decided; 0 means it never had enough examples, so its figures are accuracy's. */
  decidedShare: number;
}

/** Whether the tier-2 probes rank configurations beyond rung accuracy (./probeSignal, ./probeConfirmation). */
export interface ProbeEvidence extends ProbeCounts {
  /** Leads chosen on the first half of the configurations, and those the other half confirmed. */
  leads: number;
  confirmed: number;
}

export interface PromotionEvidence {
  /** Configurations of the table with every fraction trained, and how many the table will hold. */
  tableConfigurations: number;
  tableTarget: number;
  fullFidelity: string;
  rules: RuleEvidence[];
  probes?: ProbeEvidence;
  /** Each scheduler against random search at its own compute (./schedulerEvidence). */
  schedulers?: SchedulerEvidence[];
}

/** Earlier evidence, from saved single-seed runs at a "full" of 6,750 images x 2 epochs (bench/runs). */
export const SAVED_RUNS_EVIDENCE =
  'On the saved runs (one seed each, "full" = 6,750 images x 2 epochs, about 0.3% of real training), ' +
  'the in-study meta-model ranked configurations no better than rung accuracy (Spearman difference -0.06, 95% CI [-0.18, +0.04]), ' +
  'and where it overruled accuracy its pick lost 4-6 points.';

export function ruleEvidence(reports: readonly RuleReport[]): RuleEvidence[] {
  return reports
    .filter((r) => r.vsAccuracy)
    .map((r) => ({
      rule: r.rule,
      scheduler: r.scheduler,
      poolSize: r.poolSize,
      studies: r.vsAccuracy!.studies,
      regretDiffPts: r.vsAccuracy!.meanRegretDiffPts,
      ci95: r.vsAccuracy!.ci95.meanRegretDiffPts,
      decidedShare: Number.isFinite(r.decidedShare) ? r.decidedShare : 0,
    }));
}

export function probeEvidence(signals: readonly ProbeSignal[], confirmation: ProbeConfirmation): ProbeEvidence {
  return {
    ...probeCounts(signals),
    leads: confirmation.leads.length,
    confirmed: confirmation.leads.filter((l) => l.confirmed).length,
  };
}

/** Whether the tier-2 probes carry a signal that holds up, in brief and with the figures; empty where the file has none. */
function probeEvidenceParts(e: PromotionEvidence): EvidenceParts {
  const p = e.probes;
  if (!p || p.tests === 0) return { verdict: '', figures: '' };
  const held = p.excludingSimultaneous > 0 || p.confirmed > 0;
  const outcome = p.confirmed > 0 ? `${p.confirmed} of them held on the other half` : 'none held on the other half';
  return {
    verdict: held
      ? 'Some tier-2 probe signal held up (figures below); promotion by accuracy does not read it.'
      : 'Tier-2 probes are off unless asked for and never steer promotion: no probe signal survives a correction for the many pairs tested or a held-out half of the table.',
    figures:
      `Tier-2 probes (sharpness, SAM sharpness, gradient norm, Hessian), given the rung's accuracy: ` +
      `${p.excludingSingle} of ${p.tests} probe-rung correlations with full accuracy exclude 0 one at a time ` +
      `(chance gives about ${(0.05 * p.tests).toFixed(1)}), ${p.excludingSimultaneous} when all must hold at once; ` +
      (p.leads > 0
        ? `${p.leads} lead${p.leads === 1 ? '' : 's'} chosen on half the table's configurations, ${outcome}.`
        : 'no lead on half the table.'),
  };
}

const pts = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(2)}`;

/** Whether a rule beats accuracy: its regret difference's whole 95% CI is below 0. */
export const beatsAccuracy = (r: RuleEvidence) => r.ci95[1] < 0;

/** What the page says: the verdict in a sentence or two, then the figures behind it. */
export interface EvidenceParts {
  verdict: string;
  figures: string;
}

const join = (...parts: string[]) => parts.filter(Boolean).join(' ');

/** Why promotion by accuracy is the default, with the numbers. */
export function promotionEvidence(e: PromotionEvidence): EvidenceParts {
  const meta = metaModelEvidenceParts(e);
  const probes = probeEvidenceParts(e);
  return { verdict: join(meta.verdict, probes.verdict), figures: join(meta.figures, probes.figures) };
}

/** The same as one paragraph. */
export function promotionEvidenceText(e: PromotionEvidence): string {
  const { verdict, figures } = promotionEvidence(e);
  return join(verdict, figures);
}

function metaModelEvidenceParts(e: PromotionEvidence): EvidenceParts {
  const meta = e.rules.filter((r) => r.rule === 'metaModelMemory' || r.rule === 'metaModel');
  if (e.tableConfigurations < 9 || meta.length === 0) {
    return {
      verdict: 'Default: promote by accuracy (plain successive halving).',
      figures:
        `${SAVED_RUNS_EVIDENCE} The ground-truth table at ${e.fullFidelity} holds ${e.tableConfigurations} of ${e.tableTarget} configurations so far, ` +
        'too few to replay studies; its figures will replace these.',
    };
  }
  const replayed = `the ground-truth table (${e.tableConfigurations} configurations, full = ${e.fullFidelity})`;
  const decided = meta.filter((r) => r.decidedShare > 0);
  if (decided.length === 0) {
    return {
      verdict: `Default: promote by accuracy. On ${replayed} the meta-model cannot be judged yet.`,
      figures: `In every replayed study it had too few examples to decide a promotion, so accuracy decided. ${SAVED_RUNS_EVIDENCE}`,
    };
  }
  const winners = decided.filter(beatsAccuracy);
  const line = (r: RuleEvidence) =>
    `${r.rule} under ${r.scheduler} (pool ${r.poolSize}, decided ${Math.round(100 * r.decidedShare)}% of promotions): ` +
    `regret ${pts(r.regretDiffPts)} pts vs accuracy, 95% CI [${pts(r.ci95[0])}, ${pts(r.ci95[1])}]`;
  const figures = `Replayed on ${replayed}: ${decided.map(line).join('; ')}.`;
  const losers = decided.filter((r) => r.ci95[0] > 0);
  const worse =
    losers.length > 0
      ? `; it is worse where the CI lies wholly above 0 (${losers.map((r) => `${r.rule}/${r.scheduler}`).join(', ')})`
      : '';
  return {
    verdict:
      winners.length === 0
        ? `Default: promote by accuracy. The meta-model does not beat it: no regret CI lies wholly below 0${worse}.`
        : `The meta-model beat accuracy where its CI excludes 0 (${winners.map((r) => `${r.rule}/${r.scheduler}`).join(', ')}).`,
    figures,
  };
}
