// What the measured evidence (../../core/groundTruth/promotionEvidence.json, written by
// `npm run bench:simulate -- --write-evidence`) says, in plain words for the page: the verdict in a
// sentence, and the figures behind it with rule and scheduler names written as words, not code.
import type { PromotionEvidence, RuleEvidence } from '../../core/groundTruth/promotionEvidence';
import {
  judgedEvidence,
  verdictOf,
  type SchedulerEvidence,
  type SchedulerVerdict,
} from '../../core/groundTruth/schedulerEvidence';

/** Longest first, so successiveHalvingEpochs is not read as successiveHalving + "Epochs". */
const NAMES: [string, string][] = [
  ['successiveHalvingEpochs', 'successive halving over epochs'],
  ['successiveHalving', 'successive halving'],
  ['metaModelMemory', 'the meta-model (with earlier studies as memory)'],
  ['metaModel', 'the meta-model'],
  ['compositeSharpness', 'accuracy corrected by sharpness'],
  ['probeRegression', 'accuracy plus the best probe'],
  ['powerLaw', 'the extrapolated learning curve'],
  ['hyperband', 'Hyperband'],
  ['twoStep', 'two-step'],
  ['asha', 'ASHA'],
];

export const plainName = (id: string): string => NAMES.find(([code]) => code === id)?.[1] ?? id;

/** The text with every known identifier replaced by its plain name ("metaModelMemory/twoStep" too). */
export function plainNames(text: string): string {
  let out = text.replace(/\b(\w+)\/(\w+)\b/g, (whole, a: string, b: string) =>
    NAMES.some(([c]) => c === a) ? `${plainName(a)} under ${plainName(b)}` : whole,
  );
  for (const [code, words] of NAMES) out = out.replace(new RegExp(`\\b${code}\\b`, 'g'), words);
  return out;
}

const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/** One sentence: which schedulers picked better than random search for the same compute. */
export function schedulerVerdict(evidence: readonly SchedulerEvidence[]): string {
  const rows = judgedEvidence(evidence);
  const named = (v: SchedulerVerdict) => rows.filter((e) => verdictOf(e) === v).map((e) => plainName(e.scheduler));
  const [better, unclear, worse] = [named('better'), named('not distinguishable'), named('worse')];
  const parts = [
    better.length > 0 && `${list(better)} found better configurations than random search given the same compute`,
    unclear.length > 0 && `${list(unclear)} did not clearly differ from it`,
    worse.length > 0 && `${list(worse)} did worse`,
  ].filter(Boolean);
  return parts.length === 0 ? '' : `Measured on real training runs: ${parts.join('; ')}.`;
}

const metaRules = (e: PromotionEvidence) =>
  e.rules.filter((r) => (r.rule === 'metaModelMemory' || r.rule === 'metaModel') && r.decidedShare > 0);

/** Why promotion by accuracy is the default, in a sentence or two. */
export function promotionVerdict(e: PromotionEvidence): string {
  const meta = metaRules(e);
  const schedulers = (rs: RuleEvidence[]) => list([...new Set(rs.map((r) => plainName(r.scheduler)))]);
  const better = meta.filter((r) => r.ci95[1] < 0);
  const worse = meta.filter((r) => r.ci95[0] > 0);
  const model =
    meta.length === 0
      ? 'There is not yet enough evidence to judge the meta-model.'
      : better.length > 0
        ? `The meta-model picked better configurations with ${schedulers(better)}.`
        : `In replayed studies the meta-model never picked better configurations than accuracy${worse.length > 0 ? `, and with ${schedulers(worse)} it picked slightly worse ones` : ''}.`;
  const p = e.probes;
  const probes =
    p && p.tests > 0 && p.excludingSimultaneous === 0 && p.confirmed === 0
      ? ' The extra probes (sharpness and the like) are off unless asked for and never steer promotion: none of their signals held up on held-out configurations.'
      : '';
  return `Default: promote by validation accuracy. ${model}${probes}`;
}
